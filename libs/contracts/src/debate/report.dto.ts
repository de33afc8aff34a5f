import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';

export class ReportSectionDto {
  @ApiProperty({ description: "The section's number or mark as the report prints it", example: '3' })
  @IsString()
  @Matches(/\S/, { message: 'key must be the section’s number or mark, e.g. 3' })
  @MaxLength(20)
  key: string;

  @ApiProperty({ example: 'Finance' })
  @IsString()
  @Matches(/\S/, { message: 'title must be written' })
  @MaxLength(200)
  title: string;
}

/** `POST /conferences/:id/reports`: a report to conference on the order of business (SOC, administrators). */
export class ReportCreateDto {
  @ApiProperty({ example: 'NEC Annual Report' })
  @IsString()
  @Matches(/\S/, { message: 'title must be written' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ type: [ReportSectionDto], description: 'Its sections, each of which may be referred back' })
  @IsArray({ message: 'sections must be a list of { key, title }' })
  @ArrayMinSize(1, { message: 'name at least one section' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReportSectionDto)
  sections: ReportSectionDto[];
}

/**
 * `PUT /conferences/:id/reports/:reportId`: the report corrected, title and sections as they should read
 * (SOC, administrators), while it is to come.
 */
export class ReportUpdateDto extends ReportCreateDto {
  @ApiPropertyOptional({
    description: "The report's `version` the correction was made from; when another correction has been saved since, the api answers 409",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ReportResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [ReportSectionDto] }) sections: ReportSectionDto[];
  @ApiProperty({ enum: ['to_come', 'being_taken', 'received'] }) status: 'to_come' | 'being_taken' | 'received';
  /** "Received, except section 3 (Finance), referred back." */
  @ApiProperty() statusText: string;
  @ApiProperty({ type: [ReportSectionDto], description: 'The sections referred back' }) referredBack: ReportSectionDto[];
  @ApiProperty({
    type: Object,
    nullable: true,
    description: 'The reference back moved and not yet decided: { sectionKey, sectionTitle, moverName, put }',
  })
  pending: { sectionKey: string; sectionTitle: string; moverName: string | null; put: boolean } | null;
  @ApiProperty({ description: 'Send it back as `expectedVersion` with a correction', example: 1 }) version: number;
}
