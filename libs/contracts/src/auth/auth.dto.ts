import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

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
