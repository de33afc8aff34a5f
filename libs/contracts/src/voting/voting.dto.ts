import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MAJORITIES,
  MOTION_KINDS,
  PROCEDURAL_MOTIONS,
  VOTE_CHANNELS,
  VOTE_CHOICES,
  VOTE_METHODS,
  VOTE_SUBJECTS,
  type Majority,
  type MotionKind,
  type ProceduralMotion,
  type VoteChannel,
  type VoteChoice,
  type VoteMethod,
  type VoteSubject,
} from '@agm/domain';

/** A body's card in a card vote: who holds it; its weight is the body's membership. */
export class CardHolderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'bodyId must be the id of a body' })
  bodyId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'memberId must be the id of a member' })
  memberId: string;
}

/**
 * The `cardHolders` field, validated the same wherever a card vote is opened: `POST /votes` and the
 * debate's `putTheQuestion` vote options. The api then checks them once more against the register
 * (OpenVote: a body that exists, a registered member, one card per member) before anything is recorded.
 */
export function CardHoldersField(): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    ApiPropertyOptional({
      type: [CardHolderDto],
      description: 'Card vote only (required for one): the card holder of each body',
    }),
    IsOptional(),
    IsArray({ message: 'cardHolders must be a list of { bodyId, memberId }' }),
    ArrayMaxSize(2000),
    ValidateNested({ each: true }),
    Type(() => CardHolderDto),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** A date and time with its offset from UTC: without one the server would read it on its own clock's zone. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The announced close time, validated the same on `POST /votes` and the debate's `putTheQuestion` vote
 * options: an ISO 8601 instant that names its offset ("2026-08-06T14:30:00Z", "…T15:30:00+01:00"). A bare
 * "2026-08-06T14:30" is refused rather than read in the server's zone, which need not be the conference's.
 */
