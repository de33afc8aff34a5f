import { Injectable } from '@nestjs/common';
import {
  assertRoomForPaperBallot,
  assertSecondTellerAgrees,
  Forbidden,
  NotFound,
  paperInWords,
  Principal,
  readPaperEntry,
  StandingOrderViolation,
} from '@agm/domain';
import type { PaperBallotDto, PaperBallotEntryDto } from '@agm/contracts';
import type { EntityManager } from 'typeorm';
import { ElectionBallotRepository, ElectionBallotRow, ElectionPostRepository, PaperBallotRow, PostRow } from '@agm/persistence/elections';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions, UnitOfWork } from '../../events/transactions';

/**
 * Tells the tellers' screens that the hall papers of a ballot changed (docs/REALTIME.md,
 * `election.papers`): how many are entered and confirmed, never what any says, to the tellers'
 * audience only. Each screen then reads the papers again, as it may see them.
 */
async function recordPapersChanged(uow: UnitOfWork, ballots: ElectionBallotRepository, conferenceId: string, postId: string, ballotId: string, actorId: string): Promise<void> {
  const papers = await ballots.paperBallots(uow.manager, ballotId);
  uow.record({
    conferenceId,
    type: 'election.papers',
    payload: { postId, entered: papers.length, confirmed: papers.filter((p) => p.confirmedBy !== null).length },
    audience: 'tellers',
    actorId,
  });
}

/**
 * A teller acts for the hall's paper ballots only from an official account: `vote.count` is never an
 * attendee's, so a paper ballot is never entered on a member's own device.
 */
async function openBallotForTellers(
  manager: EntityManager,
  posts: ElectionPostRepository,
  ballots: ElectionBallotRepository,
  principal: Principal,
  conferenceId: string,
  postId: string,
): Promise<{ post: PostRow; ballot: ElectionBallotRow }> {
  assertCan(principal, 'vote.count', { conferenceId });
  const post = await posts.findPost(manager, conferenceId, postId);
  // Locked for update: entries of one ballot queue behind one another (the paper numbers), and the close waits for them.
  const ballot = post ? await ballots.findByPost(manager, post.id, 'update') : null;
  if (!post) throw new NotFound('There is no ballot for this post yet.');
  if (!ballot) throw await noBallotNow(manager, ballots, post);
  if (ballot.state !== 'open') {
    throw new StandingOrderViolation('ballot-closed', `The ballot for ${post.title} is closed and counted; paper ballots can no longer be entered or changed.`);
  }
  return { post, ballot };
}

/** Why there is no ballot to act on: none opened yet, or the last one voided (with its reason). */
export async function noBallotNow(manager: EntityManager, ballots: ElectionBallotRepository, post: PostRow): Promise<Error> {
  const voided = await ballots.lastVoided(manager, post.id);
  return voided
    ? new StandingOrderViolation(
        'ballot-voided',
        `The ballot for ${post.title} was voided (${voided.voidReason}); nothing more is entered in it. Wait for the returning officer to open a new ballot.`,
      )
    : new NotFound('There is no ballot for this post yet.');
}

export function paperBallotDto(post: PostRow, ballot: ElectionBallotRow, paper: PaperBallotRow, viewer: string): PaperBallotDto {
  const enteredByYou = paper.enteredBy === viewer;
  const confirmed = paper.confirmedBy !== null;
  // The second teller keys the paper without seeing the first entry (nor whether it was found spoilt), so a misreading shows as a difference.
  const shown = enteredByYou || confirmed;
  return {
    id: paper.id,
    number: paper.number,
    ballotText: shown ? paperInWords(post.method, ballot.candidates, paper.reading) : null,
    spoilt: shown ? paper.reading.spoilt : null,
    enteredByYou,
    confirmed,
  };
}

