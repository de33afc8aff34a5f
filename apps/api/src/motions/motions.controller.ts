import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InvalidInput, NotFound, type Principal } from '@agm/domain';
import {
  AgendaMoveDto,
  AgendaPlaceDto,
  AgendaSectionMoveDto,
  AgendaResponseDto,
  AmendmentCreateDto,
  BookletImportDto,
  BookletImportReportDto,
  DOCUMENT_FORMATS,
  DocumentFormat,
  EmergencySlotDto,
  MOTION_DOCUMENTS,
  MotionDocument,
  PriorityBallotDto,
  PriorityBallotTallyDto,
  AmendmentRulingDto,
  CompositeCreateDto,
  EmergencyAdmissionVoteDto,
  EmergencyDecisionDto,
  MotionAuditEntryDto,
  MotionCreateDto,
  MotionOutcomeDto,
  MotionResponseDto,
  MotionReviewDto,
  MotionTopicsDto,
  MotionUpdateDto,
  ReasonDto,
  SubmissionAcknowledgementDto,
} from '@agm/contracts';
import { CurrentPrincipal } from '../auth/auth.guard';
import { MotionQueries } from './motion.queries';
import { MotionDocuments } from './motion-documents.service';
import { Amendments } from './use-cases/amendments.use-case';
import { OrderOfBusiness } from './use-cases/agenda.use-case';
import { ArrangeOrderOfBusiness } from './use-cases/arrange-agenda.use-case';
import { MoveSectionOnAgenda } from './use-cases/move-section.use-case';
import { PlaceAdmittedMotion, SlotEmergencyMotion } from './use-cases/place-motion.use-case';
import { ImportBooklet } from './use-cases/import-booklet.use-case';
import { CompositeMotions } from './use-cases/composite-motions.use-case';
import { DraftMotion } from './use-cases/draft-motion.use-case';
import { DecideEmergencyMotion, RecordEmergencyAdmissionVote } from './use-cases/emergency-motion.use-case';
import { RecordMotionOutcome } from './use-cases/record-outcome.use-case';
import { ReviewMotion } from './use-cases/review-motion.use-case';
import { CorrectMotionTopics } from './use-cases/correct-topics.use-case';
import { SubmitMotion } from './use-cases/submit-motion.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('motions')
@ApiBearerAuth()
@Controller('conferences/:conferenceId')
export class MotionsController {
  constructor(
    private readonly drafts: DraftMotion,
    private readonly submission: SubmitMotion,
    private readonly review: ReviewMotion,
    private readonly topics: CorrectMotionTopics,
    private readonly composites: CompositeMotions,
    private readonly emergency: DecideEmergencyMotion,
    private readonly admissionVote: RecordEmergencyAdmissionVote,
    private readonly amendments: Amendments,
    private readonly outcomes: RecordMotionOutcome,
    private readonly queries: MotionQueries,
    private readonly agenda: OrderOfBusiness,
    private readonly documents: MotionDocuments,
    private readonly booklet: ImportBooklet,
    private readonly arrangement: ArrangeOrderOfBusiness,
    private readonly sectionMoves: MoveSectionOnAgenda,
    private readonly placement: PlaceAdmittedMotion,
    private readonly emergencySlot: SlotEmergencyMotion,
  ) {}

  @Post('motions')
  @ApiCreatedResponse({ type: MotionResponseDto, description: 'A draft, private to the body until submitted' })
  async create(@Param('conferenceId', uuid) conferenceId: string, @Body() body: MotionCreateDto, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    const motion = await this.drafts.create(principal, conferenceId, body);
    return this.queries.get(principal, conferenceId, motion.id);
  }