export function ClosesAtField(): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    ApiPropertyOptional({
      description:
        'Announced close time: ISO 8601 with its offset (Z or ±hh:mm); ballots after it are refused and the vote closes by itself then. The chair may still close it earlier.',
      example: '2026-08-06T14:30:00Z',
    }),
    IsOptional(),
    IsISO8601({ strict: true }, { message: 'closesAt must be an ISO 8601 date-time' }),
    Matches(INSTANT_WITH_OFFSET, {
      message:
        'closesAt must be a date and time with its offset from UTC, e.g. 2026-08-06T14:30:00Z or 2026-08-06T15:30:00+01:00',
    }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

export class VoteOpenDto {
  @ApiProperty({ enum: VOTE_SUBJECTS, example: 'motion' })
  @IsIn(VOTE_SUBJECTS, { message: `subject must be one of ${VOTE_SUBJECTS.join(', ')}` })
  subject: VoteSubject;

  @ApiPropertyOptional({
    description: 'What is voted on: the motion or amendment id, or another reference',
    example: 'b7c1…',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectRef?: string;

  @ApiPropertyOptional({
    enum: MOTION_KINDS,
    description: 'For a motion: its kind sets the majority (constitutional amendments two-thirds)',
  })
  @IsOptional()
  @IsIn(MOTION_KINDS, { message: `motionKind must be one of ${MOTION_KINDS.join(', ')}` })
  motionKind?: MotionKind;

  @ApiPropertyOptional({
    enum: PROCEDURAL_MOTIONS,
    description: 'Required when subject is procedural_motion',
  })
  @IsOptional()
  @IsIn(PROCEDURAL_MOTIONS, { message: `proceduralMotion must be one of ${PROCEDURAL_MOTIONS.join(', ')}` })
  proceduralMotion?: ProceduralMotion;

  @ApiPropertyOptional({
    enum: MAJORITIES,
    description:
      "Only for a custom question: the majority it needs (the ruleset's custom majority when left out). Motions, amendments and procedural motions take theirs from the ruleset by kind.",
  })
  @IsOptional()
  @IsIn(MAJORITIES, { message: `majority must be one of ${MAJORITIES.join(', ')}` })
  majority?: Majority;

  @ApiProperty({ example: 'Motion 7: Pay restoration' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({
    type: [String],
    example: ['pay_and_conditions'],
    description: "Topic codes from the conference's ruleset",
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  topics: string[];

  @ApiProperty({ enum: VOTE_METHODS, example: 'hybrid' })
  @IsIn(VOTE_METHODS, { message: `method must be one of ${VOTE_METHODS.join(', ')}` })
  method: VoteMethod;

  @ApiProperty({
    description:
      'A secret vote keeps no link between voter and choice; an open vote may publish who voted how',
  })
  @IsBoolean()
  secret: boolean;

  @ClosesAtField()
  closesAt?: string;

  @CardHoldersField()
  cardHolders?: CardHolderDto[];
}

export class BallotCastDto {
  @ApiProperty({ enum: VOTE_CHOICES })
  @IsIn(VOTE_CHOICES, { message: `choice must be one of ${VOTE_CHOICES.join(', ')}` })
  choice: VoteChoice;

  @ApiProperty({
    description:
      'A random string the device makes once per ballot (at least 16 characters, e.g. a UUID) and sends again on a retry. It is also what proves a changed ballot is yours: keep it secret.',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,100}$/, { message: 'idempotencyKey must be 16 to 100 letters, digits, - or _' })
  idempotencyKey: string;
}

/** The socket form of a ballot: the same fields plus where it goes. */
export class BallotCastMessageDto extends BallotCastDto {
  @IsUUID('4', { message: 'conferenceId must be the id of a conference' })
  conferenceId: string;

  @IsUUID('4', { message: 'voteId must be the id of a vote' })
  voteId: string;
}

export class HallCountDto {
  @ApiProperty() @IsInt({ message: 'for must be a whole number' }) @Min(0) @Max(1_000_000) for: number;
  @ApiProperty()
  @IsInt({ message: 'against must be a whole number' })
  @Min(0)
  @Max(1_000_000)
  against: number;
  @ApiProperty()
  @IsInt({ message: 'abstain must be a whole number' })
  @Min(0)
  @Max(1_000_000)
  abstain: number;
}

export class VoteVoidDto {
  @ApiProperty({ example: 'Point of order upheld: the remote stream failed during the vote' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

/** The chair declares a hall count without a second teller: why (shown with the result, minuted). */
export class HallCountAcceptDto {
  @ApiProperty({ example: 'The second teller was taken ill; the count was taken in full view of the hall' })
  @IsString()
  @Matches(/\S/, { message: 'reason must be written: it is shown with the result and minuted' })
  @MaxLength(1000)
  reason: string;
}

export class BallotAckDto {
  @ApiProperty({ format: 'uuid' }) voteId: string;
  @ApiProperty({ enum: VOTE_CHOICES }) choice: VoteChoice;
  @ApiProperty({ enum: VOTE_CHANNELS }) channel: VoteChannel;
  @ApiProperty() weight: number;
  @ApiProperty({
    description:
      'Keep it: after the close, find hash(receipt) in the published list to check your ballot was counted',
  })
  receiptCode: string;
  @ApiProperty({ description: 'The receipt hash as it will be published' }) receiptHash: string;
  @ApiProperty({ enum: ['accepted', 'duplicate', 'replaced'] }) status: 'accepted' | 'duplicate' | 'replaced';
}

export class ChoiceCountsDto {
  @ApiProperty() for: number;
  @ApiProperty() against: number;
  @ApiProperty() abstain: number;
}

export class VoteResultDto {
  @ApiProperty() channels: { electronic: ChoiceCountsDto; hall: ChoiceCountsDto; card: ChoiceCountsDto };
  @ApiProperty() totals: ChoiceCountsDto;
  @ApiProperty() turnout: { voted: number; eligible: number; percent: number; description: string };
  @ApiProperty() threshold: { majority: Majority; forNeeded: number; description: string };
  @ApiProperty({ enum: ['carried', 'lost', 'tied_falls', 'tied_chair_casting_vote_needed'] }) outcome: string;
  @ApiPropertyOptional({
    description: "The hall count was declared without a second teller's confirmation: the chair's reason",
  })
  unconfirmedHallCountReason?: string;
}

export class MyEligibilityDto {
  @ApiProperty() eligible: boolean;
  @ApiPropertyOptional({ enum: VOTE_CHANNELS }) channel?: VoteChannel;
  @ApiPropertyOptional({
    description:
      "When eligible: what the ballot counts for (1, or in a card vote the card holder's body membership)",
  })
  weight?: number;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ description: 'What the attendee is told when they may not vote' }) message?: string;
  @ApiProperty() voted: boolean;
}

export class VoteResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conferenceId: string;
  @ApiProperty({ enum: VOTE_SUBJECTS }) subject: VoteSubject;
  @ApiPropertyOptional() subjectRef: string | null;
  @ApiPropertyOptional() proceduralMotion: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({ enum: VOTE_METHODS }) method: VoteMethod;
  @ApiProperty({ enum: MAJORITIES }) majority: Majority;
  @ApiProperty() secret: boolean;
  @ApiProperty({ enum: ['open', 'closed', 'declared', 'voided'] }) state: string;
  @ApiProperty() openedAt: string;
  @ApiPropertyOptional() closesAt: string | null;
  @ApiPropertyOptional() closedAt: string | null;
  @ApiPropertyOptional() voidReason: string | null;
  @ApiProperty() eligibleCount: number;
  @ApiProperty() hallHeadcount: number;
  @ApiProperty() electronicCount: number;
  @ApiProperty({ description: 'Ballots cast so far (never their content)' }) ballotsCast: number;
  @ApiPropertyOptional({ type: VoteResultDto }) result: VoteResultDto | null;
  @ApiPropertyOptional({
    type: MyEligibilityDto,
    description: 'For an attendee: their own entry in the snapshot',
  })
  me?: MyEligibilityDto;
}

export class PublishedReceiptDto {
  @ApiProperty() receiptHash: string;
  @ApiProperty({ enum: VOTE_CHOICES }) choice: VoteChoice;
  @ApiProperty() weight: number;
  @ApiProperty({ enum: VOTE_CHANNELS }) channel: VoteChannel;
  @ApiPropertyOptional({ description: 'Open (named) votes only: who cast it' }) memberId?: string;
}

/** Pushed to the public room at most twice a second per vote while it is open. Not in the event log. */
export interface BallotsCastMessage {
  conferenceId: string;
  voteId: string;
  ballotsCast: number;
  eligible: number;
}

/** The ephemeral socket events of voting (logged events arrive as 'conference.event'). */
export interface VotingServerToClientEvents {
  'vote.ballots': (message: BallotsCastMessage) => void;
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;

/**
 * The same rules as BallotCastMessageDto, checked without class-validator: in a vote storm the
 * validator's per-message reflection was a fifth of the server's CPU. A message that fails here is
 * validated again by the DTO, which names every problem; one that passes here passes the DTO.
 */
export function isWellFormedBallotMessage(body: unknown): body is BallotCastMessageDto {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const message = body as Record<string, unknown>;
  const keys = Object.keys(message);
  return (
    keys.length === 4 &&
    typeof message.conferenceId === 'string' &&
    UUID_V4.test(message.conferenceId) &&
    typeof message.voteId === 'string' &&
    UUID_V4.test(message.voteId) &&
    typeof message.choice === 'string' &&
    (VOTE_CHOICES as readonly string[]).includes(message.choice) &&
    typeof message.idempotencyKey === 'string' &&
    IDEMPOTENCY_KEY.test(message.idempotencyKey)
  );
}

export class VoteCastingVoteDto {
  @ApiProperty({
    enum: ['for', 'against'],
    description: "The chair's casting vote on a tie, under the casting-vote rule",
  })
  @IsIn(['for', 'against'], { message: "castingVote must be 'for' or 'against'" })
  castingVote: 'for' | 'against';
}

/** A member the chair may name as a body's card holder: registered for the conference; name and number only. */
export class CardHolderCandidateDto {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'N012345' }) membershipNumber: string;
  @ApiProperty({ description: 'Present now (a holder not present when the vote opens cannot cast the card)' })
  present: boolean;
}

export class CardHolderBodyDto {
  @ApiProperty({ format: 'uuid' }) bodyId: string;
  @ApiProperty({ example: 'LDN' }) code: string;
  @ApiProperty({ example: 'London Branch' }) name: string;
  @ApiProperty({ enum: ['branch', 'network', 'committee', 'forum', 'joint_members'] }) kind: string;
  @ApiProperty({ description: "The card's weight" }) membershipCount: number;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The holder in the vote the list is prefilled from, if any',
  })
  holderMemberId: string | null;
  @ApiProperty({
    type: [CardHolderCandidateDto],
    description:
      "The body's members registered for the conference (a branch's members and any body's officers), plus the prefilled holder",
  })
  members: CardHolderCandidateDto[];
}

/** `GET /votes/card-holders`: the bodies and whom the chair may name as each one's card holder. */
export class CardHoldersResponseDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The card vote the holders are prefilled from: the one asked for, or the most recent',
  })
  fromVoteId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) fromVoteTitle: string | null;
  @ApiProperty({
    type: [CardHolderBodyDto],
    description: 'Bodies with a member registered for the conference, or a holder in that vote',
  })
  bodies: CardHolderBodyDto[];
}

export class CardHoldersQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Prefill from this card vote (a voided one, to re-run it); default the most recent card vote',
  })
  @IsOptional()
  @IsUUID('4', { message: 'voteId must be the id of a vote' })
  voteId?: string;
}
