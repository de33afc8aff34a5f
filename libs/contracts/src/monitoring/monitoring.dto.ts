import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { ATTENDANCE_MODES, MONITORING_BREAKDOWNS, SPEECH_ROLES, type AttendanceMode, type MonitoringBreakdown, type SpeechRole } from '@agm/domain';

/** Limits of the monitoring form: a question code and an answer code are short identifiers. */
const MAX_QUESTIONS = 40;
const CODE_LENGTH = 64;

/** `{ questionCode: answerCode }` with short string keys and values; which codes exist is checked against the form. */
function IsAnswerMap(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAnswerMap',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= MAX_QUESTIONS &&
            entries.every(([k, v]) => k.length <= CODE_LENGTH && typeof v === 'string' && v.length <= CODE_LENGTH)
          );
        },
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must be an object of question code → answer code (text of at most ${CODE_LENGTH} characters, at most ${MAX_QUESTIONS} questions)`,
      },
    });
}

export class MonitoringAnswersPutDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { gender: 'woman', age_band: '35_44', disability: 'prefer_not_to_say' },
    description: "Question code → answer code. A question left out is 'prefer_not_to_say'.",
  })
  @IsAnswerMap()
  answers: Record<string, string>;
}

export class MonitoringAnswerOptionDto {
  @ApiProperty({ example: 'woman' })
  @IsString()
  @Matches(/^[a-z0-9_]+$/, { message: 'an answer code uses only a-z, 0-9 and _' })
  @MaxLength(CODE_LENGTH)
  code: string;

  @ApiProperty({ example: 'Woman' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label: string;
}

export class MonitoringQuestionDto {
  @ApiProperty({ example: 'caring_responsibilities' })
  @IsString()
  @Matches(/^[a-z0-9_]+$/, { message: 'a question code uses only a-z, 0-9 and _' })
  @MaxLength(CODE_LENGTH)
  code: string;

  @ApiProperty({ example: 'Do you have caring responsibilities?' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  label: string;

  @ApiProperty({ type: [MonitoringAnswerOptionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => MonitoringAnswerOptionDto)
  answers: MonitoringAnswerOptionDto[];
}

export class MonitoringQuestionsPutDto {
  @ApiProperty({ type: [MonitoringQuestionDto], description: "The union's own questions, asked after the default ones" })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MonitoringQuestionDto)
  questions: MonitoringQuestionDto[];
}

export class MonitoringFormResponseDto {
  @ApiProperty({ type: [MonitoringQuestionDto] }) questions: MonitoringQuestionDto[];
  @ApiProperty({ description: 'Whether answers can still be changed (until the AGM opens)' }) editable: boolean;
}

export class MyMonitoringAnswersResponseDto extends MonitoringFormResponseDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: "Every question, 'prefer_not_to_say' where unanswered" })
  answers: Record<string, string>;
}

export const MONITORING_REPORT_FORMATS = ['json', 'csv', 'html', 'pdf'] as const;
export type MonitoringReportFormat = (typeof MONITORING_REPORT_FORMATS)[number];

export class MonitoringReportQueryDto {
  @ApiProperty({ example: 'gender', description: 'The monitoring question the speakers are counted by' })
  @IsString()
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'question must be a question code such as gender' })
  question: string;

  @ApiPropertyOptional({ enum: MONITORING_BREAKDOWNS })
  @IsOptional()
  @IsIn(MONITORING_BREAKDOWNS, { message: `breakdown must be one of ${MONITORING_BREAKDOWNS.join(', ')}` })
  breakdown?: MonitoringBreakdown;

  @ApiPropertyOptional({ example: '2025-10-02 am', description: 'A session: a half-day in the conference time zone' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2} (am|pm)$/, { message: 'session must look like 2025-10-02 am' })
  session?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'section must be the id of a section' })
  section?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'motion must be the id of a motion' })
  motion?: string;

  @ApiPropertyOptional({ enum: SPEECH_ROLES })
  @IsOptional()
  @IsIn(SPEECH_ROLES, { message: `role must be one of ${SPEECH_ROLES.join(', ')}` })
  role?: SpeechRole;

  @ApiPropertyOptional({ enum: ATTENDANCE_MODES })
  @IsOptional()
  @IsIn(ATTENDANCE_MODES, { message: `attendanceMode must be one of ${ATTENDANCE_MODES.join(', ')}` })
  attendanceMode?: AttendanceMode;

  @ApiPropertyOptional({ enum: MONITORING_REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(MONITORING_REPORT_FORMATS, { message: `format must be one of ${MONITORING_REPORT_FORMATS.join(', ')}` })
  format?: MonitoringReportFormat;
}

export class MonitoringComparisonQueryDto {
  @ApiProperty({ example: 'gender' })
  @IsString()
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'question must be a question code such as gender' })
  question: string;

  @ApiProperty({ description: 'Comma-separated ids of earlier AGMs to compare with this one (at most 9)', example: 'c0ffee…,b0a7…' })
  @IsString()
  @Matches(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,8}$/i, { message: 'with must be up to 9 conference ids separated by commas' })
  with: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'html'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'html'], { message: 'format must be one of json, csv, html' })
  format?: 'json' | 'csv' | 'html';
}

/** A published number, or a suppressed one that carries no value. */
export class StatCellDto {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ enum: ['shown', 'suppressed'] }) flag: 'shown' | 'suppressed';
}

export class SpeakerReportResponseDto {
  @ApiProperty() conferenceId: string;
  @ApiProperty() questionCode: string;
  @ApiProperty() questionLabel: string;
  @ApiProperty({ type: Object }) filter: Record<string, unknown>;
  @ApiProperty({ enum: MONITORING_BREAKDOWNS, nullable: true }) breakdownBy: MonitoringBreakdown | null;
  @ApiProperty() suppressionThreshold: number;
  @ApiProperty({ description: 'Finished speeches counted. During the AGM, released in whole batches of the threshold' }) speechesCounted: number;
  @ApiProperty({ description: 'true while the AGM is running: the figures are the live, batched view' }) live: boolean;
  @ApiProperty({ type: Object, description: 'Per category: speakers, speeches, speakingSeconds, firstTimeSpeakers, firstAgmEverSpeakers, attendees, speakerShare, attendeeShare, representationRatio (StatCell each)' })
  overall: Record<string, unknown>;
  @ApiProperty({ type: [Object] }) groups: Record<string, unknown>[];
  @ApiProperty({ type: Object, description: 'Display names of the groups: sections and motions by title' }) groupLabels: Record<string, string>;
}

/** Socket: `conference.event` of type `monitoring.updated` (audience monitors). */
export interface MonitoringUpdatedPayload {
  speechesCounted: number;
  suppressionThreshold: number;
  /** One overall row per question, already suppressed. */
  questions: Array<{ questionCode: string; questionLabel: string; overall: unknown }>;
}

/** Socket: `conference.event` of type `monitoring.balance` (audience chair): no individual, no equality data. */
export interface MonitoringBalancePayload {
  signals: Array<{ kind: string; speeches: number; message: string; stance?: 'for' | 'against' }>;
}
