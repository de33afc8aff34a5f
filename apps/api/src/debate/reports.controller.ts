import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@agm/domain';
import { ReportCreateDto, ReportResponseDto, ReportUpdateDto } from '@agm/contracts';
import { CurrentPrincipal } from '../auth/auth.guard';
import { DebateQueries } from './debate.queries';
import { CorrectReport } from './use-cases/correct-report.use-case';
import { CreateReport } from './use-cases/create-report.use-case';
import { RemoveReport } from './use-cases/remove-report.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/** Reports to conference on the order of business; what happens to them on the floor is a debate command. */
@ApiTags('debate')
@ApiBearerAuth()
@Controller('conferences/:conferenceId/reports')
export class ReportsController {
  constructor(
    private readonly create: CreateReport,
    private readonly correct: CorrectReport,
    private readonly remove: RemoveReport,
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

  @Put(':reportId')
  @ApiOkResponse({ type: ReportResponseDto })
  async update(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('reportId', uuid) reportId: string,
    @Body() body: ReportUpdateDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReportResponseDto> {
    const report = await this.correct.execute(principal, conferenceId, reportId, body);
    return (await this.queries.reports(principal, conferenceId)).find((r) => r.id === report.id)!;
  }

  @Delete(':reportId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async delete(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('reportId', uuid) reportId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.remove.execute(principal, conferenceId, reportId);
  }
}
