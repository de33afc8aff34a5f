import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { RESOLUTION_LINK_KINDS, RESOLUTION_STATUSES } from '@agm/domain';
import type { ResolutionLinkKind, ResolutionStatus } from '@agm/domain';
import { IsCalendarDate } from '../common/calendar-date';
import { IsNotBlank } from '../common/not-blank';

export class ResolutionListQueryDto {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year?: number;

  @ApiPropertyOptional({ enum: RESOLUTION_STATUSES })
  @IsOptional()
  @IsIn(RESOLUTION_STATUSES, { message: `status must be one of: ${RESOLUTION_STATUSES.join(', ')}` })
  status?: ResolutionStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the resolutions this body moved (a branch sees what its motions became)' })
  @IsOptional()
  @IsUUID('4')
  bodyId?: string;

  @ApiPropertyOptional({ example: 'workload stress', description: 'Words or a phrase to find in the title and text, across years; best match first' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class ResolutionVoteDto {
  @ApiProperty() for: number;
  @ApiProperty() against: number;
  @ApiProperty() abstain: number;
  @ApiProperty({ example: 'Carried: 120 for, 30 against, 5 abstentions (hybrid vote)' }) description: string;
}

export class ResolutionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: 12 }) number: number;
  @ApiProperty({ example: 'Resolution 12 (2025)' }) name: string;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty({ example: 'NATIONAL EXECUTIVE COMMITTEE' }) sectionHeading: string;
  @ApiProperty({ type: [String], example: ['London Branch'] }) movedBy: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) moverBodyIds: string[];
  @ApiPropertyOptional({ nullable: true, example: 'Carried as amended' }) outcome: string | null;
  @ApiPropertyOptional({ type: ResolutionVoteDto, nullable: true }) vote: ResolutionVoteDto | null;
  @ApiProperty({ type: [String], description: 'Topics in words' }) topics: string[];
  @ApiPropertyOptional({ nullable: true, example: 'National Executive Committee' }) ownerName: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) ownerBodyId: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) ownerAccountId: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2026-06-30' }) targetDate: string | null;
  @ApiProperty({ enum: RESOLUTION_STATUSES }) status: ResolutionStatus;
  @ApiProperty({ example: 'In progress' }) statusText: string;
  @ApiPropertyOptional({ nullable: true }) statusReason: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2026-02-11' }) latestProgressOn: string | null;
  @ApiPropertyOptional({ nullable: true }) latestProgressText: string | null;
  @ApiProperty({ description: 'Whether the person asking may add progress reports' }) mayReportProgress: boolean;
}

export class ResolutionProgressDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-02-11' }) reportedOn: string;
  @ApiProperty() text: string;
  @ApiProperty() authorName: string;
}

export class ResolutionLinkDto {
  @ApiProperty({ enum: ['supersedes', 'rescinds', 'superseded_by', 'rescinded_by'] }) relation: 'supersedes' | 'rescinds' | 'superseded_by' | 'rescinded_by';
  @ApiProperty({ example: 'Rescinded by Resolution 4 (2026)' }) description: string;
  @ApiProperty({ format: 'uuid' }) resolutionId: string;
  @ApiProperty({ example: 'Resolution 4 (2026)' }) resolutionName: string;
}

export class ResolutionDetailDto extends ResolutionSummaryDto {
  @ApiProperty({ type: [ResolutionProgressDto], description: 'Newest first' }) progress: ResolutionProgressDto[];
  @ApiProperty({ type: [ResolutionLinkDto] }) links: ResolutionLinkDto[];
  @ApiProperty({ type: [Number], example: [2026], description: 'The operational plans whose objectives cite it' }) plannedIn: number[];
}

export class ResolutionAuditEntryDto {
  @ApiProperty() at: string;
  @ApiProperty() actorName: string;
  @ApiProperty({ example: 'Status changed from Not started to In progress' }) description: string;
}

