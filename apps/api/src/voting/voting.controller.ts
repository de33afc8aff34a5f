import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@agm/domain';
import {
  BallotAckDto,
  BallotCastDto,
  CardHoldersQueryDto,
  CardHoldersResponseDto,
  ErrorResponseDto,
  HallCountAcceptDto,
  HallCountDto,
  PublishedReceiptDto,
  VoteCastingVoteDto,
  VoteOpenDto,
  VoteResponseDto,
  VoteVoidDto,
} from '@agm/contracts';
import { CurrentPrincipal, ProjectorRead } from '../auth/auth.guard';
import { CastBallot } from './use-cases/cast-ballot.use-case';
import { RecordCastingVote } from './use-cases/casting-vote.use-case';
import { CloseVote, VoidVote } from './use-cases/close-vote.use-case';
import { EnterTellerCount } from './use-cases/enter-teller-count.use-case';
import { AcceptUnconfirmedCount } from './use-cases/accept-unconfirmed-count.use-case';
import { OpenVote } from './use-cases/open-vote.use-case';
import { toVoteResponse, VoteQueries } from './vote.queries';
import { VoteRepository } from '@agm/persistence/voting';
import { Transactions } from '../events/transactions';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('voting')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('conferences/:conferenceId/votes')
export class VotingController {
  constructor(
    private readonly openVote: OpenVote,
    private readonly castBallot: CastBallot,
    private readonly tellerCount: EnterTellerCount,
    private readonly acceptUnconfirmedCount: AcceptUnconfirmedCount,
    private readonly closeVote: CloseVote,
    private readonly voidVote: VoidVote,
    private readonly recordCastingVote: RecordCastingVote,
    private readonly queries: VoteQueries,
    private readonly votes: VoteRepository,
    private readonly transactions: Transactions,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: VoteResponseDto })
  async open(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: VoteOpenDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VoteResponseDto> {
    return toVoteResponse(await this.openVote.execute(principal, conferenceId, body), 0);
  }

  @Get()
  @ProjectorRead()
  @ApiOkResponse({ type: [VoteResponseDto] })
  list(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VoteResponseDto[]> {
    return this.queries.list(principal, conferenceId);
  }

  /** Declared before `:voteId`, which would take the path for a vote id. */
  @Get('card-holders')
  @ApiOperation({
    summary: "Whom the chair may name as each body's card holder, prefilled from a card vote",
    description:
      'Chair only (debate.chair). The bodies with a member registered for the conference, each with those members (name, membership number, present) and the holder in the card vote asked for (`voteId`, e.g. a voided one to re-run) or the most recent card vote.',
  })
  @ApiOkResponse({ type: CardHoldersResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  cardHolders(
    @Param('conferenceId', uuid) conferenceId: string,
    @Query() query: CardHoldersQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CardHoldersResponseDto> {
    return this.queries.cardHolders(principal, conferenceId, query.voteId);
  }

  @Get(':voteId')
  @ProjectorRead()
  @ApiOkResponse({ type: VoteResponseDto })
  get(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('voteId', uuid) voteId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VoteResponseDto> {
    return this.queries.get(principal, conferenceId, voteId);
  }

  /** The acknowledgement is sent after the ballot is committed, with the voter's receipt code. */
  @Post(':voteId/ballots')
  @HttpCode(200)
  @ApiOkResponse({ type: BallotAckDto })
  cast(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('voteId', uuid) voteId: string,
    @Body() body: BallotCastDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BallotAckDto> {
    return this.castBallot.execute(principal, conferenceId, voteId, body);
  }

  @Post(':voteId/teller-count')
  @HttpCode(200)
  @ApiOkResponse({ type: VoteResponseDto })
  async enterCount(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('voteId', uuid) voteId: string,
    @Body() body: HallCountDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VoteResponseDto> {
    return this.withCount(await this.tellerCount.enter(principal, conferenceId, voteId, body));
  }

  @Post(':voteId/teller-count/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: VoteResponseDto })
  async confirmCount(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('voteId', uuid) voteId: string,
    @Body() body: HallCountDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VoteResponseDto> {
    return this.withCount(await this.tellerCount.confirm(principal, conferenceId, voteId, body));
  }

  /** The chair declares a hall count without a second teller's confirmation, with a reason (issue 19). */
  @Post(':voteId/teller-count/accept-unconfirmed')
  @HttpCode(200)
  @ApiOkResponse({ type: VoteResponseDto })
  async acceptUnconfirmed(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('voteId', uuid) voteId: string,
    @Body() body: HallCountAcceptDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VoteResponseDto> {
    return this.withCount(
      await this.acceptUnconfirmedCount.execute(principal, conferenceId, voteId, body.reason),
    );
  }

  @Post(':voteId/close')
  @HttpCode(200)
  @ApiOkResponse({ type: VoteResponseDto })
  async close(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('voteId', uuid) voteId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VoteResponseDto> {
    return this.withCount((await this.closeVote.execute(principal, conferenceId, voteId)).vote);
  }

  @Post(':voteId/void')
  @HttpCode(200)
  @ApiOkResponse({ type: VoteResponseDto })
  async void(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('voteId', uuid) voteId: string,
    @Body() body: VoteVoidDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VoteResponseDto> {
    return this.withCount(await this.voidVote.execute(principal, conferenceId, voteId, body.reason));
  }

  @Post(':voteId/casting-vote')
  @HttpCode(200)
  @ApiOkResponse({ type: VoteResponseDto })
  async castingVote(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('voteId', uuid) voteId: string,
    @Body() body: VoteCastingVoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VoteResponseDto> {
    return this.withCount(
      await this.recordCastingVote.execute(principal, conferenceId, voteId, body.castingVote),
    );
  }

  @Get(':voteId/receipts')
  @ApiOkResponse({ type: [PublishedReceiptDto] })
  receipts(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('voteId', uuid) voteId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PublishedReceiptDto[]> {
    return this.queries.receipts(principal, conferenceId, voteId);
  }

  @Get(':voteId/export')
  @ApiOkResponse({
    description:
      'The scrutineer export (agm-vote-export/v1): vote, eligible register, ballots and hall count, result',
  })
  export(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('voteId', uuid) voteId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.scrutineerExport(principal, conferenceId, voteId);
  }

  private async withCount(vote: Parameters<typeof toVoteResponse>[0]): Promise<VoteResponseDto> {
    return toVoteResponse(vote, await this.votes.countParticipation(this.transactions.manager, vote.id));
  }
}
