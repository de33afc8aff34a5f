import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@agm/domain';
import {
  ErrorResponseDto,
  RegisteredResolutionsDto,
  RegisterReportQueryDto,
  ReportDueQueryDto,
  ResolutionAuditEntryDto,
  ResolutionDetailDto,
  ResolutionImportDto,
  ResolutionImportResultDto,
  ResolutionLinkCreateDto,
  ResolutionListQueryDto,
  ResolutionProgressCreateDto,
  ResolutionProgressDto,
  ResolutionSummaryDto,
  ResolutionUpdateDto,
} from '@agm/contracts';
import { CurrentPrincipal } from '../auth/auth.guard';
import { renderHtml } from '../motions/motion-documents';
import { renderPdf } from '../motions/motion-pdf';
import { registerReportDocument } from './register-documents';
import { RegisterQueries } from './register.queries';
import { sendDocument } from './send-document';
import { ImportBookletResolutions } from './use-cases/import-booklet-resolutions.use-case';
import { LinkResolutions } from './use-cases/link-resolutions.use-case';
import { RegisterConferenceResolutions } from './use-cases/register-conference-resolutions.use-case';
import { ReportProgress } from './use-cases/report-progress.use-case';
import { UpdateResolution } from './use-cases/update-resolution.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('resolutions')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller()
export class ResolutionsController {
  constructor(
    private readonly queries: RegisterQueries,
    private readonly registerConference: RegisterConferenceResolutions,
    private readonly importBooklet: ImportBookletResolutions,
    private readonly update: UpdateResolution,
    private readonly link: LinkResolutions,
    private readonly progress: ReportProgress,
  ) {}

  /** The close of the AGM's business: its carried motions become the year's resolutions. */
  @Post('conferences/:conferenceId/resolutions')
  @ApiCreatedResponse({ type: RegisteredResolutionsDto })
  register(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<RegisteredResolutionsDto> {
    return this.registerConference.execute(principal, conferenceId);
  }

  @Get('resolutions')
  @ApiOkResponse({ type: [ResolutionSummaryDto] })
  list(@Query() query: ResolutionListQueryDto, @CurrentPrincipal() principal: Principal): Promise<ResolutionSummaryDto[]> {
    return this.queries.list(principal, query);
  }

  @Post('resolutions/import')
  @ApiCreatedResponse({ type: ResolutionImportResultDto })
  import(@Body() body: ResolutionImportDto, @CurrentPrincipal() principal: Principal): Promise<ResolutionImportResultDto> {
    return this.importBooklet.execute(principal, body);
  }

  @Get('resolutions/due-report')
  @ApiOkResponse({ type: [ResolutionSummaryDto], description: 'Open resolutions with no progress reported since the given date' })
  due(@Query() query: ReportDueQueryDto, @CurrentPrincipal() principal: Principal): Promise<ResolutionSummaryDto[]> {
    return this.queries.dueForReport(principal, query.since);
  }

  /** The report to the next AGM: every resolution of the year with its status and latest progress. */
  @Get('resolutions/report')
  @ApiOkResponse({ description: 'HTML or PDF' })
  async report(@Query() query: RegisterReportQueryDto, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const doc = registerReportDocument(query.year, await this.queries.ofYear(principal, query.year));
    const format = query.format ?? 'html';
    sendDocument(res, `resolutions-report-${query.year}.${format}`, format === 'pdf' ? await renderPdf(doc) : renderHtml(doc));
  }

  @Get('resolutions/:id')
  @ApiOkResponse({ type: ResolutionDetailDto })
  detail(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<ResolutionDetailDto> {
    return this.queries.detail(principal, id);
  }

  @Get('resolutions/:id/audit')
  @ApiOkResponse({ type: [ResolutionAuditEntryDto] })
  audit(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<ResolutionAuditEntryDto[]> {
    return this.queries.audit(principal, id);
  }

  @Patch('resolutions/:id')
  @ApiOkResponse({ type: ResolutionSummaryDto })
  change(@Param('id', uuid) id: string, @Body() body: ResolutionUpdateDto, @CurrentPrincipal() principal: Principal): Promise<ResolutionSummaryDto> {
    return this.update.execute(principal, id, body);
  }

  /** This (later) resolution supersedes or rescinds an earlier one. */
  @Post('resolutions/:id/links')
  @HttpCode(204)
  @ApiNoContentResponse()
  async addLink(@Param('id', uuid) id: string, @Body() body: ResolutionLinkCreateDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.link.execute(principal, id, body);
  }

  @Post('resolutions/:id/progress')
  @ApiCreatedResponse({ type: ResolutionProgressDto })
  addProgress(@Param('id', uuid) id: string, @Body() body: ResolutionProgressCreateDto, @CurrentPrincipal() principal: Principal): Promise<ResolutionProgressDto> {
    return this.progress.execute(principal, id, body);
  }
}
