import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsTimeZone, MaxLength, Min } from 'class-validator';
import { CONFERENCE_FORMATS, type ConferenceFormat } from '@agm/domain';
import { IsCalendarDate } from '../common/calendar-date';

export class ConferenceCreateDto {
  @ApiProperty({ example: 'Napo AGM 2025' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Eastbourne and online' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  venue: string;

  @ApiProperty({ example: 'Europe/London', description: 'IANA time zone; deadlines are enforced in it' })
  @IsTimeZone({ message: "timeZone must be an IANA time zone such as 'Europe/London'" })
  timeZone: string;

  @ApiProperty({ example: '2025-10-02', description: 'First day, in the conference time zone' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ example: '2025-10-03', description: 'Last day; not before startsOn' })
  @IsCalendarDate()
  endsOn: string;

  @ApiProperty({ enum: CONFERENCE_FORMATS, example: 'hybrid' })
  @IsIn(CONFERENCE_FORMATS, { message: `format must be one of ${CONFERENCE_FORMATS.join(', ')}` })
  format: ConferenceFormat;
}

// A field may be left out, but null is refused at the field: every detail of a conference is required.
export class ConferenceUpdateDto extends PartialType(ConferenceCreateDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({
    description:
      "The conference's `version` these details were read at; when another change has been saved since, the api answers 409",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ConferenceResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() venue: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
  @ApiProperty({ enum: CONFERENCE_FORMATS }) format: ConferenceFormat;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ description: 'Optimistic-lock version' }) version: number;
}
