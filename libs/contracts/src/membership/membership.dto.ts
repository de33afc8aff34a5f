import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** The largest register file accepted, as the CSV body parser's limit (about 100,000 members). */
export const REGISTER_CSV_BODY_LIMIT = '10mb';

export class RegisterImportResultDto {
  @ApiProperty({ description: 'Rows that were new', example: 4980 }) imported: number;
  @ApiProperty({
    description: 'Rows already on the system (same key) and overwritten from the file',
    example: 20,
  })
  updated: number;
}

export class OfficerImportResultDto extends RegisterImportResultDto {
  @ApiProperty({
    description: 'Appointments of the bodies in the file that the file no longer lists, and so ended',
  })
  removed: number;
}

export class MemberListQueryDto {
  @ApiPropertyOptional({ description: 'Part of a membership number, name or email, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

export class MemberResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'N012345' }) membershipNumber: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ example: 'full' }) category: string;
  @ApiProperty({ nullable: true, type: String, example: 'LDN' }) branchCode: string | null;
  @ApiProperty() createdAt: string;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberResponseDto] }) items: MemberResponseDto[];
  @ApiProperty({ description: 'Members matching the search, on every page' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class BodyResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'LDN' }) code: string;
  @ApiProperty({ enum: ['branch', 'network', 'committee', 'forum', 'joint_members'] }) kind: string;
  @ApiProperty({ example: 'London Branch' }) name: string;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ description: 'Weighs a card vote' }) membershipCount: number;
}

/** A member a body's officer may name as proposer or seconder: name and membership number only. */
export class BodyMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'N012345' }) membershipNumber: string;
  @ApiProperty() name: string;
}

/**
 * Finding the other member of a joint submission: their membership number and surname, both as the
 * member gives them, so the register answers only someone who already knows the person.
 */
export class JointPartnerQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The conference the joint motion is for (its ruleset says who may submit jointly)' })
  @IsUUID('4', { message: 'conferenceId must be the conference\'s id' })
  conferenceId: string;

  @ApiProperty({ example: 'N012345' })
  @IsString()
  @IsNotEmpty({ message: 'give the other member\'s membership number' })
  @MaxLength(40)
  membershipNumber: string;

  @ApiProperty({ example: 'Okafor', description: 'The surname as in the register (any case)' })
  @IsString()
  @IsNotEmpty({ message: 'give the other member\'s surname' })
  @MaxLength(100)
  surname: string;
}
