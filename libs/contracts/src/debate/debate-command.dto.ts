import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  PROCEDURAL_MOTIONS,
  SUSPENDABLE_ORDERS,
  VOTE_METHODS,
  type ProceduralMotion,
  type SuspendableOrder,
  type VoteMethod,
} from '@agm/domain';
import { CardHolderDto, CardHoldersField, ClosesAtField } from '../voting/voting.dto';

/**
 * The debate's commands, one DTO per `type`, shared by REST (`POST /api/conferences/:id/debate/commands`)
 * and the socket (`debate.command`). `DEBATE_COMMAND_DTOS` maps each type to its DTO: the body is
 * validated against the DTO its `type` names, unknown fields refused.
 *
 * Items are motions: an item's id is the id of the motion taken (`takeItem` names the motion).
 */

const UUID_MESSAGE = (field: string) => `${field} must be an id (uuid)`;

/** The debate's version the chair saw (the snapshot's `version`): a second chair acting on an old view gets 409. */
abstract class ChairCommandDto {
  @ApiProperty({ description: "The snapshot's `version` this command was issued against", example: 12 })
  @IsInt({ message: 'expectedSeq must be the whole-number version of the debate you acted on' })
  @Min(0)
  expectedSeq: number;
}

abstract class ItemChairCommandDto extends ChairCommandDto {
  @ApiProperty({ description: 'The open item (the id of the motion taken)' })
  @IsUUID('all', { message: UUID_MESSAGE('itemId') })
  itemId: string;
}

export const ITEM_ONLY_COMMANDS = [
  'markMoverAbsent',
  'callMover',
  'callSeconder',
  'formallySeconded',
  'openFloor',
  'startSpeech',
  'pauseSpeech',
  'resumeSpeech',
  'endSpeech',
  'backToSubstantive',
] as const;
export type ItemOnlyCommand = (typeof ITEM_ONLY_COMMANDS)[number];

export class DebateTakeItemDto extends ChairCommandDto {
  @ApiProperty({ enum: ['takeItem'] }) @IsIn(['takeItem']) type: 'takeItem';

  @ApiProperty({ description: 'The motion to take; its id becomes the item id' })
  @IsUUID('all', { message: UUID_MESSAGE('motionId') })
  motionId: string;

  @ApiPropertyOptional({ description: "Who moves it, when not the motion's proposer" })
  @IsOptional()
  @IsUUID('all', { message: UUID_MESSAGE('moverMemberId') })
  moverMemberId?: string;

  @ApiPropertyOptional({ description: "Who seconds it, when not the motion's seconder", nullable: true })
  @IsOptional()
  @IsUUID('all', { message: UUID_MESSAGE('seconderMemberId') })
  seconderMemberId?: string;
}

export class DebateItemCommandDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ITEM_ONLY_COMMANDS })
  @IsIn(ITEM_ONLY_COMMANDS)
  type: ItemOnlyCommand;
}

/** How the vote on the question is taken, when the chair opens it with the question (see docs/debate.md). */
export class DebateVoteOptionsDto {
  @ApiProperty({ enum: VOTE_METHODS, example: 'hybrid' })
  @IsIn(VOTE_METHODS, { message: `method must be one of ${VOTE_METHODS.join(', ')}` })
  method: VoteMethod;

  @ApiPropertyOptional({ description: 'Secret ballot (default false: a show of cards is open)' })
  @IsOptional()
  @IsBoolean()
  secret?: boolean;

  @ClosesAtField()
  closesAt?: string;

  /** As on `POST /votes`: each body's card holder, required for (and only for) a card vote. */
  @CardHoldersField()
  cardHolders?: CardHolderDto[];
}

export class DebatePutTheQuestionDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['putTheQuestion'] }) @IsIn(['putTheQuestion']) type: 'putTheQuestion';

  @ApiPropertyOptional({
    type: DebateVoteOptionsDto,
    description: 'Open the vote on the question at once, through the voting feature',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DebateVoteOptionsDto)
  vote?: DebateVoteOptionsDto;
}

export class DebateCallSpeakerDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['callSpeaker'] }) @IsIn(['callSpeaker']) type: 'callSpeaker';

  @ApiProperty() @IsUUID('all', { message: UUID_MESSAGE('memberId') }) memberId: string;

  @ApiPropertyOptional({
    description: 'Which of their requests, when they have a point waiting as well',
    example: 'request-7',
  })
  @IsOptional()
  @Matches(/^request-\d{1,9}$/, { message: 'requestId must look like request-7' })
  requestId?: string;

  @ApiPropertyOptional({
    description:
      'Start their time at once, in the same command: how the chair hears a point of order or a request for information',
  })
  @IsOptional()
  @IsBoolean({ message: 'startNow must be true or false' })
  startNow?: boolean;
}

export class DebateCallRightOfReplyDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['callRightOfReply'] }) @IsIn(['callRightOfReply']) type: 'callRightOfReply';

  @ApiPropertyOptional({ description: 'Defaults to the mover of the motion; anyone else is refused' })
  @IsOptional()
  @IsUUID('all', { message: UUID_MESSAGE('memberId') })
  memberId?: string;
}

export class DebateRuleOnPointDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['ruleOnPointOfOrder'] }) @IsIn(['ruleOnPointOfOrder']) type: 'ruleOnPointOfOrder';

  @ApiProperty({ description: "The chair's ruling, as it goes in the minutes", maxLength: 2000 })
  @IsString()
  @IsNotEmpty({ message: 'ruling must be written: it is recorded in the proceedings' })
  @MaxLength(2000)
  ruling: string;
}

export class DebateMoveToAmendmentDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['moveToAmendment'] }) @IsIn(['moveToAmendment']) type: 'moveToAmendment';

  @ApiProperty({ description: 'The amendment (a motion of kind amendment to this item)' })
  @IsUUID('all', { message: UUID_MESSAGE('amendmentId') })
  amendmentId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: UUID_MESSAGE('moverMemberId') })
  moverMemberId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: UUID_MESSAGE('seconderMemberId') })
  seconderMemberId?: string;
}

export class DebateAmendmentOutcomeDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['amendmentOutcome'] }) @IsIn(['amendmentOutcome']) type: 'amendmentOutcome';
  @ApiProperty({ enum: ['carried', 'lost'] }) @IsIn(['carried', 'lost']) outcome: 'carried' | 'lost';

  @ApiPropertyOptional({
    description: 'No vote was held: the chair declares the result on a show of hands, and the minutes say so',
  })
  @IsOptional()
  @IsBoolean({ message: 'showOfHands must be true or false' })
  showOfHands?: boolean;
}

/** What a motion to suspend standing orders suspends, and for what business (issue 19; docs/debate.md). */
export class DebateSuspensionDto {
  @ApiProperty({ enum: SUSPENDABLE_ORDERS, isArray: true, example: ['speech_time_limits'] })
  @IsArray({ message: 'suspension.orders must be a list of standing orders' })
  @ArrayMinSize(1, { message: 'suspension.orders must name at least one standing order' })
  @ArrayMaxSize(SUSPENDABLE_ORDERS.length)
  @IsIn(SUSPENDABLE_ORDERS, {
    each: true,
    message: `each of suspension.orders must be one of ${SUSPENDABLE_ORDERS.join(', ')}`,
  })
  orders: SuspendableOrder[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Later items (motion ids) the suspension is also for, e.g. to keep them from the guillotine',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each of suspension.laterItemIds must be a motion id' })
  laterItemIds?: string[];

  @ApiPropertyOptional({
    description: 'With the speech time limits suspended: the time each speech on that business may take',
    example: 600,
  })
  @IsOptional()
  @IsInt({ message: 'suspension.speechLimitSeconds must be a whole number of seconds' })
  @Min(10)
  @Max(3600)
  speechLimitSeconds?: number;
}

export class DebateMoveProceduralDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['moveProcedural'] }) @IsIn(['moveProcedural']) type: 'moveProcedural';
  @ApiProperty({ enum: PROCEDURAL_MOTIONS }) @IsIn(PROCEDURAL_MOTIONS) kind: ProceduralMotion;
  @ApiProperty({ description: 'The member moving it' })
  @IsUUID('all', { message: UUID_MESSAGE('memberId') })
  memberId: string;

  @ApiPropertyOptional({
    description: 'For a challenge to the chair: the ruling challenged (default: the latest)',
    example: 'ruling-9',
  })
  @IsOptional()
  @Matches(/^ruling-\d{1,9}$/, { message: 'rulingId must look like ruling-9' })
  rulingId?: string;

  @ApiPropertyOptional({
    type: DebateSuspensionDto,
    description: 'Required for suspend_standing_orders: the standing orders it suspends, for this item and any later ones',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DebateSuspensionDto)
  suspension?: DebateSuspensionDto;
}

export class DebateProceduralOutcomeDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['proceduralOutcome'] }) @IsIn(['proceduralOutcome']) type: 'proceduralOutcome';
  @ApiProperty({ enum: ['carried', 'lost'] }) @IsIn(['carried', 'lost']) result: 'carried' | 'lost';

  @ApiPropertyOptional({
    description: 'No vote was held: the chair declares the result on a show of hands, and the minutes say so',
  })
  @IsOptional()
  @IsBoolean({ message: 'showOfHands must be true or false' })
  showOfHands?: boolean;
}

