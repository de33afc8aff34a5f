import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date';
import { IsNotBlank } from '../common/not-blank';

/** The kinds a body submits; composites are made by the SOC and amendments have their own endpoint. */
export const SUBMITTED_MOTION_KINDS = ['motion', 'constitutional_amendment', 'emergency_motion'] as const;
export type SubmittedMotionKind = (typeof SUBMITTED_MOTION_KINDS)[number];

export const REVIEW_ACTIONS = ['admit', 'rule_out_of_order', 'return_for_editing'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const OUTCOME_ACTIONS = ['open_debate', 'carry', 'carry_as_amended', 'lose', 'remit', 'refer_back', 'fall', 'mark_not_reached', 'withdraw'] as const;
export type OutcomeAction = (typeof OUTCOME_ACTIONS)[number];

export const MOTION_DOCUMENTS = ['notice-of-motions', 'agenda', 'soc-report', 'resolutions-booklet'] as const;
export type MotionDocument = (typeof MOTION_DOCUMENTS)[number];
export const DOCUMENT_FORMATS = ['html', 'pdf', 'csv', 'txt'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** [Napo SO 7] the three tests an emergency motion must answer. */
export class EmergencyAnswersDto {
  @ApiProperty({ description: 'How the issue arose after the motions deadline' })
  @IsString()
  @MaxLength(2000)
  aroseAfterDeadline: string;

  @ApiProperty({ description: 'Why it cannot be dealt with any other way' })
  @IsString()
  @MaxLength(2000)
  cannotBeDealtWithOtherwise: string;

  @ApiProperty({ description: 'Why it is grave enough to rearrange business' })
  @IsString()
  @MaxLength(2000)
  graveEnoughToRearrangeBusiness: string;
}

export class MotionCreateDto {
  @ApiProperty({ enum: SUBMITTED_MOTION_KINDS, example: 'motion' })
  @IsIn(SUBMITTED_MOTION_KINDS, { message: `kind must be one of ${SUBMITTED_MOTION_KINDS.join(', ')}` })
  kind: SubmittedMotionKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'The body submitting; omit for a joint submission by two members' })
  @IsOptional()
  @IsUUID()
  bodyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Joint submission: the other member (you are the first)' })
  @IsOptional()
  @IsUUID()
  jointWithMemberId?: string;

  @ApiProperty({ example: 'Workload Stress should be recorded in RIDDOR' })
  @IsString()
  @IsNotEmpty()
  @IsNotBlank()
  @MaxLength(300)
  title: string;

  @ApiProperty({ description: 'The text as typed; stored as it is and escaped in every document' })
  @IsString()
  @IsNotEmpty()
  @IsNotBlank()
  @MaxLength(20000)
  text: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sectionId?: string;

  @ApiPropertyOptional({ type: [String], example: ['pay_and_conditions'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  topics?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The member who will move it' })
  @IsOptional()
  @IsUUID()
  proposerMemberId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  seconderMemberId?: string;

  @ApiPropertyOptional({ example: '2025-06-12', description: 'The date the body agreed the motion' })
  @IsOptional()
  @IsCalendarDate()
  agreedOn?: string;

  @ApiPropertyOptional({ type: EmergencyAnswersDto, description: 'Required for an emergency motion' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyAnswersDto)
  emergency?: EmergencyAnswersDto;
}

/** Editing a draft, or a motion returned for editing: the fields given replace the stored ones. */
export class MotionUpdateDto {
  @ApiPropertyOptional({ enum: SUBMITTED_MOTION_KINDS, description: 'A draft only, where the new kind could be submitted now (docs/motions.md); an emergency motion needs its SO 7 answers' })
  @IsOptional()
  @IsIn(SUBMITTED_MOTION_KINDS, { message: `kind must be one of ${SUBMITTED_MOTION_KINDS.join(', ')}` })
  kind?: SubmittedMotionKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'A joint motion: the other member, in place of the one named before (you stay)' })
  @IsOptional()
  @IsUUID()
  jointWithMemberId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @IsNotBlank() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @IsNotBlank() @MaxLength(20000) text?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sectionId?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  topics?: string[];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() proposerMemberId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() seconderMemberId?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() agreedOn?: string;
  @ApiPropertyOptional({ type: EmergencyAnswersDto }) @IsOptional() @ValidateNested() @Type(() => EmergencyAnswersDto) emergency?: EmergencyAnswersDto;
}

export class ReasonDto {
  @ApiPropertyOptional({ description: 'Why; required where the rule asks for one' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class MotionReviewDto extends ReasonDto {
  @ApiProperty({ enum: REVIEW_ACTIONS })
  @IsIn(REVIEW_ACTIONS, { message: `action must be one of ${REVIEW_ACTIONS.join(', ')}` })
  action: ReviewAction;
}

export class MotionOutcomeDto extends ReasonDto {
  @ApiProperty({ enum: OUTCOME_ACTIONS })
  @IsIn(OUTCOME_ACTIONS, { message: `action must be one of ${OUTCOME_ACTIONS.join(', ')}` })
  action: OutcomeAction;
}

export class CompositeCreateDto {
  @ApiProperty({ type: [String], description: 'The motions to merge, in order of precedence' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  motionIds: string[];

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20000) text: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sectionId?: string;
  @ApiPropertyOptional({ type: [String], description: 'Once the agenda is published: the order of business (motion ids) as you last loaded it, since the composite goes on it; a different current order answers 409' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('4', { each: true })
  expectedOrder?: string[];
}

export class EmergencyDecisionDto extends ReasonDto {
  @ApiProperty({ description: 'true: the SOC accepts it for the meeting to vote on admitting it' })
  @IsBoolean()
  accept: boolean;
}

export class EmergencyAdmissionVoteDto {
  @ApiProperty({ description: 'Whether the meeting voted to admit the emergency motion' })
  @IsBoolean()
  carried: boolean;
}

export class AmendmentInstructionDto {
  @ApiProperty({ enum: ['delete', 'insert', 'replace'] })
  @IsIn(['delete', 'insert', 'replace'])
  op: 'delete' | 'insert' | 'replace';

  @ApiPropertyOptional({ description: 'delete/insert: the words' }) @IsOptional() @IsString() @MaxLength(5000) text?: string;
  @ApiPropertyOptional({ description: 'insert: after these words (omit: at the end)' }) @IsOptional() @IsString() @MaxLength(5000) after?: string;
  @ApiPropertyOptional({ description: 'replace: these words' }) @IsOptional() @IsString() @MaxLength(5000) from?: string;
  @ApiPropertyOptional({ description: 'replace: with these' }) @IsOptional() @IsString() @MaxLength(5000) to?: string;
}

export class AmendmentCreateDto {
  @ApiProperty({ format: 'uuid', description: 'The body moving the amendment' })
  @IsUUID()
  bodyId: string;

  @ApiPropertyOptional({ type: [AmendmentInstructionDto], description: 'Delete/insert instructions; or give replacement' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AmendmentInstructionDto)
  instructions?: AmendmentInstructionDto[];

  @ApiPropertyOptional({ description: 'A full replacement text' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  replacement?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() proposerMemberId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() seconderMemberId?: string;
}

export class AmendmentRulingDto extends ReasonDto {
  @ApiProperty() @IsBoolean() admissible: boolean;
}

/**
 * What every change of the order of business carries once it is published: why (recorded and shown to the
 * conference) and the order the SOC member saw (a different current order answers 409).
 */
class AgendaChangeDto {
  @ApiPropertyOptional({ description: 'Why; required once the order of business is published (recorded and shown to the conference)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
  @ApiPropertyOptional({ type: [String], description: 'The order (motion ids) as you last loaded it; required once published; a different current order answers 409' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('4', { each: true })
  expectedOrder?: string[];
}

/** The SOC sets the order of business by hand: one item to a new place and/or another section. */
export class AgendaMoveDto extends AgendaChangeDto {
  @ApiProperty({ format: 'uuid', description: 'The motion on the order of business to move' }) @IsUUID() motionId: string;
  @ApiPropertyOptional({ description: '0-based new place on the published order of business' })
  @IsOptional()
  @IsInt()
  @Min(0)
  toPosition?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Another section of the conference' })
  @IsOptional()
  @IsUUID()
  toSectionId?: string;
}

/** A new item on the published order of business: where, why, and against which order (one rule: `placeAdmittedMotion`, `slotEmergencyMotion`). */
class PublishedPlacementDto extends AgendaChangeDto {
  @ApiPropertyOptional({ description: '0-based place (the number of items puts it last); omitted, after its section’s last item, else at the end; never before an item already taken' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

/** The SOC places a motion admitted after publication on the order of business. */
export class AgendaPlaceDto extends PublishedPlacementDto {
  @ApiProperty({ format: 'uuid', description: 'The admitted motion (ordinary, constitutional amendment or composite) not yet on the order of business' }) @IsUUID() motionId: string;
}

/** [SO 7] The SOC slots an emergency motion the meeting admitted into the published order of business, by the same rule. */
export class EmergencySlotDto extends PublishedPlacementDto {
  @ApiProperty({ format: 'uuid', description: 'The emergency motion the meeting admitted, not yet on the order of business' }) @IsUUID() motionId: string;
}

export const SECTION_DIRECTIONS = ['up', 'down'] as const;

/** The SOC moves a whole section one place up or down the order of business. */
export class AgendaSectionMoveDto extends AgendaChangeDto {
  @ApiProperty({ format: 'uuid', description: 'The section to move' }) @IsUUID() sectionId: string;
  @ApiProperty({ enum: SECTION_DIRECTIONS }) @IsIn(SECTION_DIRECTIONS) direction: (typeof SECTION_DIRECTIONS)[number];
}

export class PriorityBallotDto {
  @ApiProperty({ type: [String], description: 'The motions picked (the ruleset says how many; Napo 1 to 9)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true })
  picks: string[];
}

export class BookletImportDto {
  @ApiProperty({ description: "A resolutions booklet's plain text, as in fixtures/napo-agm-2025-resolutions.txt" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000_000)
  text: string;
}

export class MotionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conferenceId: string;
  @ApiProperty() kind: string;
  @ApiProperty({ nullable: true }) parentMotionId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, description: 'The motion as amended by carried amendments (for an amendment: the motion as it would read)' }) amendedText: string | null;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, description: "The SOC's or chair's last reason, shown to the body" }) statusReason: string | null;
  @ApiProperty({ nullable: true }) sectionId: string | null;
  @ApiProperty({ nullable: true }) submittingBodyId: string | null;
  @ApiProperty({ type: [String] }) submitterBodyIds: string[];
  @ApiProperty({ nullable: true }) proposerMemberId: string | null;
  @ApiProperty({ nullable: true }) seconderMemberId: string | null;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({ nullable: true }) agreedOn: string | null;
  @ApiProperty({ nullable: true }) agendaNumber: number | null;
  @ApiProperty({ nullable: true }) agendaLabel: string | null;
  @ApiProperty() wordCount: number;
  @ApiProperty() wordLimit: number;
  @ApiProperty({ description: 'Over the word limit: flagged for the SOC to edit with the proposer, not refused' }) overWordLimit: boolean;
  @ApiProperty({ nullable: true }) compositeId: string | null;
  @ApiProperty({ nullable: true }) submittedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional() emergency?: { stage: string | null; answers: Record<string, string>; socReason: string | null };
  @ApiPropertyOptional() amendment?: {
    instructions?: unknown[];
    replacement?: string;
    acceptedByMover: boolean;
    ruling: string | null;
    rulingReason: string | null;
    advisories: string[];
    looksLikeDirectNegative: boolean;
  };
}

export class MotionAuditEntryDto {
  @ApiProperty() action: string;
  @ApiProperty() who: string;
  @ApiProperty() role: string;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true }) why: string | null;
  @ApiProperty({ nullable: true }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
}

export class SubmissionAcknowledgementDto {
  @ApiProperty({ type: MotionResponseDto }) motion: MotionResponseDto;
  @ApiProperty({ description: 'What the body keeps as its receipt' }) acknowledgement: string;
}

export class AgendaEntryDto {
  @ApiProperty() motionId: string;
  @ApiProperty() label: string;
  @ApiProperty() number: number;
  @ApiProperty() series: string;
  @ApiProperty({ nullable: true }) section: string | null;
  @ApiProperty({ nullable: true }) sectionId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ description: "The motion's status: placed until the chair takes it" }) status: string;
}

export class AgendaResponseDto {
  @ApiProperty({ nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: [String], description: 'The sections (names) in their order: as published, or before publication as publishing will take them (the SOC’s order, else rotated by the year)' })
  sectionOrder: string[];
  @ApiProperty({ type: [AgendaEntryDto] }) entries: AgendaEntryDto[];
}

export class PriorityBallotMotionCountDto {
  @ApiProperty() motionId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Members who picked it' }) picks: number;
}

export class PriorityBallotSectionDto {
  @ApiProperty() section: string;
  @ApiProperty({ description: '[Napo] a section with one motion is taken automatically' }) automatic: boolean;
  @ApiProperty({ type: [PriorityBallotMotionCountDto], description: 'The most picked first; ties in submission order' }) motions: PriorityBallotMotionCountDto[];
}

export class PriorityBallotTallyDto {
  @ApiProperty({ description: 'True until the agenda is published' }) open: boolean;
  @ApiProperty({ description: 'Ballots cast' }) ballots: number;
  @ApiProperty({ type: [PriorityBallotSectionDto] }) sections: PriorityBallotSectionDto[];
}

export class BookletImportReportDto {
  @ApiProperty() sections: number;
  @ApiProperty() resolutions: number;
  @ApiProperty({ type: [String], description: 'Bodies named as proposers or section owners that were not in the register and were added' }) createdBodies: string[];
  @ApiProperty({ type: [String], description: 'Lines the import could not place under any resolution' }) unplaced: string[];
}

/** The SOC sets or corrects a motion's topics, with the reason the submitting body is shown (issue 19 item 3). */
export class MotionTopicsDto {
  @ApiProperty({ type: [String], description: "The motion's topics as they should be (the conference's topic codes; empty for none)", example: ['pay_and_conditions'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  topics: string[];

  @ApiProperty({ description: 'Why the topics change: recorded in the audit and shown to the submitting body', maxLength: 1000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  reason: string;
}
