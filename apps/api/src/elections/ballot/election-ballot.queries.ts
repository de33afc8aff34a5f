import { Injectable } from '@nestjs/common';
import {
  ballotInstructions,
  ballotInWords,
  can,
  countCsv,
  formatBlt,
  formatInConferenceTime,
  isRanked,
  METHOD_NAMES,
  NotFound,
  Principal,
  publishCount,
  PublishedCount,
  rejectedPapersOf,
  StandingOrderViolation,
} from '@agm/domain';
import type { ElectionBallotDto, ElectionReceiptDto, PaperBallotDto, YourElectionBallotDto } from '@agm/contracts';
import { ConferenceRepository } from '@agm/persistence';
import { ElectionBallotRepository, ElectionBallotRow, ElectionPostRepository, PaperBallotRow, PostRow } from '@agm/persistence/elections';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import type { CountSheet } from './count-sheet.pdf';
import { paperBallotDto } from './paper-ballots.use-case';

/** A post's ballot as each person may read it, and what is published at the close: stages, CSV, BLT, receipts. */
@Injectable()
export class ElectionBallotQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
    private readonly posts: ElectionPostRepository,
    private readonly ballots: ElectionBallotRepository,
  ) {}

  /** Everyone in the conference and the hall's projector: the ballot paper, how many have voted (never how), and the result once counted. */
  async ballot(principal: Principal, conferenceId: string, postId: string): Promise<ElectionBallotDto> {
    const { post, ballot } = await this.load(principal, conferenceId, postId);
    const manager = this.transactions.manager;
    const papers = await this.ballots.paperBallots(manager, ballot.id);
    const dto: ElectionBallotDto = {
      ballotId: ballot.id,
      postId: post.id,
      title: post.title,
      seats: post.seats,
      method: post.method,
      methodText: METHOD_NAMES[post.method],
      ranked: isRanked(post.method),
      instructions: ballotInstructions(post.method, post.seats),
      state: ballot.state,
      stateText: ballot.state === 'open' ? 'Ballot open' : ballot.state === 'closed' ? 'Ballot closed and counted' : `Ballot voided: ${ballot.voidReason}`,
      voidReason: ballot.voidReason,
      candidates: ballot.candidates.map((c) => ({ nominationId: c.nominationId, name: c.name })),
      eligibleCount: ballot.eligibleCount,
      hallHeadcount: ballot.hallHeadcount,
      electronicCount: ballot.electronicCount,
      remoteBallotsCast: await this.ballots.countVoted(manager, ballot.id),
      paperBallotsConfirmed: papers.filter((p) => p.confirmedBy !== null).length,
      closedAt: ballot.state === 'closed' && ballot.closedAt ? ballot.closedAt.toISOString() : null,
      result: ballot.count && ballot.state === 'closed' ? this.published(post, ballot, papers) : null,
    };
    if (principal.kind === 'attendee') dto.you = await this.you(ballot, post, principal.memberId);
    return dto;
  }

  /**
   * The count published last in the conference (the newest ballot closed and not voided), as `ballot`
   * gives it, or null when none is: what a projector or phone opened after the result shows.
   */
  async latestResult(principal: Principal, conferenceId: string): Promise<ElectionBallotDto | null> {
    assertCan(principal, 'conference.watch', { conferenceId });
    const postId = await this.ballots.lastCountedPost(this.transactions.manager, conferenceId);
    return postId ? this.ballot(principal, conferenceId, postId) : null;
  }

  /** The stage table as CSV: what a scrutineer opens in a spreadsheet. */
  async resultCsv(principal: Principal, conferenceId: string, postId: string): Promise<{ title: string; csv: string }> {
    const { post, ballot } = await this.load(principal, conferenceId, postId);
    return { title: post.title, csv: countCsv(this.counted(post, ballot)) };
  }

  /** What the printed count sheet (PDF) shows: the published count, whose it is, and when the ballot closed in the conference's zone. */
  async countSheet(principal: Principal, conferenceId: string, postId: string): Promise<CountSheet> {
    const { post, ballot } = await this.load(principal, conferenceId, postId);
    this.counted(post, ballot);
    const manager = this.transactions.manager;
    const conference = await this.conferences.findById(manager, conferenceId);
    if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
    const counted = await this.ballots.counted(manager, ballot.id);
    return {
      conferenceName: conference.name,
      postTitle: post.title,
      closedAtText: formatInConferenceTime(ballot.closedAt!, conference.timeZone),
      remoteBallots: counted.filter((b) => b.channel === 'electronic').length,
      paperBallots: counted.filter((b) => b.channel === 'paper').length,
      count: this.published(post, ballot, await this.ballots.paperBallots(manager, ballot.id)),
    };
  }

  /**
   * The anonymised ballots as a BLT file, for a recount with independent software. Identical ballots are
   * grouped and lines sorted (formatBlt), so nothing in the file follows the order they were cast.
   */
  async blt(principal: Principal, conferenceId: string, postId: string): Promise<{ title: string; blt: string }> {
    const { post, ballot } = await this.load(principal, conferenceId, postId);
    this.counted(post, ballot);
    const counted = await this.ballots.counted(this.transactions.manager, ballot.id);
    return {
      title: post.title,
      blt: formatBlt({
        title: post.title,
        seats: post.seats,
        candidates: ballot.candidates.map((c) => ({ name: c.name })),
        withdrawn: [],
        ballots: counted.map((b) => ({ preferences: b.preferences })),
      }),
    };
  }

  /** The published list of electronic ballots, by receipt hash: each member finds their own. */
  async receipts(principal: Principal, conferenceId: string, postId: string): Promise<ElectionReceiptDto[]> {
    const { post, ballot } = await this.load(principal, conferenceId, postId);
    this.counted(post, ballot);
    const counted = await this.ballots.counted(this.transactions.manager, ballot.id);
    return counted
      .filter((b) => b.receiptHash !== null)
      .map((b) => ({ receiptHash: b.receiptHash!, preferences: b.preferences.map((n) => n + 1), ballotText: ballotInWords(post.method, ballot.candidates, b.preferences) }));
  }

  /** The hall's papers for the tellers and the returning officer: a paper's content only to who entered it, until confirmed. */
  async papers(principal: Principal, conferenceId: string, postId: string): Promise<PaperBallotDto[]> {
    if (!can(principal, 'elections.manage', { conferenceId })) assertCan(principal, 'vote.count', { conferenceId });
    const { post, ballot } = await this.load(principal, conferenceId, postId);
    const viewer = actorOf(principal);
    return (await this.ballots.paperBallots(this.transactions.manager, ballot.id)).map((p) => paperBallotDto(post, ballot, p, viewer));
  }

  /** The count as published, with the hall's rejected papers (kept in the tellers' record) and the turnout. */
  private published(post: PostRow, ballot: ElectionBallotRow, papers: readonly PaperBallotRow[]): PublishedCount {
    const rejected = rejectedPapersOf(post.method, papers.map((p) => p.reading.spoilt));
    return publishCount(this.counted(post, ballot), METHOD_NAMES[post.method], { rejected, eligible: ballot.eligibleCount });
  }

  private counted(post: PostRow, ballot: ElectionBallotRow) {
    if (ballot.state === 'voided') {
      throw new StandingOrderViolation('ballot-voided', `The ballot for ${post.title} was voided (${ballot.voidReason}); it has no result. A new ballot is to be held.`);
    }
    if (!ballot.count) {
      throw new StandingOrderViolation('ballot-open', `The ballot for ${post.title} is still open; the ballots and the count are published when the returning officer closes it.`);
    }
    return ballot.count;
  }

  private async you(ballot: ElectionBallotRow, post: PostRow, memberId: string): Promise<YourElectionBallotDto> {
    const manager = this.transactions.manager;
    const voter = await this.ballots.voter(manager, ballot.id, memberId);
    const hasVoted = await this.ballots.hasVoted(manager, ballot.id, memberId);
    if (ballot.state === 'voided') {
      return { votesHere: false, hasVoted, text: `This ballot was voided (${ballot.voidReason}); no ballot in it is counted. Vote when the returning officer opens a new ballot.` };
    }
    if (!voter || !voter.eligible) {
      return { votesHere: false, hasVoted: false, text: 'You were not on the register of voters when this ballot opened, so you do not vote in it.' };
    }
    if (voter.channel === 'hall') {
      return { votesHere: false, hasVoted: false, text: `You were in the hall when the ballot opened: vote on the paper ballot for ${post.title} handed out in the hall.` };
    }
    if (hasVoted) return { votesHere: false, hasVoted: true, text: 'You have voted. Keep your receipt code to check your ballot in the published list after the count.' };
    return ballot.state === 'open'
      ? { votesHere: true, hasVoted: false, text: 'Vote on this device.' }
      : { votesHere: false, hasVoted: false, text: 'The ballot is closed; you did not vote in it.' };
  }

  private async load(principal: Principal, conferenceId: string, postId: string): Promise<{ post: PostRow; ballot: ElectionBallotRow }> {
    assertCan(principal, 'conference.watch', { conferenceId });
    const manager = this.transactions.manager;
    const post = await this.posts.findPost(manager, conferenceId, postId);
    // The ballot in progress or counted; else the last one voided, so phones and the projector say why there is none.
    const ballot = post ? ((await this.ballots.findByPost(manager, post.id)) ?? (await this.ballots.lastVoided(manager, post.id))) : null;
    if (!post || !ballot) throw new NotFound('There is no ballot for this post yet.');
    return { post, ballot };
  }
}
