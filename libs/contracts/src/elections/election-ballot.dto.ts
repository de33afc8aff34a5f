import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { SPOILT_REASONS } from '@agm/domain';
import type { CountingMethod, ElectionBallotState, SpoiltReason } from '@agm/domain';
import { IsNotBlank } from '../common/not-blank';

/** The most candidates a ballot paper can list (a sanity bound on the request, far above any post). */
const MAX_CANDIDATES = 100;

/** A remote member's ballot: candidates by nomination id, most preferred first (first past the post: those marked). */
export class ElectionBallotCastDto {
  @ApiProperty({
    type: [String],
    description: 'Nomination ids of the candidates: most preferred first (ranked methods), or the candidates marked (first past the post).',
  })
  @IsArray({ message: 'preferences must be a list of candidates' })
  @ArrayMaxSize(MAX_CANDIDATES, { message: `preferences lists at most ${MAX_CANDIDATES} candidates` })
  @IsUUID('4', { each: true, message: 'each preference must be a candidate on this ballot' })
  preferences: string[];

  @ApiProperty({
    description: 'A random string the device makes once per ballot (16 to 100 letters, digits, - or _) and sends again on a retry. Keep it secret.',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,100}$/, { message: 'idempotencyKey must be 16 to 100 letters, digits, - or _' })
  idempotencyKey: string;
}

/** A hall ballot paper as a teller reads it: the candidates marked (as a remote ballot, without a key), or spoilt with its reason. */
export class PaperBallotEntryDto {
  @ApiPropertyOptional({ type: [String], description: 'Nomination ids as written on the paper: 1 first, 2 second… (or the candidates marked). Not with spoilt.' })
  @IsOptional()
  @IsArray({ message: 'preferences must be a list of candidates' })
  @ArrayMaxSize(MAX_CANDIDATES, { message: `preferences lists at most ${MAX_CANDIDATES} candidates` })
  @IsUUID('4', { each: true, message: 'each preference must be a candidate on this ballot' })
  preferences?: string[];

  @ApiPropertyOptional({
    enum: SPOILT_REASONS,
    description:
      'The paper is spoilt (rejected) and counts for no candidate: unmarked; too-many-marks (more marks than seats, or more than one first preference); identifies-voter (writing or a mark by which the voter can be identified); uncertain (void for uncertainty). Not with preferences.',
  })
  @IsOptional()
  @IsIn(SPOILT_REASONS, { message: `spoilt must be one of: ${SPOILT_REASONS.join(', ')}` })
  spoilt?: SpoiltReason;
}

export class ElectionBallotCloseDto {
  @ApiPropertyOptional({
    description: 'The returning officer’s seed for any draw by lot (e.g. dice read aloud), given before the count; needed only if the count meets a tie the rules leave to lot.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'lotSeed is at most 200 characters' })
  lotSeed?: string;
}

export class ElectionBallotVoidDto {
  @ApiProperty({ example: 'Dev Dale died on 5 December; the ballot is held again without him', description: 'Why the ballot is voided: the conference is told' })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  reason: string;
}

export class BallotCandidateDto {
  @ApiProperty({ format: 'uuid' }) nominationId: string;
  @ApiProperty() name: string;
}

export class YourElectionBallotDto {
  @ApiProperty({ description: 'Whether you vote on this device' }) votesHere: boolean;
  @ApiProperty() hasVoted: boolean;
  @ApiProperty({ description: 'What you do, in words' }) text: string;
}

export class PublishedStageCandidateDto {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Votes at the end of the stage, five decimal places' }) votes: string;
  @ApiProperty({ description: 'Gained (or lost) at this stage; empty at the first' }) change: string;
  @ApiProperty({ enum: ['elected', 'excluded', 'continuing'] }) status: 'elected' | 'excluded' | 'continuing';
}

export class PublishedStageDto {
  @ApiProperty() number: number;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) quota: string | null;
  @ApiProperty({ type: [PublishedStageCandidateDto] }) candidates: PublishedStageCandidateDto[];
  @ApiProperty() nonTransferable: string;
  @ApiProperty() nonTransferableThisStage: string;
  @ApiProperty() roundingLoss: string;
  @ApiProperty({ type: [String] }) electedThisStage: string[];
  @ApiProperty({ type: [String] }) excludedThisStage: string[];
}

export class RejectedPaperReasonDto {
  @ApiProperty({ enum: SPOILT_REASONS }) reason: SpoiltReason;
  @ApiProperty({ description: 'The reason in the words of the count sheet' }) reasonText: string;
  @ApiProperty() papers: number;
}

export class RejectedPapersDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [RejectedPaperReasonDto], description: 'Every reason, in the order of the count sheet, with 0 where none' }) byReason: RejectedPaperReasonDto[];
}