export const DEBATE_OUTCOMES = [
  'carried',
  'carried_as_amended',
  'lost',
  'remitted',
  'referred_back',
  'withdrawn',
  'fell',
] as const;

export class DebateRecordOutcomeDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['recordOutcome'] }) @IsIn(['recordOutcome']) type: 'recordOutcome';
  @ApiProperty({ enum: DEBATE_OUTCOMES }) @IsIn(DEBATE_OUTCOMES) outcome: (typeof DEBATE_OUTCOMES)[number];
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;

  @ApiPropertyOptional({
    description: 'No vote was held: the chair declares the result on a show of hands, and the minutes say so',
  })
  @IsOptional()
  @IsBoolean({ message: 'showOfHands must be true or false' })
  showOfHands?: boolean;
}

export class DebateWithdrawQuestionDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['withdrawQuestion'] }) @IsIn(['withdrawQuestion']) type: 'withdrawQuestion';

  @ApiProperty({
    description: 'Why the question put is taken back (it goes in the minutes)',
    maxLength: 1000,
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must be written: it goes in the minutes' })
  @MaxLength(1000)
  reason: string;
}

/** The chair puts a hall member without a device in the queue to speak, found by membership number or name. */
export class DebateAddToQueueDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['addToQueue'] }) @IsIn(['addToQueue']) type: 'addToQueue';

  @ApiProperty({
    description: 'The member: their membership number, or their name as registered',
    example: 'N10042',
    maxLength: 200,
  })
  @IsString()
  @Matches(/\S/, { message: 'member must be a membership number or a name' })
  @MaxLength(200)
  member: string;

  @ApiProperty({ enum: ['for', 'against', 'to'] })
  @IsIn(['for', 'against', 'to'], { message: 'stance must be for, against or to' })
  stance: 'for' | 'against' | 'to';
  @ApiPropertyOptional({ description: 'The member says this is their first AGM' })
  @IsOptional()
  @IsBoolean()
  firstAgmEver?: boolean;
}

/** One part of a motion taken in parts: its name and its words, exactly as they stand in the motion. */
export class DebateMotionPartDto {
  @ApiProperty({ description: 'What the meeting calls it, e.g. "Paragraph 3" (left empty: "Part N")', maxLength: 80 })
  @IsString()
  @MaxLength(80)
  label: string;

  @ApiProperty({ description: 'The words of the part, copied exactly from the motion as it now stands', maxLength: 5000 })
  @IsString()
  @Matches(/\S/, { message: 'text must be the words of the part, as they stand in the motion' })
  @MaxLength(5000)
  text: string;

  @ApiProperty({ description: 'Operative: what the conference resolves, instructs or calls for' })
  @IsBoolean({ message: 'operative must be true or false' })
  operative: boolean;
}

/** The chair takes the motion in parts, on a request from the floor (see docs/debate.md). */
export class DebateTakeInPartsDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['takeInParts'] }) @IsIn(['takeInParts']) type: 'takeInParts';

  @ApiProperty({ type: [DebateMotionPartDto], description: 'The passages put separately; the words outside them are "the rest of the motion"' })
  @IsArray({ message: 'parts must be a list of { label, text, operative }' })
  @ArrayMinSize(1, { message: 'name at least one part' })
  @ArrayMaxSize(20, { message: 'at most 20 parts' })
  @ValidateNested({ each: true })
  @Type(() => DebateMotionPartDto)
  parts: DebateMotionPartDto[];

  @ApiPropertyOptional({ description: 'Whether the rest of the motion is operative (default true)' })
  @IsOptional()
  @IsBoolean({ message: 'restOperative must be true or false' })
  restOperative?: boolean;
}

/** The result of the vote on the part of the motion put. */
export class DebatePartOutcomeDto extends ItemChairCommandDto {
  @ApiProperty({ enum: ['partOutcome'] }) @IsIn(['partOutcome']) type: 'partOutcome';
  @ApiProperty({ enum: ['carried', 'lost'] })
  @IsIn(['carried', 'lost'], { message: 'outcome must be carried or lost' })
  outcome: 'carried' | 'lost';

  @ApiPropertyOptional({
    description: 'No vote was held: the chair declares the result on a show of hands, and the minutes say so',
  })
  @IsOptional()
  @IsBoolean({ message: 'showOfHands must be true or false' })
  showOfHands?: boolean;
}

// ---- a report to conference, and reference back of a section of it ----------------------------------