  @Get('motions')
  @ApiOkResponse({ type: [MotionResponseDto] })
  list(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto[]> {
    return this.queries.list(principal, conferenceId);
  }

  @Get('motions/:motionId')
  @ApiOkResponse({ type: MotionResponseDto })
  get(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    return this.queries.get(principal, conferenceId, motionId);
  }

  @Get('motions/:motionId/audit')
  @ApiOkResponse({ type: [MotionAuditEntryDto] })
  audit(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @CurrentPrincipal() principal: Principal): Promise<MotionAuditEntryDto[]> {
    return this.queries.audit(principal, conferenceId, motionId);
  }

  @Get('motions/:motionId/as-amended')
  @ApiOkResponse({ description: 'The motion as each amendment would make it, and as amended by those carried' })
  asAmended(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.asAmended(principal, conferenceId, motionId);
  }

  @Patch('motions/:motionId')
  @ApiOkResponse({ type: MotionResponseDto })
  async edit(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @Body() body: MotionUpdateDto, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    await this.drafts.edit(principal, conferenceId, motionId, body);
    return this.queries.get(principal, conferenceId, motionId);
  }

  @Post('motions/:motionId/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: SubmissionAcknowledgementDto })
  async submit(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @CurrentPrincipal() principal: Principal): Promise<SubmissionAcknowledgementDto> {
    const { acknowledgement } = await this.submission.execute(principal, conferenceId, motionId);
    return { motion: await this.queries.get(principal, conferenceId, motionId), acknowledgement };
  }

  @Post('motions/:motionId/review')
  @HttpCode(200)
  @ApiOkResponse({ type: MotionResponseDto })
  async reviewMotion(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @Body() body: MotionReviewDto, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    await this.review.execute(principal, conferenceId, motionId, body.action, body.reason);
    return this.queries.get(principal, conferenceId, motionId);
  }

  /** The SOC sets or corrects the motion's topics, with a reason shown to the submitting body. */
  @Post('motions/:motionId/topics')
  @HttpCode(200)
  @ApiOkResponse({ type: MotionResponseDto })
  async correctTopics(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @Body() body: MotionTopicsDto, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    await this.topics.execute(principal, conferenceId, motionId, body.topics, body.reason);
    return this.queries.get(principal, conferenceId, motionId);
  }

  @Post('motions/:motionId/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: MotionResponseDto })
  async withdraw(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    await this.review.withdraw(principal, conferenceId, motionId, body.reason);
    return this.queries.get(principal, conferenceId, motionId);
  }

  @Post('composites')
  @ApiCreatedResponse({ type: MotionResponseDto })
  async composite(@Param('conferenceId', uuid) conferenceId: string, @Body() body: CompositeCreateDto, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    const composite = await this.composites.execute(principal, conferenceId, body);
    return this.queries.get(principal, conferenceId, composite.id);
  }

  @Post('motions/:motionId/emergency-decision')
  @HttpCode(200)
  @ApiOkResponse({ type: MotionResponseDto })
  async decideEmergency(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @Body() body: EmergencyDecisionDto, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    await this.emergency.execute(principal, conferenceId, motionId, body.accept, body.reason);
    return this.queries.get(principal, conferenceId, motionId);
  }

  @Post('motions/:motionId/emergency-admission-vote')
  @HttpCode(200)
  @ApiOkResponse({ type: MotionResponseDto })
  async emergencyAdmissionVote(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @Body() body: EmergencyAdmissionVoteDto, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    await this.admissionVote.execute(principal, conferenceId, motionId, body.carried);
    return this.queries.get(principal, conferenceId, motionId);
  }

  @Post('motions/:motionId/amendments')
  @ApiCreatedResponse({ type: MotionResponseDto })
  async amend(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @Body() body: AmendmentCreateDto, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    const amendment = await this.amendments.submit(principal, conferenceId, motionId, body);
    return this.queries.get(principal, conferenceId, amendment.id);
  }

  @Post('amendments/:amendmentId/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: MotionResponseDto })
  async acceptAmendment(@Param('conferenceId', uuid) conferenceId: string, @Param('amendmentId', uuid) amendmentId: string, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    await this.amendments.accept(principal, conferenceId, amendmentId);
    return this.queries.get(principal, conferenceId, amendmentId);
  }

  @Post('amendments/:amendmentId/ruling')
  @HttpCode(200)
  @ApiOkResponse({ type: MotionResponseDto })
  async ruleAmendment(@Param('conferenceId', uuid) conferenceId: string, @Param('amendmentId', uuid) amendmentId: string, @Body() body: AmendmentRulingDto, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    await this.amendments.rule(principal, conferenceId, amendmentId, body.admissible, body.reason);
    return this.queries.get(principal, conferenceId, amendmentId);
  }

  @Post('motions/:motionId/outcome')
  @HttpCode(200)
  @ApiOkResponse({ type: MotionResponseDto })
  async outcome(@Param('conferenceId', uuid) conferenceId: string, @Param('motionId', uuid) motionId: string, @Body() body: MotionOutcomeDto, @CurrentPrincipal() principal: Principal): Promise<MotionResponseDto> {
    await this.outcomes.execute(principal, conferenceId, motionId, body.action, body.reason);
    return this.queries.get(principal, conferenceId, motionId);
  }

  @Post('priority-ballot')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The ballot as recorded; casting again replaces it until the agenda is published' })
  priorityBallot(@Param('conferenceId', uuid) conferenceId: string, @Body() body: PriorityBallotDto, @CurrentPrincipal() principal: Principal): Promise<{ picks: string[] }> {
    return this.agenda.castPriorityBallot(principal, conferenceId, body.picks);
  }

  @Post('agenda/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: AgendaResponseDto })
  async publishAgenda(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<AgendaResponseDto> {
    await this.agenda.publish(principal, conferenceId);
    return this.queries.agenda(principal, conferenceId);
  }

  @Post('agenda/emergency')
  @HttpCode(200)
  @ApiOkResponse({ type: AgendaResponseDto, description: 'The order of business with the emergency motion slotted in' })
  async slotEmergency(@Param('conferenceId', uuid) conferenceId: string, @Body() body: EmergencySlotDto, @CurrentPrincipal() principal: Principal): Promise<AgendaResponseDto> {
    const { motionId, ...request } = body;
    await this.emergencySlot.execute(principal, conferenceId, motionId, request);
    return this.queries.agenda(principal, conferenceId);
  }

  @Post('agenda/move')
  @HttpCode(200)
  @ApiOkResponse({ type: AgendaResponseDto, description: 'The order of business after the move (empty entries before publication)' })
  async moveOnAgenda(@Param('conferenceId', uuid) conferenceId: string, @Body() body: AgendaMoveDto, @CurrentPrincipal() principal: Principal): Promise<AgendaResponseDto> {
    await this.arrangement.execute(principal, conferenceId, body);
    return this.queries.agenda(principal, conferenceId);
  }

  @Post('agenda/move-section')
  @HttpCode(200)
  @ApiOkResponse({ type: AgendaResponseDto, description: 'The order of business after the move (before publication: empty entries, the planned section order)' })
  async moveSectionOnAgenda(@Param('conferenceId', uuid) conferenceId: string, @Body() body: AgendaSectionMoveDto, @CurrentPrincipal() principal: Principal): Promise<AgendaResponseDto> {
    await this.sectionMoves.execute(principal, conferenceId, body);
    return this.queries.agenda(principal, conferenceId);
  }

  @Post('agenda/place')
  @HttpCode(200)
  @ApiOkResponse({ type: AgendaResponseDto, description: 'The order of business with the motion placed' })
  async placeOnAgenda(@Param('conferenceId', uuid) conferenceId: string, @Body() body: AgendaPlaceDto, @CurrentPrincipal() principal: Principal): Promise<AgendaResponseDto> {
    const { motionId, ...request } = body;
    await this.placement.execute(principal, conferenceId, motionId, request);
    return this.queries.agenda(principal, conferenceId);
  }

  @Get('priority-ballot/mine')
  @ApiOkResponse({ description: '{ picks, castAt }: the signed-in member\'s own ballot, in order; { picks: [], castAt: null } when none is cast' })
  myPriorityBallot(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<{ picks: string[]; castAt: string | null }> {
    return this.queries.myPriorityBallot(principal, conferenceId);
  }

  @Get('priority-ballot/tally')
  @ApiOkResponse({ type: PriorityBallotTallyDto })
  priorityBallotTally(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<PriorityBallotTallyDto> {
    return this.queries.priorityBallotTally(principal, conferenceId);
  }

  @Get('agenda')
  @ApiOkResponse({ type: AgendaResponseDto })
  getAgenda(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<AgendaResponseDto> {
    return this.queries.agenda(principal, conferenceId);
  }

  /** Documents: notice-of-motions, agenda, soc-report, resolutions-booklet; as .html, .pdf, .txt, or .csv where tabular. */
  @Get('documents/:document')
  @ApiOkResponse({ description: 'The rendered document' })
  async document(@Param('conferenceId', uuid) conferenceId: string, @Param('document') file: string, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const match = /^([a-z-]+)\.([a-z]+)$/.exec(file);
    if (!match || !(MOTION_DOCUMENTS as readonly string[]).includes(match[1])) throw new NotFound(`No document '${file}': use one of ${MOTION_DOCUMENTS.join(', ')} with .html, .pdf, .txt or .csv.`);
    if (!(DOCUMENT_FORMATS as readonly string[]).includes(match[2])) throw new InvalidInput(`Format '${match[2]}' is not offered: use ${DOCUMENT_FORMATS.join(', ')}.`);
    const rendered = await this.documents.render(principal, conferenceId, match[1] as MotionDocument, match[2] as DocumentFormat);
    res.setHeader('Content-Type', rendered.contentType);
    res.setHeader('Content-Disposition', `inline; filename="${rendered.filename}"`);
    // The HTML never needs a script; forbid any, in case a browser is ever fooled.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.status(200).send(rendered.body);
  }

  @Post('booklet/import')
  @ApiCreatedResponse({ type: BookletImportReportDto })
  importBooklet(@Param('conferenceId', uuid) conferenceId: string, @Body() body: BookletImportDto, @CurrentPrincipal() principal: Principal): Promise<BookletImportReportDto> {
    return this.booklet.execute(principal, conferenceId, body.text);
  }
}
