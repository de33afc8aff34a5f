import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { InvalidInput } from '@agm/domain';
import type { Principal } from '@agm/domain';
import {
  DebateAmendmentOutcomeDto,
  DebateCallRightOfReplyDto,
  DebateCallSpeakerDto,
  DebateCommandResponseDto,
  DebateGuillotineDto,
  DebateItemCommandDto,
  DebateMoveProceduralDto,
  DebateMoveToAmendmentDto,
  DebateOpenQuestionVoteDto,
  DebateWithdrawQuestionDto,
  DebateAddToQueueDto,
  DebatePartOutcomeDto,
  DebateTakeInPartsDto,
  DebateTakeReportDto,
  DebateMoveReferenceBackDto,
  DebatePutReferenceBackDto,
  DebateReferenceBackOutcomeDto,
  DebateReceiveReportDto,
  DebateProceduralOutcomeDto,
  DebatePutTheQuestionDto,
  DebateRaisePointDto,
  DebateRecordOutcomeDto,
  DebateRequestToSpeakDto,
  DebateRuleOnPointDto,
  DebateSnapshotResponseDto,
  DebateTakeItemDto,
  DebateWithdrawRequestDto,
  MinutesApproveDto,
  MinutesStatusResponseDto,
} from '@agm/contracts';
import { CurrentPrincipal, ProjectorRead } from '../auth/auth.guard';
import { DebateQueries } from './debate.queries';
import { renderMinutesHtml, renderMinutesPdf } from './minutes.renderer';
import { ApproveMinutes } from './use-cases/approve-minutes.use-case';
import { OpenQuestionVote } from './use-cases/open-question-vote.use-case';
import { RunDebateCommand } from './use-cases/run-debate-command.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
const COMMAND_DTOS = [
  DebateTakeItemDto,
  DebateItemCommandDto,
  DebatePutTheQuestionDto,
  DebateCallSpeakerDto,
  DebateCallRightOfReplyDto,
  DebateRuleOnPointDto,
  DebateMoveToAmendmentDto,
  DebateAmendmentOutcomeDto,
  DebateMoveProceduralDto,
  DebateProceduralOutcomeDto,
  DebateRecordOutcomeDto,
  DebateWithdrawQuestionDto,
  DebateAddToQueueDto,
  DebateTakeInPartsDto,
  DebatePartOutcomeDto,
  DebateTakeReportDto,
  DebateMoveReferenceBackDto,
  DebatePutReferenceBackDto,
  DebateReferenceBackOutcomeDto,
  DebateReceiveReportDto,
  DebateGuillotineDto,
  DebateRequestToSpeakDto,
  DebateRaisePointDto,
  DebateWithdrawRequestDto,
];

@ApiTags('debate')
@ApiBearerAuth()
@ApiExtraModels(...COMMAND_DTOS)
@Controller('conferences/:conferenceId')
export class DebateController {
  constructor(
    private readonly run: RunDebateCommand,
    private readonly queries: DebateQueries,
    private readonly openQuestionVote: OpenQuestionVote,
    private readonly approve: ApproveMinutes,
  ) {}

  /** "Open the vote" on the question already put, when its vote did not open with it (see docs/debate.md). */
  @Post('debate/question-vote')
  @HttpCode(201)
  @ApiCreatedResponse({
    description: 'The vote opened on the question put',
    schema: { type: 'object', properties: { voteId: { type: 'string' } } },
  })
  async openVote(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: DebateOpenQuestionVoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ voteId: string }> {
    return { voteId: (await this.openQuestionVote.execute(principal, conferenceId, body)).id };
  }

  /**
   * One command of the debate. The body is validated against the DTO its `type` names (so the global
   * pipe is bypassed with `unknown`): chair commands need the chair role; attendee commands act for
   * the signed-in member.
   */
  @Post('debate/commands')
  @HttpCode(200)
  @ApiBody({
    schema: {
      oneOf: COMMAND_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })),
      discriminator: { propertyName: 'type' },
    },
  })
  @ApiOkResponse({ type: DebateCommandResponseDto })
  async command(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DebateCommandResponseDto> {
    const result = await this.run.execute(principal, conferenceId, body);
    return { ...result, events: result.events.map((e) => ({ ...e })) };
  }

  @Get('debate')
  @ProjectorRead()
  @ApiOkResponse({ type: DebateSnapshotResponseDto })
  snapshot(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DebateSnapshotResponseDto> {
    return this.queries.snapshot(principal, conferenceId);
  }

  /** Draft or approved, with the approval in words. */
  @Get('minutes/approval')
  @ApiOkResponse({ type: MinutesStatusResponseDto })
  minutesStatus(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MinutesStatusResponseDto> {
    return this.queries.minutesStatus(principal, conferenceId);
  }

  /** Records the approval of the minutes by the next meeting or the NEC (head office, administrators). */
  @Post('minutes/approval')
  @HttpCode(201)
  @ApiCreatedResponse({ type: MinutesStatusResponseDto })
  approveMinutes(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: MinutesApproveDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MinutesStatusResponseDto> {
    return this.approve.execute(principal, conferenceId, body);
  }

  @Get('minutes')
  @ApiProduces('text/html', 'application/pdf')
  @ApiQuery({ name: 'format', required: false, enum: ['html', 'pdf'] })
  @ApiOkResponse({
    description: 'The minutes of the debate, from the proceedings log',
    schema: { type: 'string' },
  })
  async minutes(
    @Param('conferenceId', uuid) conferenceId: string,
    @Query('format') format: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    if (format !== undefined && format !== 'html' && format !== 'pdf')
      throw new InvalidInput('format must be html or pdf.', { format: 'html or pdf' });
    const model = await this.queries.minutes(principal, conferenceId);
    if (format === 'pdf') {
      res.type('application/pdf').setHeader('Content-Disposition', 'inline; filename="minutes.pdf"');
      res.send(await renderMinutesPdf(model));
      return;
    }
    res.type('text/html; charset=utf-8').send(renderMinutesHtml(model));
  }
}
