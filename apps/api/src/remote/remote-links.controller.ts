import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Principal } from '@agm/domain';
import {
  ErrorResponseDto,
  RemoteLinksDto,
  RemoteLinksResponseDto,
  SpeakerRoomResponseDto,
} from '@agm/contracts';
import { CurrentPrincipal } from '../auth/auth.guard';
import { RemoteLinksQueries } from './remote-links.queries';
import { SayRoomJoined } from './use-cases/say-room-joined.use-case';
import { SetRemoteLinks } from './use-cases/set-remote-links.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('remote')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('conferences/:conferenceId')
export class RemoteLinksController {
  constructor(
    private readonly setLinks: SetRemoteLinks,
    private readonly sayJoined: SayRoomJoined,
    private readonly queries: RemoteLinksQueries,
  ) {}

  @Get('remote-links')
  @ApiOkResponse({ type: RemoteLinksResponseDto })
  get(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RemoteLinksResponseDto> {
    return this.queries.forPrincipal(principal, conferenceId);
  }

  @Put('remote-links')
  @ApiOkResponse({ type: RemoteLinksResponseDto })
  put(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: RemoteLinksDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RemoteLinksResponseDto> {
    return this.setLinks.execute(principal, conferenceId, body);
  }

  @Get('speaker-room')
  @ApiOkResponse({ type: SpeakerRoomResponseDto })
  speakerRoom(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SpeakerRoomResponseDto> {
    return this.queries.speakerRoom(principal, conferenceId);
  }

  @Post('speaker-room/joined')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ joinedAt }: the chair sees it on the console' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'rule speaker-room: not called now, in the hall, or no room set',
  })
  joined(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ joinedAt: string }> {
    return this.sayJoined.execute(principal, conferenceId);
  }
}
