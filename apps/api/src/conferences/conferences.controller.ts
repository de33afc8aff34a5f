import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConferenceCreateDto, ConferenceResponseDto, ConferenceUpdateDto, ErrorResponseDto } from '@agm/contracts';
import type { Principal } from '@agm/domain';
import { CurrentPrincipal, Public } from '../auth/auth.guard';
import { ConferenceQueries, toConferenceResponse } from './conference.queries';
import { CreateConference } from './use-cases/create-conference.use-case';
import { UpdateConference } from './use-cases/update-conference.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('conferences')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('conferences')
export class ConferencesController {
  constructor(
    private readonly createConference: CreateConference,
    private readonly updateConference: UpdateConference,
    private readonly queries: ConferenceQueries,
  ) {}

  @Post()
  @ApiBearerAuth()
  @ApiOkResponse({ type: ConferenceResponseDto })
  async create(@Body() body: ConferenceCreateDto, @CurrentPrincipal() principal: Principal): Promise<ConferenceResponseDto> {
    return toConferenceResponse(await this.createConference.execute(body, principal));
  }

  /** A conference's name, venue and dates are public: attendees pick theirs on the sign-in screen. */
  @Public()
  @Get()
  @ApiOkResponse({ type: [ConferenceResponseDto] })
  async list(): Promise<ConferenceResponseDto[]> {
    return (await this.queries.list()).map(toConferenceResponse);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: ConferenceResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('id', uuid) id: string): Promise<ConferenceResponseDto> {
    return toConferenceResponse(await this.queries.get(id));
  }

  @Patch(':id')
  @ApiBearerAuth()
  @ApiOkResponse({ type: ConferenceResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'expectedVersion is stale: reload the conference' })
  async update(@Param('id', uuid) id: string, @Body() body: ConferenceUpdateDto, @CurrentPrincipal() principal: Principal): Promise<ConferenceResponseDto> {
    return toConferenceResponse(await this.updateConference.execute(id, body, principal));
  }
}
