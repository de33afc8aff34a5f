import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
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
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CONFERENCE_ROLES, type ConferenceRole, type Ruleset } from '@agm/domain';
import { IsCalendarDate } from '../common/calendar-date';

/** A deadline as people read it on a clock in the conference's time zone. */
export class WallClockTimeDto {
  @ApiProperty({ example: '2026-08-06', description: 'Date in the conference time zone' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: '12:00', description: '24-hour clock time in the conference time zone' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, {
    message: ({ property }) => `${property} must be a time written HH:mm, from 00:00 to 23:59`,
  })
  time: string;
}

export class DeadlinesUpdateDto {
  @ApiProperty({ type: WallClockTimeDto, description: 'Motions and constitutional amendments close' })
  @ValidateNested()
  @Type(() => WallClockTimeDto)
  motions: WallClockTimeDto;

  @ApiProperty({ type: WallClockTimeDto, description: 'Amendments close; not before the motions deadline' })
  @ValidateNested()
  @Type(() => WallClockTimeDto)
  amendments: WallClockTimeDto;

  @ApiPropertyOptional({
    type: WallClockTimeDto,
    nullable: true,
    description:
      'Emergency motions close; not before amendments, not after the conference. null: no fixed deadline',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WallClockTimeDto)
  emergency?: WallClockTimeDto | null;

  @ApiProperty({ description: 'A constitutional year: this AGM takes amendments to the constitution' })
  @IsBoolean({ message: 'acceptsConstitutionalAmendments must be true or false' })
  acceptsConstitutionalAmendments: boolean;
}

export class DeadlineResponseDto {
  @ApiProperty({ example: '2026-08-06T11:00:00.000Z', description: 'The instant, UTC' }) at: string;
  @ApiProperty({ type: WallClockTimeDto, description: 'The wall-clock time in the conference time zone' })
  local: WallClockTimeDto;
  @ApiProperty({ example: '12:00 on 6 August 2026 (Europe/London)' }) text: string;
}

export class DeadlinesResponseDto {
  @ApiProperty({ format: 'uuid' }) conferenceId: string;
  @ApiProperty({ example: 'Europe/London' }) timeZone: string;
  @ApiProperty({ type: DeadlineResponseDto, nullable: true }) motions: DeadlineResponseDto | null;
  @ApiProperty({ type: DeadlineResponseDto, nullable: true }) amendments: DeadlineResponseDto | null;
  @ApiProperty({ type: DeadlineResponseDto, nullable: true }) emergency: DeadlineResponseDto | null;
  @ApiProperty() acceptsConstitutionalAmendments: boolean;
  @ApiProperty({ nullable: true, description: 'When the AGM was opened; null before' }) openedAt:
    string | null;
}

export class RulesetUpdateDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The whole ruleset (see GET); every broken rule is named by its path',
  })
  @IsObject({ message: 'ruleset must be an object with every standing-orders rule' })
  ruleset: Ruleset;

  @ApiPropertyOptional({
    example: 'Standing orders suspended to extend speeches (SO 12)',
    description: 'Why; required once the AGM has opened',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    description: 'The version this change was made from; a newer one in force answers 409',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class RulesetResponseDto {
  @ApiProperty({ format: 'uuid' }) conferenceId: string;
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) ruleset: Ruleset;
}

/**
 * How many members of the register hold each category, so the set-up screen can say before a save
 * that a held category cannot be removed. The register is shared by every conference.
 */
export class RulesetCategoryHoldersResponseDto {
  @ApiProperty({ format: 'uuid' }) conferenceId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { full: 412, retired: 37 },
    description: 'Members of the register by category code; a category no member holds is absent',
  })
  holders: Record<string, number>;
}

export class RulesetVersionResponseDto {
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) ruleset: Ruleset;
  @ApiProperty({ nullable: true, description: 'Account that made the change; null for the initial defaults' })
  changedBy: string | null;
  @ApiProperty() changedAt: string;
  @ApiProperty({ nullable: true }) reason: string | null;
}

export class SectionCreateDto {
  @ApiProperty({ example: 'Health and Safety Committee' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The committee that owns the subject (resolutions go to it)',
  })
  @IsOptional()
  @IsUUID('4', { message: 'owningBodyId must be the id of a body' })
  owningBodyId?: string | null;
}

export class SectionUpdateDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null removes the owning body' })
  @IsOptional()
  @IsUUID('4', { message: 'owningBodyId must be the id of a body' })
  owningBodyId?: string | null;
}

export class SectionOrderDto {
  @ApiProperty({
    type: [String],
    description: 'Every section of the conference, each once, in the new order',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true, message: 'sectionIds must be ids of sections' })
  sectionIds: string[];
}

export class SectionRotateDto {
  @ApiPropertyOptional({
    example: 2026,
    description: '[Napo] alphabetical, rotated one place a year; default: the year the conference starts',
  })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number;
}

export class SectionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() position: number;
  @ApiProperty({ nullable: true }) owningBodyId: string | null;
  @ApiProperty({ nullable: true }) owningBodyName: string | null;
}

export class RoleAssignDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The account; or give its email' })
  @IsOptional()
  @IsUUID('4', { message: 'accountId must be the id of an account' })
  accountId?: string;

  @ApiPropertyOptional({ example: 'chair@demo.napo.example' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiProperty({ enum: CONFERENCE_ROLES })
  @IsIn(CONFERENCE_ROLES, { message: `role must be one of ${CONFERENCE_ROLES.join(', ')}` })
  role: ConferenceRole;
}

export class RoleAssignmentResponseDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CONFERENCE_ROLES }) role: ConferenceRole;
}

export class ConferenceOpenedResponseDto {
  @ApiProperty({ format: 'uuid' }) conferenceId: string;
  @ApiProperty() openedAt: string;
  @ApiProperty({ description: 'The quorum when the AGM opened, in words' }) quorum: string;
}

export class AccountCreateDto {
  @ApiProperty({ example: 'teller@napo.example' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sam Teller' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters; stored only as an argon2id hash' })
  @IsString()
  @MinLength(12, {
    message: 'password must be at least 12 characters; a short phrase is easiest to remember',
  })
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The member this official is, so their body offices apply',
  })
  @IsOptional()
  @IsUUID('4', { message: 'memberId must be the id of a member' })
  memberId?: string;

  @ApiPropertyOptional({ description: 'Head office staff set up every conference' })
  @IsOptional()
  @IsBoolean()
  headOffice?: boolean;
}

export class AccountResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true }) memberId: string | null;
  @ApiProperty() isHeadOffice: boolean;
}