abstract class ReportChairCommandDto extends ChairCommandDto {
  @ApiProperty({ description: 'The report (GET /conferences/:id/reports)' })
  @IsUUID('all', { message: UUID_MESSAGE('reportId') })
  reportId: string;
}

/** The chair takes a report from the order of business (no motion may be open). */
export class DebateTakeReportDto extends ReportChairCommandDto {
  @ApiProperty({ enum: ['takeReport'] }) @IsIn(['takeReport']) type: 'takeReport';
}

/** A delegate moves to refer back a named section of the report being taken. */
export class DebateMoveReferenceBackDto extends ReportChairCommandDto {
  @ApiProperty({ enum: ['moveReferenceBack'] }) @IsIn(['moveReferenceBack']) type: 'moveReferenceBack';

  @ApiProperty({ description: "The section's number or mark as the report gives it", example: '3' })
  @IsString()
  @Matches(/\S/, { message: 'sectionKey must name a section of the report' })
  @MaxLength(20)
  sectionKey: string;

  @ApiProperty({ description: 'Who moves it: their membership number, or their name as registered', example: 'N10042' })
  @IsString()
  @Matches(/\S/, { message: 'member must be a membership number or a name' })
  @MaxLength(200)
  member: string;
}

/** The reference back is put to the vote, optionally opening a counted vote at once. */
export class DebatePutReferenceBackDto extends ReportChairCommandDto {
  @ApiProperty({ enum: ['putReferenceBack'] }) @IsIn(['putReferenceBack']) type: 'putReferenceBack';

  @ApiPropertyOptional({ type: DebateVoteOptionsDto, description: 'Open the vote on it at once, as putTheQuestion does' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DebateVoteOptionsDto)
  vote?: DebateVoteOptionsDto;
}

export class DebateReferenceBackOutcomeDto extends ReportChairCommandDto {
  @ApiProperty({ enum: ['referenceBackOutcome'] }) @IsIn(['referenceBackOutcome']) type: 'referenceBackOutcome';
  @ApiProperty({ enum: ['carried', 'lost'] })
  @IsIn(['carried', 'lost'], { message: 'result must be carried or lost' })
  result: 'carried' | 'lost';

  @ApiPropertyOptional({ description: 'No vote was held: the chair declares the result on a show of hands' })
  @IsOptional()
  @IsBoolean({ message: 'showOfHands must be true or false' })
  showOfHands?: boolean;
}

/** The report is received, less the sections referred back. */
export class DebateReceiveReportDto extends ReportChairCommandDto {
  @ApiProperty({ enum: ['receiveReport'] }) @IsIn(['receiveReport']) type: 'receiveReport';
}

export class DebateGuillotineDto extends ChairCommandDto {
  @ApiProperty({ enum: ['guillotine'] }) @IsIn(['guillotine']) type: 'guillotine';

  @ApiProperty({ description: 'The motions of the order of business not reached', type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'name at least one item not reached' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'itemIds must be motion ids' })
  itemIds: string[];
}

// ---- attendee commands: the member is the signed-in person, never a field ----------------------------

abstract class AttendeeCommandDto {
  @ApiProperty({ description: 'The open item (the id of the motion under debate)' })
  @IsUUID('all', { message: UUID_MESSAGE('itemId') })
  itemId: string;

