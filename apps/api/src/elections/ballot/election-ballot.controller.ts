import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@agm/domain';
import {
  ElectionBallotAckDto,
  ElectionBallotCastDto,
  ElectionBallotCloseDto,
  ElectionBallotDto,
  ElectionBallotVoidDto,
  ElectionReceiptDto,
  ErrorResponseDto,
  LatestElectionResultDto,
  PaperBallotDto,
  PaperBallotEntryDto,
} from '@agm/contracts';
import { CurrentPrincipal, ProjectorRead } from '../../auth/auth.guard';
import { CastElectionBallot } from './cast-election-ballot.use-case';
import { CloseElectionBallot } from './close-election-ballot.use-case';
import { renderCountSheetPdf } from './count-sheet.pdf';
import { ElectionBallotQueries } from './election-ballot.queries';
import { OpenElectionBallot } from './open-election-ballot.use-case';
import { ConfirmPaperBallot, DiscardPaperBallot, EnterPaperBallot } from './paper-ballots.use-case';
import { VoidElectionBallot } from './void-election-ballot.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/** A file name from a post's title: letters, digits and hyphens only. */
const fileName = (title: string, ext: string) => `${title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'ballot'}.${ext}`;

/** The ballot of a post (docs/elections.md "The ballot"). */
@ApiTags('elections')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('conferences/:conferenceId/posts/:postId/ballot')
export class ElectionBallotController {
  constructor(
    private readonly queries: ElectionBallotQueries,
    private readonly openBallot: OpenElectionBallot,
    private readonly cast: CastElectionBallot,
    private readonly enterPaper: EnterPaperBallot,
    private readonly confirmPaper: ConfirmPaperBallot,
    private readonly discardPaper: DiscardPaperBallot,
    private readonly closeBallot: CloseElectionBallot,
    private readonly voidBallot: VoidElectionBallot,
  ) {}

  @Post('open')
  @HttpCode(200)
  @ApiOkResponse({ type: ElectionBallotDto })
  async open(@Param('conferenceId', uuid) conferenceId: string, @Param('postId', uuid) postId: string, @CurrentPrincipal() principal: Principal): Promise<ElectionBallotDto> {
    await this.openBallot.execute(principal, conferenceId, postId);
    return this.queries.ballot(principal, conferenceId, postId);
  }

  @Get()
  @ProjectorRead()
  @ApiOkResponse({ type: ElectionBallotDto })
  ballot(@Param('conferenceId', uuid) conferenceId: string, @Param('postId', uuid) postId: string, @CurrentPrincipal() principal: Principal): Promise<ElectionBallotDto> {
    return this.queries.ballot(principal, conferenceId, postId);
  }

  @Post('ballots')
  @HttpCode(200)
  @ApiOkResponse({ type: ElectionBallotAckDto })
  castBallot(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @Body() body: ElectionBallotCastDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ElectionBallotAckDto> {
    return this.cast.execute(principal, conferenceId, postId, body);
  }

  @Get('papers')
  @ApiOkResponse({ type: [PaperBallotDto] })
  papers(@Param('conferenceId', uuid) conferenceId: string, @Param('postId', uuid) postId: string, @CurrentPrincipal() principal: Principal): Promise<PaperBallotDto[]> {
    return this.queries.papers(principal, conferenceId, postId);
  }

  @Post('papers')
  @ApiOkResponse({ type: PaperBallotDto })
  enter(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @Body() body: PaperBallotEntryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PaperBallotDto> {
    return this.enterPaper.execute(principal, conferenceId, postId, body);
  }

  @Post('papers/:paperId/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: PaperBallotDto })
  confirm(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @Param('paperId', uuid) paperId: string,
    @Body() body: PaperBallotEntryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PaperBallotDto> {
    return this.confirmPaper.execute(principal, conferenceId, postId, paperId, body);
  }

  @Delete('papers/:paperId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async discard(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @Param('paperId', uuid) paperId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.discardPaper.execute(principal, conferenceId, postId, paperId);
  }

  /** The close and the count: the result is published at once. */
  @Post('close')
  @HttpCode(200)
  @ApiOkResponse({ type: ElectionBallotDto })
  async close(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @Body() body: ElectionBallotCloseDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ElectionBallotDto> {
    await this.closeBallot.execute(principal, conferenceId, postId, body.lotSeed);
    return this.queries.ballot(principal, conferenceId, postId);
  }

  /** The returning officer sets the ballot aside, with the reason; a new ballot may then be opened. */
  @Post('void')
  @HttpCode(200)
  @ApiOkResponse({ type: ElectionBallotDto })
  async void(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('postId', uuid) postId: string,
    @Body() body: ElectionBallotVoidDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ElectionBallotDto> {
    await this.voidBallot.execute(principal, conferenceId, postId, body.reason);
    return this.queries.ballot(principal, conferenceId, postId);
  }

  @Get('result.csv')
  @ProjectorRead()
  @ApiProduces('text/csv')
  async csv(@Param('conferenceId', uuid) conferenceId: string, @Param('postId', uuid) postId: string, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const { title, csv } = await this.queries.resultCsv(principal, conferenceId, postId);
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${fileName(title, 'csv')}"`);
    res.send(csv);
  }

  /** The stage table as the returning officer signs and posts it. */
  @Get('result.pdf')
  @ProjectorRead()
  @ApiProduces('application/pdf')
  async pdf(@Param('conferenceId', uuid) conferenceId: string, @Param('postId', uuid) postId: string, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const sheet = await this.queries.countSheet(principal, conferenceId, postId);
    res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${fileName(sheet.postTitle, 'pdf')}"`);
    res.send(await renderCountSheetPdf(sheet));
  }

  @Get('ballots.blt')
  @ApiProduces('text/plain')
  async blt(@Param('conferenceId', uuid) conferenceId: string, @Param('postId', uuid) postId: string, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const { title, blt } = await this.queries.blt(principal, conferenceId, postId);
    res.type('text/plain; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${fileName(title, 'blt')}"`);
    res.send(blt);
  }

  @Get('receipts')
  @ApiOkResponse({ type: [ElectionReceiptDto] })
  receipts(@Param('conferenceId', uuid) conferenceId: string, @Param('postId', uuid) postId: string, @CurrentPrincipal() principal: Principal): Promise<ElectionReceiptDto[]> {
    return this.queries.receipts(principal, conferenceId, postId);
  }
}

/** The count published last in the conference (docs/elections.md "The result on the projector and the phones"). */
@ApiTags('elections')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('conferences/:conferenceId/election-results')
export class ElectionResultsController {
  constructor(private readonly queries: ElectionBallotQueries) {}

  @Get('latest')
  @ProjectorRead()
  @ApiOkResponse({ type: LatestElectionResultDto })
  async latest(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<LatestElectionResultDto> {
    return { ballot: await this.queries.latestResult(principal, conferenceId) };
  }
}
