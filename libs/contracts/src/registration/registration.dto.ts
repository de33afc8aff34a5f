import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ATTENDANCE_MODES, type AttendanceMode } from '@agm/domain';

/** How a registration's current access code reached (or did not reach) its member. */
export const CODE_DELIVERIES = ['shown', 'emailed', 'email_failed', 'letter_due', 'letter_printed'] as const;
export type CodeDeliveryCode = (typeof CODE_DELIVERIES)[number];

/** The words a person reads for each delivery; the codes stay in the API. */
export const CODE_DELIVERY_TEXT: Record<CodeDeliveryCode, string> = {
  shown: 'Shown on screen once',
  emailed: 'Emailed',
  email_failed: 'Email failed: print a letter',
  letter_due: 'Letter to print',
  letter_printed: 'Letter printed',
};

export function codeDeliveryText(delivery: CodeDeliveryCode | null): string {
  return delivery ? CODE_DELIVERY_TEXT[delivery] : 'Not recorded';
}

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

/** A member's voting-card number: recorded at hall check-in or on the register (issue 19). */
export class CardNumberDto {
  @ApiPropertyOptional({ description: 'The number on the member’s voting card (letters and digits, up to 20)', example: '147' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,20}$/, { message: 'cardNumber must be the card’s number: letters, digits or -, up to 20' })
  cardNumber?: string;
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
  @ApiProperty({ description: 'Whether the register holds an email address for the member' }) hasEmail: boolean;
  @ApiProperty({ enum: CODE_DELIVERIES, nullable: true }) codeDelivery: CodeDeliveryCode | null;
  @ApiProperty({ example: 'Emailed' }) codeDeliveryText: string;
}

export class AccessCodeResponseDto {
  @ApiProperty() registration: RegistrationResponseDto;
  @ApiProperty({ enum: ['shown', 'emailed', 'email_failed'], description: 'emailed: the member has it; shown or email_failed: give it to them' })
  delivery: CodeDeliveryCode;
  @ApiProperty({ example: 'Emailed' }) deliveryText: string;
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

export class BulkRegistrationDto {
  @ApiProperty({ enum: ATTENDANCE_MODES })
  @IsIn(ATTENDANCE_MODES, { message: `attendanceMode must be one of ${ATTENDANCE_MODES.join(', ')}` })
  attendanceMode: AttendanceMode;

  @ApiPropertyOptional({ type: [String], example: ['full', 'retired'], description: 'Only these categories (each must be allowed to attend); all that may attend when absent' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { each: true, message: 'each category must be a category code such as full or retired' })
  categories?: string[];

  @ApiPropertyOptional({ type: [String], description: "Only members of these bodies (a branch's members, a body's officers)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('4', { each: true, message: 'each body must be the id of a body of the register' })
  bodyIds?: string[];

  @ApiPropertyOptional({ example: 'membership_number\nN012345\nN012346\n', description: 'Only these members: a CSV with the header membership_number' })
  @IsOptional()
  @IsString()
  @MaxLength(1_000_000)
  membershipNumbersCsv?: string;
}

export class RegistrationJobResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['running', 'finished', 'failed'] }) state: 'running' | 'finished' | 'failed';
  @ApiProperty({ example: 'Registering: 120 of 500 done' }) stateText: string;
  @ApiProperty({ example: 'Everyone who may attend, remote' }) selection: string;
  @ApiProperty({ enum: ATTENDANCE_MODES }) attendanceMode: AttendanceMode;
  @ApiProperty() total: number;
  @ApiProperty() processed: number;
  @ApiProperty() registered: number;
  @ApiProperty() alreadyRegistered: number;
  @ApiProperty() emailed: number;
  @ApiProperty() emailFailed: number;
  @ApiProperty() lettersDue: number;
  @ApiProperty({ nullable: true }) failure: string | null;
  @ApiProperty() startedAt: string;
  @ApiProperty({ nullable: true }) finishedAt: string | null;
}

export class PrintLettersDto {
  @ApiPropertyOptional({ type: [String], description: 'These registrations; absent: every one with a letter due or a failed email' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('4', { each: true, message: 'each registration must be a registration id' })
  registrationIds?: string[];
}

export class AttendanceSwitchDto {
  @ApiProperty({ enum: ATTENDANCE_MODES, description: 'The mode to switch to' })
  @IsIn(ATTENDANCE_MODES, { message: `attendanceMode must be one of ${ATTENDANCE_MODES.join(', ')}` })
  attendanceMode: AttendanceMode;

  @ApiProperty({ example: 'Arrived at the venue' })
  @IsString()
  @IsNotEmpty({ message: 'reason is required, e.g. "arrived at the venue"' })
  @MaxLength(500)
  reason: string;
}

export class LostCodeRequestDto {
  @ApiProperty()
  @IsUUID('4', { message: 'conferenceId must be the conference chosen from the list' })
  conferenceId: string;

  @ApiProperty({ example: 'N10042' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  membershipNumber: string;

  @ApiProperty({ example: 'ada@example.org' })
  @IsEmail({}, { message: 'email must be an email address, e.g. ada@example.org' })
  @MaxLength(254)
  email: string;
}

export class LostCodeResponseDto {
  @ApiProperty() message: string;
}

/** A member's application to attend, sent from the sign-in screen where the conference takes them. */
export class ApplicationRequestDto extends LostCodeRequestDto {
  @ApiProperty({ enum: ATTENDANCE_MODES, description: 'In the hall or remote' })
  @IsIn(ATTENDANCE_MODES, { message: 'Choose to attend in the hall or remotely' })
  attendanceMode: AttendanceMode;
}

export class ApplicationsOpenDto {
  @ApiProperty({ description: 'Whether members may apply to attend this conference' })
  @IsBoolean()
  open: boolean;
}

export class ApplicationDeclineDto {
  @ApiProperty({ example: 'Not a member in good standing' })
  @IsString()
  @IsNotEmpty({ message: 'reason is required: the member is told it' })
  @MaxLength(500)
  reason: string;
}

export class ApplicationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() membershipNumber: string;
  @ApiProperty({ description: 'The member’s category in words' }) categoryText: string;
  @ApiProperty({ enum: ATTENDANCE_MODES }) attendanceMode: AttendanceMode;
  @ApiProperty() appliedAt: string;
}

export class ApplicationListResponseDto {
  @ApiProperty() open: boolean;
  @ApiProperty({ type: [ApplicationResponseDto] }) applications: ApplicationResponseDto[];
}

export class ApplicationDecisionResponseDto {
  @ApiProperty() message: string;
}
