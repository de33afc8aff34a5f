import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ATTENDANCE_MODES, type AttendanceMode } from '@agm/domain';

export class RegistrationCreateDto {
  @ApiProperty({ example: 'N10042' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  membershipNumber: string;

  @ApiProperty({ enum: ATTENDANCE_MODES })
  @IsIn(ATTENDANCE_MODES, { message: `attendanceMode must be one of ${ATTENDANCE_MODES.join(', ')}` })
  attendanceMode: AttendanceMode;
}

export class RegistrationResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() memberId: string;
  @ApiProperty() membershipNumber: string;
  @ApiProperty() name: string;
  @ApiProperty() category: string;
  @ApiProperty({ enum: ATTENDANCE_MODES }) attendanceMode: AttendanceMode;
  @ApiProperty() checkedIn: boolean;
  @ApiProperty() present: boolean;
  @ApiProperty() codeRevoked: boolean;
}

export class AccessCodeResponseDto {
  @ApiProperty() registration: RegistrationResponseDto;
  @ApiProperty({ description: 'Shown once: only its hash is kept. Give it to the attendee.', example: 'K7QF-3MZD-8XWP' })
  accessCode: string;
}

export class QuorumResponseDto {
  @ApiProperty() presentCounting: number;
  @ApiProperty() required: number;
  @ApiProperty() met: boolean;
  @ApiProperty() presentHall: number;
  @ApiProperty() presentRemote: number;
  @ApiProperty({
    description:
      'Each part of the quorum the ruleset sets (rule: its path in the ruleset), with what it needs, what there is, and both in words',
  })
  parts: Array<{ rule: string; required: number; present: number; met: boolean; description: string }>;
  @ApiProperty({ description: "The quorum in words: 'Quorate: …' or 'Not quorate: ' and each part not met" })
  description: string;
}
