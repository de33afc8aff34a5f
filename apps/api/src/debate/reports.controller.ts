import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@agm/domain';
import { ReportCreateDto, ReportResponseDto } from '@agm/contracts';
import { CurrentPrincipal } from '../auth/auth.guard';
import { DebateQueries } from './debate.queries';
import { CreateReport } from './use-cases/create-report.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/** Reports to conference on the order of business; what happens to them on the floor is a debate command. */
@ApiTags('debate')
@ApiBearerAuth()
@Controller('conferences/:conferenceId/reports')
export class ReportsController {
  constructor(
    private readonly create: CreateReport,
    private readonly queries: DebateQueries,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ReportResponseDto] })
  list(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<ReportResponseDto[]> {
    return this.queries.reports(principal, conferenceId);
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: ReportResponseDto })
  async add(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: ReportCreateDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReportResponseDto> {
    const report = await this.create.execute(principal, conferenceId, body);
    return (await this.queries.reports(principal, conferenceId)).find((r) => r.id === report.id)!;
  }
}
