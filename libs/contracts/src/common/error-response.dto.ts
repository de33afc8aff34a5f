import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one shape of every failure, over HTTP and on the socket. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'The request is invalid: 1 field needs fixing.' })
  message: string;

  @ApiPropertyOptional({ example: { endsOn: 'the conference cannot end before it starts' }, type: 'object', additionalProperties: { type: 'string' } })
  errors?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Standing order or rule that was broken, where one applies', example: 'SO 14' })
  rule?: string;

  @ApiPropertyOptional({ description: 'Quote this when reporting a server error', example: 'b3c1...' })
  requestId?: string;
}