  @ApiPropertyOptional({ description: 'Optional: the version you acted on' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedSeq?: number;
}

export const SPEAKING_STANCES = ['for', 'against', 'to'] as const;

export class DebateRequestToSpeakDto extends AttendeeCommandDto {
  @ApiProperty({ enum: ['requestToSpeak'] }) @IsIn(['requestToSpeak']) type: 'requestToSpeak';
  @ApiProperty({ enum: SPEAKING_STANCES })
  @IsIn(SPEAKING_STANCES, { message: 'stance must be for, against or to' })
  stance: 'for' | 'against' | 'to';
  @ApiPropertyOptional({ description: 'Self-declared: this is your first AGM' })
  @IsOptional()
  @IsBoolean()
  firstAgmEver?: boolean;
}

export class DebateRaisePointDto extends AttendeeCommandDto {
  @ApiProperty({ enum: ['raisePointOfOrder', 'requestForInformation'] })
  @IsIn(['raisePointOfOrder', 'requestForInformation'])
  type: 'raisePointOfOrder' | 'requestForInformation';

  @ApiPropertyOptional({
    description: 'SO 14: the one point allowed during a speech is on the conduct of a vote during it',
  })
  @IsOptional()
  @ValidateIf((o: DebateRaisePointDto) => o.type === 'raisePointOfOrder')
  @IsBoolean()
  onConductOfVote?: boolean;
}

export class DebateWithdrawRequestDto extends AttendeeCommandDto {
  @ApiProperty({ enum: ['withdrawRequest'] }) @IsIn(['withdrawRequest']) type: 'withdrawRequest';

  @ApiPropertyOptional({
    description: 'Which request; defaults to your request to speak',
    example: 'request-7',
  })
  @IsOptional()
  @Matches(/^request-\d{1,9}$/, { message: 'requestId must look like request-7' })
  requestId?: string;
}

export type DebateChairCommandDto =
  | DebateTakeItemDto
  | DebateItemCommandDto
  | DebatePutTheQuestionDto
  | DebateCallSpeakerDto
  | DebateCallRightOfReplyDto
  | DebateRuleOnPointDto
  | DebateMoveToAmendmentDto
  | DebateAmendmentOutcomeDto
  | DebateMoveProceduralDto
  | DebateProceduralOutcomeDto
  | DebateRecordOutcomeDto
  | DebateWithdrawQuestionDto
  | DebateAddToQueueDto
  | DebateTakeInPartsDto
  | DebatePartOutcomeDto
  | DebateTakeReportDto
  | DebateMoveReferenceBackDto
  | DebatePutReferenceBackDto
  | DebateReferenceBackOutcomeDto
  | DebateReceiveReportDto
  | DebateGuillotineDto;

export type DebateAttendeeCommandDto =
  DebateRequestToSpeakDto | DebateRaisePointDto | DebateWithdrawRequestDto;
export type DebateCommandDto = DebateChairCommandDto | DebateAttendeeCommandDto;

type DtoClass = new () => DebateCommandDto;

/** Which DTO validates which `type`. */
export const DEBATE_COMMAND_DTOS: Record<string, DtoClass> = {
  takeItem: DebateTakeItemDto,
  ...Object.fromEntries(ITEM_ONLY_COMMANDS.map((type) => [type, DebateItemCommandDto])),
  putTheQuestion: DebatePutTheQuestionDto,
  callSpeaker: DebateCallSpeakerDto,
  callRightOfReply: DebateCallRightOfReplyDto,
  ruleOnPointOfOrder: DebateRuleOnPointDto,
  moveToAmendment: DebateMoveToAmendmentDto,
  amendmentOutcome: DebateAmendmentOutcomeDto,
  moveProcedural: DebateMoveProceduralDto,
  proceduralOutcome: DebateProceduralOutcomeDto,
  recordOutcome: DebateRecordOutcomeDto,
  withdrawQuestion: DebateWithdrawQuestionDto,
  addToQueue: DebateAddToQueueDto,
  takeInParts: DebateTakeInPartsDto,
  partOutcome: DebatePartOutcomeDto,
  takeReport: DebateTakeReportDto,
  moveReferenceBack: DebateMoveReferenceBackDto,
  putReferenceBack: DebatePutReferenceBackDto,
  referenceBackOutcome: DebateReferenceBackOutcomeDto,
  receiveReport: DebateReceiveReportDto,
  guillotine: DebateGuillotineDto,
  requestToSpeak: DebateRequestToSpeakDto,
  raisePointOfOrder: DebateRaisePointDto,
  requestForInformation: DebateRaisePointDto,
  withdrawRequest: DebateWithdrawRequestDto,
};

/** Commands an attendee issues for themselves; every other type is the chair's ('debate.chair'). */
export const ATTENDEE_COMMAND_TYPES: readonly string[] = [
  'requestToSpeak',
  'raisePointOfOrder',
  'requestForInformation',
  'withdrawRequest',
];

/** The socket message `debate.command`: the conference and the command, validated as on REST. */
export class DebateSocketCommandDto {
  @IsUUID('4', { message: 'conferenceId must be the id of a conference' })
  conferenceId: string;

  @IsObject({
    message: 'command must be an object with a type, as on POST /api/conferences/:id/debate/commands',
  })
  command: Record<string, unknown>;
}

/** `POST /debate/question-vote`: open the vote on the question already put (it did not open with the put). */
export class DebateOpenQuestionVoteDto {
  @ApiProperty({ description: 'The open item (the id of the motion taken)' })
  @IsUUID('all', { message: UUID_MESSAGE('itemId') })
  itemId: string;

  @ApiProperty({ type: DebateVoteOptionsDto, description: 'How the vote is taken, as with putTheQuestion' })
  @IsObject({ message: 'vote must say how the vote is taken: { method, secret?, closesAt?, cardHolders? }' })
  @ValidateNested()
  @Type(() => DebateVoteOptionsDto)
  vote: DebateVoteOptionsDto;
}
