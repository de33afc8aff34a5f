import { ApiProperty } from '@nestjs/swagger';
import { IsUrl, MaxLength, ValidateIf } from 'class-validator';

const HTTPS = { protocols: ['https'], require_protocol: true, require_tld: true, allow_underscores: true };

/**
 * Head office sets where remote attendees watch the hall and where a called remote speaker is heard:
 * addresses of a service the union already uses (a Jitsi, Zoom or Teams meeting; a YouTube or Vimeo
 * stream). null clears one. Both are given each time: what is sent is what is kept.
 */
export class RemoteLinksDto {
  @ApiProperty({ nullable: true, type: String, example: 'https://www.youtube.com/live/napo-agm-2027' })
  @ValidateIf((_, value) => value !== null)
  @IsUrl(HTTPS, {
    message:
      'livestreamUrl must be a secure web address starting https://, such as https://www.youtube.com/live/…; or null for none',
  })
  @MaxLength(2000, { message: 'livestreamUrl must be at most 2000 characters' })
  livestreamUrl: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'https://meet.jit.si/NapoAGM2027Speakers' })
  @ValidateIf((_, value) => value !== null)
  @IsUrl(HTTPS, {
    message:
      'roomUrl must be a secure web address starting https://, such as a Jitsi, Zoom or Teams meeting link; or null for none',
  })
  @MaxLength(2000, { message: 'roomUrl must be at most 2000 characters' })
  roomUrl: string | null;
}

export class RemoteLinksResponseDto {
  @ApiProperty({ nullable: true, type: String }) livestreamUrl: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The speakers’ room: for remote attendees and the conference’s officials; null for hall attendees',
  })
  roomUrl: string | null;
}

/** The chair's view of the member called (or speaking) now, when they are remote. */
export class SpeakerRoomResponseDto {
  @ApiProperty({ nullable: true, type: String }) roomUrl: string | null;
  @ApiProperty({
    nullable: true,
    description:
      'The member called or speaking now: whether they attend remotely and when they said they joined the room',
  })
  called: { memberId: string; name: string | null; remote: boolean; joinedAt: string | null } | null;
}
