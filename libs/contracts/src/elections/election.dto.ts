import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DEFAULT_STATEMENT_WORD_LIMIT, POST_COUNTING_METHODS, POST_STATES } from '@agm/domain';
import type { CountingMethod, PostState } from '@agm/domain';
import { IsNotBlank } from '../common/not-blank';

/** An instant that names its offset: without one the server would read it in its own zone, not the conference's. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function InstantField(name: string, description: string): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    ApiProperty({
      description: `${description} ISO 8601 with its offset (Z or ±hh:mm).`,
      example: '2026-03-02T09:00:00Z',
    }),
    IsISO8601({ strict: true }, { message: `${name} must be an ISO 8601 date-time` }),
    Matches(INSTANT_WITH_OFFSET, {
      message: `${name} must be a date and time with its offset from UTC, e.g. 2026-03-30T12:00:00+01:00`,
    }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

export class ReservedSeatsDto {
  @ApiProperty({ example: 'women', description: 'The group, as candidates will read it when they declare' })
  @IsString()
  @IsNotBlank()
  @MaxLength(80)
  group: string;

  @ApiProperty({
    example: 1,
    description: 'At least this many of the seats go to candidates who self-identify as the group',
  })
  @IsInt()
  @Min(1)
  @Max(100)
  atLeast: number;
}

export class PostCreateDto {
  @ApiProperty({ example: 'National Executive Committee: member representatives' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 3, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100)
  seats: number;

  @ApiProperty({ enum: POST_COUNTING_METHODS, description: 'instant-runoff fills one seat only' })
  @IsIn(POST_COUNTING_METHODS, { message: `method must be one of ${POST_COUNTING_METHODS.join(', ')}` })
  method: CountingMethod;

  @ApiPropertyOptional({
    type: [String],
    example: ['full', 'professional_associate'],
    description: 'Member categories that may stand; none given: any',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  eligibleCategories: string[] = [];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Bodies a candidate must belong to (branch or office); none given: any member on the register',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true })
  eligibleBodyIds: string[] = [];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Bodies whose officers may nominate; none given: any body',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true })
  nominatingBodyIds: string[] = [];

  @InstantField('nominationsOpenAt', 'When nominations open.')
  nominationsOpenAt: string;

  @InstantField('nominationsCloseAt', 'When nominations close; a nomination at or after it is refused.')
  nominationsCloseAt: string;

  @ApiPropertyOptional({ example: DEFAULT_STATEMENT_WORD_LIMIT, default: DEFAULT_STATEMENT_WORD_LIMIT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  statementWordLimit: number = DEFAULT_STATEMENT_WORD_LIMIT;

  @ApiPropertyOptional({ type: [ReservedSeatsDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ReservedSeatsDto)
  reservedSeats: ReservedSeatsDto[] = [];
}

export class NominationCreateDto {
  @ApiProperty({ format: 'uuid', description: 'The member nominated' })
  @IsUUID('4')
  candidateMemberId: string;

  @ApiProperty({ format: 'uuid', description: 'The body nominating; you must be one of its officers' })
  @IsUUID('4')
  bodyId: string;
}

export class GroupDeclarationDto {
  @ApiProperty({
    type: [String],
    example: ['women'],
    description: 'The reserved groups you self-identify as; empty for none',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  groups: string[];

  @ApiProperty({
    description:
      'Whether the declaration may be shown to everyone; otherwise only the returning officer sees it',
  })
  @IsBoolean()
  showPublicly: boolean;
}

export class NominationAcceptDto {
  @ApiProperty({ description: "The candidate's statement, within the post's word limit" })
  @IsString()
  @IsNotBlank()
  @MaxLength(20000)
  statement: string;

  @ApiPropertyOptional({
    type: GroupDeclarationDto,
    description: 'Required for a post with reserved seats, refused for one without',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GroupDeclarationDto)
  declaration?: GroupDeclarationDto;
}

export class NominationWithdrawDto {
  @ApiProperty({ example: 'Standing for another post instead' })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  reason: string;
}

/** What everyone may read of a candidate: name, body, statement, and a declaration only if chosen to be shown. */
export class CandidateDto {
  @ApiProperty({ format: 'uuid' }) nominationId: string;
  @ApiProperty({ example: 'Ann Lee' }) name: string;
  @ApiProperty({ example: 'London Branch', description: 'The nominating body' }) body: string;
  @ApiProperty() statement: string;
  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description: 'Reserved groups declared, only when the candidate chose to show them',
  })
  declaredGroups: string[] | null;
}

/** A nomination as its nominating body, the candidate and the returning officer see it. */
export class NominationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ example: 'Ann Lee' }) candidateName: string;
  @ApiProperty({ example: 'London Branch' }) nominatedBy: string;
  @ApiProperty({ enum: ['nominated', 'accepted', 'withdrawn'] }) status:
    'nominated' | 'accepted' | 'withdrawn';
  @ApiProperty({ example: 'Nominated; waiting for the candidate to accept' }) statusText: string;
}

export class PostDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conferenceId: string;
  @ApiProperty() title: string;
  @ApiProperty() seats: number;
  @ApiProperty({ enum: POST_COUNTING_METHODS }) method: CountingMethod;
  @ApiProperty({ example: 'Single transferable vote, Scottish rules (SSI 2007/42)' }) methodText: string;
  @ApiProperty({ type: [String] }) eligibleCategories: string[];
  @ApiProperty({
    type: [String],
    example: ['London Branch'],
    description: 'Bodies a candidate must belong to; empty: any member',
  })
  eligibleBodies: string[];
  @ApiProperty({
    type: [String],
    example: ['London Branch'],
    description: 'Bodies that may nominate; empty: any body',
  })
  nominatingBodies: string[];
  @ApiProperty({ example: 'Any member on the register may stand' }) whoMayStand: string;
  @ApiProperty() nominationsOpenAt: string;
  @ApiProperty() nominationsCloseAt: string;
  @ApiProperty({ example: '09:00 on 2 March 2026 (Europe/London) to 12:00 on 30 March 2026 (Europe/London)' })
  nominationWindow: string;
  @ApiProperty() statementWordLimit: number;
  @ApiProperty({ type: [ReservedSeatsDto] }) reservedSeats: ReservedSeatsDto[];
  @ApiProperty({ enum: POST_STATES }) state: PostState;
  @ApiProperty({ example: 'Nominations open' }) stateText: string;
  @ApiPropertyOptional({ nullable: true, example: 'Ann Lee is elected unopposed to Treasurer.' }) result:
    string | null;
  @ApiProperty({ type: [CandidateDto], description: 'Accepted candidates, in the order they were nominated' })
  candidates: CandidateDto[];
}
