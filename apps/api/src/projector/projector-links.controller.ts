import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@agm/domain';
import { ErrorResponseDto, ProjectorLinkCreateDto, ProjectorLinkIssuedDto, ProjectorLinkResponseDto } from '@agm/contracts';
import { CurrentPrincipal } from '../auth/auth.guard';
import { ProjectorLinkQueries } from './projector-link.queries';
import { IssueProjectorLink } from './use-cases/issue-projector-link.use-case';
import { RevokeProjectorLink } from './use-cases/revoke-projector-link.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('projector')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('conferences/:conferenceId/projector-links')
export class ProjectorLinksController {
  constructor(
    private readonly issue: IssueProjectorLink,
    private readonly revoke: RevokeProjectorLink,
    private readonly queries: ProjectorLinkQueries,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: ProjectorLinkIssuedDto, description: 'The key is shown this once' })
  create(@Param('conferenceId', uuid) conferenceId: string, @Body() body: ProjectorLinkCreateDto, @CurrentPrincipal() principal: Principal): Promise<ProjectorLinkIssuedDto> {
    // null, like leaving the label out, gives the default label.
    return this.issue.execute(principal, conferenceId, body.label ?? undefined);
  }

  @Get()
  @ApiOkResponse({ type: [ProjectorLinkResponseDto] })
  list(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<ProjectorLinkResponseDto[]> {
    return this.queries.list(principal, conferenceId);
  }

  @Delete(':linkId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the key stops working and its sockets are disconnected' })
  async remove(@Param('conferenceId', uuid) conferenceId: string, @Param('linkId', uuid) linkId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.revoke.execute(principal, conferenceId, linkId);
  }
}