export class ElectionTurnoutDto {
  @ApiProperty({ description: 'Valid ballots and rejected papers' }) ballots: number;
  @ApiProperty({ description: 'Members on the register of voters when the ballot opened' }) eligible: number;
  @ApiProperty({ description: 'To one decimal place' }) percent: number;
  @ApiProperty({ description: 'In words' }) text: string;
}

export class PublishedCountDto {
  @ApiProperty() methodText: string;
  @ApiProperty() seats: number;
  @ApiProperty() validBallots: number;
  @ApiProperty() invalidBallots: number;
  @ApiProperty({ nullable: true, type: String }) quota: string | null;
  @ApiProperty({ type: [String] }) elected: string[];
  @ApiProperty({ type: [PublishedStageDto] }) stages: PublishedStageDto[];
  @ApiProperty({ type: [String] }) draws: string[];
  @ApiProperty({ type: [String] }) notes: string[];
  @ApiProperty({ type: RejectedPapersDto, description: 'Hall papers the tellers rejected as spoilt, by reason: never counted for a candidate nor in the quota' })
  rejectedPapers: RejectedPapersDto;
  @ApiProperty({ type: ElectionTurnoutDto, nullable: true, description: 'Valid and rejected ballots over the register' })
  turnout: ElectionTurnoutDto | null;
}

export class ElectionBallotDto {
  @ApiProperty({ format: 'uuid', description: 'Named in the receipt text' }) ballotId: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty() title: string;
  @ApiProperty() seats: number;
  @ApiProperty() method: CountingMethod;
  @ApiProperty() methodText: string;
  @ApiProperty({ description: 'Ranked (1, 2, 3…) or marked (X, up to seats marks)' }) ranked: boolean;
  @ApiProperty({ description: 'How to fill in the ballot, in words' }) instructions: string;
  @ApiProperty({ enum: ['open', 'closed', 'voided'], description: 'voided: shown until a new ballot for the post opens' }) state: ElectionBallotState;
  @ApiProperty() stateText: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why the returning officer voided the ballot; null unless voided' }) voidReason: string | null;
  @ApiProperty({ type: [BallotCandidateDto], description: 'In the order printed on the ballot (alphabetical)' }) candidates: BallotCandidateDto[];
  @ApiProperty() eligibleCount: number;
  @ApiProperty({ description: 'Members eligible in the hall: they vote on paper' }) hallHeadcount: number;
  @ApiProperty({ description: 'Members eligible remotely: they vote on their device' }) electronicCount: number;
  @ApiProperty({ description: 'Remote ballots cast so far' }) remoteBallotsCast: number;
  @ApiProperty({ description: 'Hall papers entered and confirmed so far' }) paperBallotsConfirmed: number;
  @ApiPropertyOptional({ type: YourElectionBallotDto, description: 'For an attendee: how they vote in this ballot' }) you?: YourElectionBallotDto;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the ballot was closed and the count published; null while open and once voided' })
  closedAt: string | null;
  @ApiProperty({ type: PublishedCountDto, nullable: true, description: 'The count, stage by stage, once the ballot is closed' }) result: PublishedCountDto | null;
}

export class ElectionBallotAckDto {
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ description: 'Your ballot in words, as counted' }) ballotText: string;
  @ApiProperty({ description: 'Keep it: after the close, find the hash of your receipt in the published list' }) receiptCode: string;
  @ApiProperty() receiptHash: string;
  @ApiProperty({ enum: ['accepted', 'duplicate'] }) status: 'accepted' | 'duplicate';
}

export class PaperBallotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The number the teller writes on the paper' }) number: number;
  @ApiProperty({ nullable: true, type: String, description: 'The entry in words: shown to the teller who entered it, and to all once confirmed' })
  ballotText: string | null;
  @ApiProperty({
    enum: SPOILT_REASONS,
    nullable: true,
    description: 'Why the paper is spoilt (ballotText says it in words); null for a paper with candidates marked, and while hidden as ballotText is',
  })
  spoilt: SpoiltReason | null;
  @ApiProperty() enteredByYou: boolean;
  @ApiProperty() confirmed: boolean;
}

export class ElectionReceiptDto {
  @ApiProperty() receiptHash: string;
  @ApiProperty({ description: 'Candidate numbers from 1 in the ballot order, as in the receipt text' }) preferences: number[];
  @ApiProperty() ballotText: string;
}

/** The count published last in the conference: what the projector shows again after a reload. */
export class LatestElectionResultDto {
  @ApiProperty({ type: ElectionBallotDto, nullable: true, description: 'The newest ballot closed and counted (not voided), as `GET …/ballot` gives it; null when no count is published' })
  ballot: ElectionBallotDto | null;
}
