import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@agm/domain';
import {
  ErrorResponseDto,
  NominationAcceptDto,
  NominationCreateDto,
  NominationDto,
  NominationWithdrawDto,
  PostCreateDto,
  PostDto,
} from '@agm/contracts';
import { CurrentPrincipal } from '../auth/auth.guard';
import { ElectionQueries } from './election.queries';
import { AcceptNomination } from './use-cases/accept-nomination.use-case';
import { CloseNominations } from './use-cases/close-nominations.use-case';
import { CreatePost } from './use-cases/create-post.use-case';
import { NominateCandidate } from './use-cases/nominate-candidate.use-case';
import { WithdrawNomination } from './use-cases/withdraw-nomination.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/** Posts and nominations (docs/elections.md, "Posts and nominations"). */
@ApiTags('elections')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('conferences/:conferenceId/posts')
export class ElectionsController {
  constructor(
    private readonly queries: ElectionQueries,
    private readonly createPost: CreatePost,
    private readonly nominate: NominateCandidate,
    private readonly accept: AcceptNomination,
    private readonly withdraw: WithdrawNomination,
    private readonly close: CloseNominations,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: PostDto })
  async create(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: PostCreateDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PostDto> {
    const post = await this.createPost.execute(principal, conferenceId, body);
    return this.queries.post(principal, conferenceId, post.id);
  }

  @Get()
  @ApiOkResponse({ type: [PostDto] })
  list(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PostDto[]> {
    return this.queries.list(principal, conferenceId);
  }

  @Get(':postId')
  @ApiOkResponse({ type: PostDto })
  one(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PostDto> {
    return this.queries.post(principal, conferenceId, postId);
  }

  @Post(':postId/nominations')
  @ApiCreatedResponse({ description: '{ id } of the nomination' })
  nominateCandidate(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @Body() body: NominationCreateDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ id: string }> {
    return this.nominate.execute(principal, conferenceId, postId, body);
  }

  @Get(':postId/nominations')
  @ApiOkResponse({ type: [NominationDto] })
  nominations(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NominationDto[]> {
    return this.queries.nominations(principal, conferenceId, postId);
  }

  @Post(':postId/nominations/:nominationId/accept')
  @HttpCode(204)
  @ApiNoContentResponse()
  async acceptNomination(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @Param('nominationId', uuid) nominationId: string,
    @Body() body: NominationAcceptDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.accept.execute(principal, conferenceId, postId, nominationId, body);
  }

  @Post(':postId/nominations/:nominationId/withdraw')
  @HttpCode(204)
  @ApiNoContentResponse()
  async withdrawNomination(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @Param('nominationId', uuid) nominationId: string,
    @Body() body: NominationWithdrawDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.withdraw.execute(principal, conferenceId, postId, nominationId, body);
  }

  /** The close of nominations: the ballot list, or the declaration of those elected unopposed. */
  @Post(':postId/close-nominations')
  @ApiOkResponse({ type: PostDto })
  @HttpCode(200)
  async closeNominations(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PostDto> {
    await this.close.execute(principal, conferenceId, postId);
    return this.queries.post(principal, conferenceId, postId);
  }
}