/** A teller enters one hall ballot paper as it reads; the paper gets the next number, written on it. */
@Injectable()
export class EnterPaperBallot {
  constructor(
    private readonly transactions: Transactions,
    private readonly posts: ElectionPostRepository,
    private readonly ballots: ElectionBallotRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, postId: string, entry: PaperBallotEntryDto): Promise<PaperBallotDto> {
    return this.transactions.runFor(conferenceId, async (uow) => {
      const { manager, now } = uow;
      const { post, ballot } = await openBallotForTellers(manager, this.posts, this.ballots, principal, conferenceId, postId);
      const reading = readPaperEntry(post.method, post.seats, ballot.candidates, entry);
      // Spoilt papers are papers handed out too: they count against the hall's headcount.
      assertRoomForPaperBallot((await this.ballots.paperBallots(manager, ballot.id)).length, ballot.hallHeadcount);
      const teller = actorOf(principal);
      const entered = await this.ballots.insertPaper(manager, ballot.id, reading, teller, now);
      await recordPapersChanged(uow, this.ballots, conferenceId, post.id, ballot.id, teller);
      return paperBallotDto(post, ballot, { ...entered, reading, enteredBy: teller, enteredAt: now, confirmedBy: null }, teller);
    });
  }
}

/** A second teller confirms a paper by keying it again from the paper: the two entries must agree. */
@Injectable()
export class ConfirmPaperBallot {
  constructor(
    private readonly transactions: Transactions,
    private readonly posts: ElectionPostRepository,
    private readonly ballots: ElectionBallotRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, postId: string, paperId: string, entry: PaperBallotEntryDto): Promise<PaperBallotDto> {
    return this.transactions.runFor(conferenceId, async (uow) => {
      const { manager, now } = uow;
      const { post, ballot } = await openBallotForTellers(manager, this.posts, this.ballots, principal, conferenceId, postId);
      const paper = (await this.ballots.paperBallots(manager, ballot.id)).find((p) => p.id === paperId);
      if (!paper) throw new NotFound('There is no such paper ballot entered for this post (it may have been discarded).');
      const reading = readPaperEntry(post.method, post.seats, ballot.candidates, entry);
      const teller = actorOf(principal);
      assertSecondTellerAgrees(
        { number: paper.number, enteredBy: paper.enteredBy, reading: paper.reading, confirmed: paper.confirmedBy !== null },
        teller,
        reading,
        (r) => paperInWords(post.method, ballot.candidates, r),
      );
      await this.ballots.confirmPaper(manager, paper.id, teller, now);
      await recordPapersChanged(uow, this.ballots, conferenceId, post.id, ballot.id, teller);
      return paperBallotDto(post, ballot, { ...paper, confirmedBy: teller }, teller);
    });
  }
}

/** The teller who entered a paper discards the entry (a misreading found on confirmation) before it is confirmed. */
@Injectable()
export class DiscardPaperBallot {
  constructor(
    private readonly transactions: Transactions,
    private readonly posts: ElectionPostRepository,
    private readonly ballots: ElectionBallotRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, postId: string, paperId: string): Promise<void> {
    await this.transactions.runFor(conferenceId, async (uow) => {
      const { manager } = uow;
      const { post, ballot } = await openBallotForTellers(manager, this.posts, this.ballots, principal, conferenceId, postId);
      const paper = (await this.ballots.paperBallots(manager, ballot.id)).find((p) => p.id === paperId);
      if (!paper) throw new NotFound('There is no such paper ballot entered for this post (it may have been discarded).');
      if (paper.confirmedBy !== null) throw new StandingOrderViolation('second-teller', `Paper ballot ${paper.number} is confirmed by two tellers; it stands.`);
      if (paper.enteredBy !== actorOf(principal)) throw new Forbidden(`Only the teller who entered paper ballot ${paper.number} can discard the entry.`);
      await this.ballots.deletePaper(manager, paper.id);
      await recordPapersChanged(uow, this.ballots, conferenceId, post.id, ballot.id, actorOf(principal));
    });
  }
}