export class ResolutionUpdateDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The owning body (the NEC, a committee); null for none' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4')
  ownerBodyId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The owning officer’s account; null for none' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4')
  ownerAccountId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-06-30' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  targetDate?: string | null;

  @ApiPropertyOptional({ enum: RESOLUTION_STATUSES, description: 'Superseded and rescinded follow from a later resolution’s link' })
  @IsOptional()
  @IsIn(RESOLUTION_STATUSES, { message: `status must be one of: ${RESOLUTION_STATUSES.join(', ')}` })
  status?: ResolutionStatus;

  @ApiPropertyOptional({ description: 'Why: required for not pursued', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  statusReason?: string;
}

export class ResolutionLinkCreateDto {
  @ApiProperty({ format: 'uuid', description: 'The earlier resolution this one supersedes or rescinds' })
  @IsUUID('4')
  earlierId: string;

  @ApiProperty({ enum: RESOLUTION_LINK_KINDS })
  @IsIn(RESOLUTION_LINK_KINDS, { message: `kind must be one of: ${RESOLUTION_LINK_KINDS.join(', ')}` })
  kind: ResolutionLinkKind;
}

export class ResolutionProgressCreateDto {
  @ApiProperty({ example: '2026-02-11', description: 'The day the progress is reported for (an NEC meeting, say)' })
  @IsCalendarDate()
  reportedOn: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(5000)
  text: string;
}

export class ResolutionImportDto {
  @ApiProperty({ example: 2025, description: 'The AGM’s year: the booklet’s resolutions are numbered within it' })
  @IsInt()
  @Min(1900)
  @Max(2999)
  year: number;

  @ApiProperty({ description: 'The booklet as plain text (the 2025 layout: capitalised section headings, "N. Title", paragraphs, an optional "Proposer:" line)', maxLength: 1_000_000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(1_000_000)
  text: string;
}

export class ResolutionImportResultDto {
  @ApiProperty() year: number;
  @ApiProperty() imported: number;
  @ApiProperty({ type: [String], example: ['HEALTH AND SAFETY COMMITTEE'] }) sectionHeadings: string[];
}

export class RegisteredResolutionsDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [ResolutionSummaryDto] }) resolutions: ResolutionSummaryDto[];
}

export class ReportDueQueryDto {
  @ApiProperty({ example: '2026-01-14', description: 'The previous meeting: resolutions with no progress since then are due a report' })
  @IsCalendarDate()
  since: string;
}

export class RegisterReportQueryDto {
  @ApiProperty({ example: 2025 })
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year: number;

  @ApiPropertyOptional({ enum: ['html', 'pdf'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'pdf'], { message: 'format must be html or pdf' })
  format?: 'html' | 'pdf';
}

// ---- Operational plans ----

export class PlanCreateDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(1900)
  @Max(2999)
  year: number;

  @ApiProperty({ example: 2025, description: 'The AGM whose resolutions it carries out: their citations read "(Resolution N)"' })
  @IsInt()
  @Min(1900)
  @Max(2999)
  agmYear: number;

  @ApiPropertyOptional({ example: 'Operational Plan 2026', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  introduction?: string;
}

export class PlanSectionCreateDto {
  @ApiProperty({ example: "Promoting and protecting members' interests", maxLength: 200 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

export class PlanObjectiveDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  sectionId: string;

  @ApiPropertyOptional({ example: 'Cafcass and Probation', maxLength: 200, description: 'The area within the section it is listed under' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  area?: string;

  @ApiProperty({ example: 'Negotiate flexible working as part of Probation terms and conditions', maxLength: 3000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(3000)
  text: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The resolutions it carries out' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true })
  resolutionIds: string[];
}

export class PlanCitationDto {
  @ApiProperty({ format: 'uuid' }) resolutionId: string;
  @ApiProperty() year: number;
  @ApiProperty() number: number;
}

export class PlanObjectiveResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true }) area: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ type: [PlanCitationDto] }) citations: PlanCitationDto[];
  @ApiProperty({ example: 'Negotiate flexible working (Resolution 12)' }) printed: string;
}

export class PlanSectionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: "OBJECTIVE 1: PROMOTING AND PROTECTING MEMBERS' INTERESTS" }) heading: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiProperty({ type: [PlanObjectiveResponseDto] }) objectives: PlanObjectiveResponseDto[];
}

export class PlanResponseDto {
  @ApiProperty() year: number;
  @ApiProperty() agmYear: number;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true }) introduction: string | null;
  @ApiProperty({ type: [PlanSectionResponseDto] }) sections: PlanSectionResponseDto[];
  @ApiProperty({ type: [ResolutionSummaryDto], description: 'Open resolutions of the AGM year that no objective carries out yet' }) uncarried: ResolutionSummaryDto[];
}

export class PlanExportQueryDto {
  @ApiPropertyOptional({ enum: ['html', 'pdf', 'docx'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'pdf', 'docx'], { message: 'format must be html, pdf or docx' })
  format?: 'html' | 'pdf' | 'docx';
}
