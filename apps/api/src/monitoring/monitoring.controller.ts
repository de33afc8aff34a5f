import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { comparisonToCsvRows, renderCsvText, toCsvRows } from '@agm/domain';
import type { Principal } from '@agm/domain';
import {
  MonitoringAnswersPutDto,
  MonitoringComparisonQueryDto,
  MonitoringFormResponseDto,
  MonitoringQuestionsPutDto,
  MonitoringReportQueryDto,
  MyMonitoringAnswersResponseDto,
  SpeakerReportResponseDto,
} from '@agm/contracts';
import { CurrentPrincipal } from '../auth/auth.guard';
import { renderComparisonHtml, renderReportHtml } from './monitoring-report.html';
import { renderReportPdf } from './monitoring-report.pdf';
import { MonitoringQueries } from './monitoring.queries';
import { SaveMyAnswers } from './use-cases/save-my-answers.use-case';
import { SetUnionQuestions } from './use-cases/set-union-questions.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/**
 * Equality monitoring. Attendees read and change only their own answers; monitors read only suppressed
 * aggregates. No route returns one person's answers to anyone else.
 */
@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('conferences/:conferenceId/monitoring')
export class MonitoringController {
  constructor(
    private readonly queries: MonitoringQueries,
    private readonly saveAnswers: SaveMyAnswers,
    private readonly setQuestions: SetUnionQuestions,
  ) {}

  @Get('questions')
  @ApiOkResponse({ type: MonitoringFormResponseDto })
  form(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<MonitoringFormResponseDto> {
    return this.queries.form(principal, conferenceId);
  }

  @Put('questions')
  @ApiOkResponse({ type: MonitoringFormResponseDto })
  async putQuestions(@Param('conferenceId', uuid) conferenceId: string, @Body() body: MonitoringQuestionsPutDto, @CurrentPrincipal() principal: Principal): Promise<MonitoringFormResponseDto> {
    return { questions: await this.setQuestions.execute(principal, conferenceId, body.questions), editable: true };
  }

  @Get('my-answers')
  @ApiOkResponse({ type: MyMonitoringAnswersResponseDto })
  myAnswers(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<MyMonitoringAnswersResponseDto> {
    return this.queries.myAnswers(principal, conferenceId);
  }

  @Put('my-answers')
  @ApiOkResponse({ type: MyMonitoringAnswersResponseDto })
  async putMyAnswers(@Param('conferenceId', uuid) conferenceId: string, @Body() body: MonitoringAnswersPutDto, @CurrentPrincipal() principal: Principal): Promise<MyMonitoringAnswersResponseDto> {
    await this.saveAnswers.execute(principal, conferenceId, body.answers);
    return this.queries.myAnswers(principal, conferenceId);
  }

  @Get('report')
  @ApiProduces('application/json', 'text/csv', 'text/html', 'application/pdf')
  @ApiOkResponse({ type: SpeakerReportResponseDto })
  async report(@Param('conferenceId', uuid) conferenceId: string, @Query() query: MonitoringReportQueryDto, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const { format = 'json', ...request } = query;
    const report = await this.queries.report(principal, conferenceId, request);
    noStore(res);
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="speaker-monitoring-${report.questionCode}.csv"`);
      res.send(renderCsvText(toCsvRows(report)));
    } else if (format === 'html') {
      htmlHeaders(res).send(renderReportHtml(report));
    } else if (format === 'pdf') {
      res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="speaker-monitoring-${report.questionCode}.pdf"`);
      res.send(await renderReportPdf(report));
    } else {
      res.json(report);
    }
  }

  @Get('comparison')
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({ description: "This AGM's overall figures next to earlier AGMs', per answer" })
  async comparison(@Param('conferenceId', uuid) conferenceId: string, @Query() query: MonitoringComparisonQueryDto, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const others = query.with.split(',').map((id) => id.toLowerCase());
    const comparison = await this.queries.comparison(principal, conferenceId, query.question, others);
    noStore(res);
    if (query.format === 'csv') {
      res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="speaker-monitoring-comparison-${comparison.questionCode}.csv"`);
      res.send(renderCsvText(comparisonToCsvRows(comparison)));
    } else if (query.format === 'html') {
      const label = (await this.queries.form(principal, conferenceId)).questions.find((q) => q.code === query.question)?.label ?? query.question;
      htmlHeaders(res).send(renderComparisonHtml(comparison, label));
    } else {
      res.json(comparison);
    }
  }
}

/** Statistics are not cached by browsers or proxies on a shared machine. */
function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
}

function htmlHeaders(res: Response): Response {
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return res.type('text/html; charset=utf-8');
}
