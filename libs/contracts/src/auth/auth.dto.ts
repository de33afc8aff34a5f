import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class OfficialSignInDto {
  @ApiProperty({ example: 'chair@demo.napo.example' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class AttendeeSignInDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'conferenceId must be the id of a conference' })
  conferenceId: string;

  @ApiProperty({ example: 'N10042' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  membershipNumber: string;

  @ApiProperty({ example: 'K7QF-3MZD-8XWP', description: 'As issued at registration; dashes and case do not matter' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  accessCode: string;
}

export class SessionResponseDto {
  @ApiProperty({ description: 'Send as Authorization: Bearer <token>, and as auth.token on the socket' }) token: string;
  @ApiProperty() expiresAt: string;
}

export class PrincipalResponseDto {
  @ApiProperty({ enum: ['account', 'attendee'] }) kind: 'account' | 'attendee';
  @ApiProperty() name: string;
  @ApiPropertyOptional() memberId?: string | null;
  @ApiPropertyOptional() accountId?: string;
  @ApiPropertyOptional() registrationId?: string;
  @ApiPropertyOptional() conferenceId?: string;
  @ApiPropertyOptional() isHeadOffice?: boolean;
  @ApiPropertyOptional({ enum: ['hall', 'remote'] }) attendanceMode?: 'hall' | 'remote';
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) roles?: Array<{ conferenceId: string; role: string }>;
  @ApiPropertyOptional({ type: [String] }) officerOf?: string[];
}

export class SignInBlockResponseDto {
  @ApiProperty({ description: 'The key to lift it by: the identifier as the throttle counts it', nullable: true, type: String }) identifier: string | null;
  @ApiPropertyOptional({ description: "The official's email, when the identifier is one" }) email?: string;
  @ApiPropertyOptional({ description: "The attendee's membership number, when the identifier is one" }) membershipNumber?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The conference the attendee tried to sign in to' }) conferenceId?: string;
  @ApiProperty({ description: 'The caller address, when the block is for one address', nullable: true, type: String }) address: string | null;
  @ApiProperty({ description: 'Failed sign-ins in the last minute' }) failures: number;
  @ApiProperty({ description: 'Refused outright until then (one identifier from one address); null when only slowed', nullable: true, type: String }) refusedUntil: string | null;
  @ApiProperty({ description: 'How long each further attempt is held, in milliseconds' }) delayMs: number;
}

export class LiftSignInBlockDto {
  @ApiPropertyOptional({ description: 'The identifier as listed; every block for it is lifted (from any address, unless address is given too)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(400)
  identifier?: string;

  @ApiPropertyOptional({ description: 'The caller address as listed' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  address?: string;
}

export class LiftSignInBlockResponseDto {
  @ApiProperty({ description: 'How many counts were forgotten' }) lifted: number;
}
