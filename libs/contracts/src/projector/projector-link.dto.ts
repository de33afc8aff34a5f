import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ProjectorLinkCreateDto {
  @ApiPropertyOptional({ example: 'Main hall', description: 'Which screen it is for, to tell links apart when revoking; default "Hall projector"' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  label?: string;
}

export class ProjectorLinkResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conferenceId: string;
  @ApiProperty() label: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'The link stops working then, or when revoked' }) expiresAt: string;
}

/** Answered once, when the link is issued: the key is never shown again (only its HMAC is stored). */
export class ProjectorLinkIssuedDto extends ProjectorLinkResponseDto {
  @ApiProperty({ description: 'The secret: a read-only bearer token for this conference\'s projector screen' }) key: string;
  @ApiProperty({ example: '/projector/<conferenceId>#key=p.…', description: 'Open on the projector PC, after the site\'s address; the key is in the fragment, so it is not sent in requests, logs or referrers' })
  path: string;
}
