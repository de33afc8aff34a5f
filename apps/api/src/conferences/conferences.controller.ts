import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConferenceCreateDto, ConferenceResponseDto, ConferenceUpdateDto, ErrorResponseDto } from '@agm/contracts';
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
  @ApiOkResponse({ type: ConferenceResponseDto })
  async create(@Body() body: ConferenceCreateDto): Promise<ConferenceResponseDto> {
    return toConferenceResponse(await this.createConference.execute(body));
  }

  @Get()
  @ApiOkResponse({ type: [ConferenceResponseDto] })
  async list(): Promise<ConferenceResponseDto[]> {
    return (await this.queries.list()).map(toConferenceResponse);
  }

  @Get(':id')
  @ApiOkResponse({ type: ConferenceResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('id', uuid) id: string): Promise<ConferenceResponseDto> {
    return toConferenceResponse(await this.queries.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ConferenceResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async update(@Param('id', uuid) id: string, @Body() body: ConferenceUpdateDto): Promise<ConferenceResponseDto> {
    return toConferenceResponse(await this.updateConference.execute(id, body));
  }
}
