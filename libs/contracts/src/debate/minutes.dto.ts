import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MINUTES_APPROVERS } from '@agm/domain';
import type { MinutesApprover } from '@agm/domain';
import { IsCalendarDate } from '../common/calendar-date';

/** Recording that a later meeting approved the minutes as a correct record (issue 19 item 7). */
export class MinutesApproveDto {
  @ApiProperty({
    enum: MINUTES_APPROVERS,
    description: 'Who approved them: the next meeting of conference, or the NEC',
  })
  @IsIn(MINUTES_APPROVERS, { message: 'approvedBy must be next_meeting (the next AGM) or nec (the NEC)' })
  approvedBy: MinutesApprover;

  @ApiProperty({ description: 'The approving meeting as the record names it', example: 'NEC meeting', maxLength: 200 })
  @IsString()
  @Matches(/\S/, { message: 'meeting must name the meeting that approved the minutes' })
  @MaxLength(200)
  meeting: string;

  @ApiProperty({ description: "The meeting's date in the conference's time zone", example: '2027-11-04' })
  @IsCalendarDate()
  meetingOn: string;

  @ApiProperty({
    description: 'How the meeting approved them',
    example: 'Moved by the chair, seconded by the vice-chair, agreed on a show of hands',
    maxLength: 1000,
  })
  @IsString()
  @Matches(/\S/, { message: 'how must say how the meeting approved the minutes' })
  @MaxLength(1000)
  how: string;

  @ApiPropertyOptional({ description: 'Corrections the meeting made before approving', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  corrections?: string;
}

/** Whether the minutes are a draft or approved, and the approval in words. */
export class MinutesStatusResponseDto {
  @ApiProperty({ enum: ['draft', 'approved'] }) state: 'draft' | 'approved';
  @ApiProperty({ description: 'The status as the minutes print it' }) statusText: string;
  @ApiPropertyOptional({ nullable: true, description: 'The approval as recorded, null while a draft' })
  approval: {
    approvedBy: MinutesApprover;
    approvedByText: string;
    meeting: string;
    meetingOn: string;
    meetingOnText: string;
    how: string;
    corrections: string | null;
    recordedBy: string;
    recordedAt: string;
    recordedAtText: string;
  } | null;
}
