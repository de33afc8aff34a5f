import { Injectable } from '@nestjs/common';
import { closeVote, NotFound, Principal, TallyResult, voidVote } from '@agm/domain';
import { VoteRepository, VoteRow } from '@agm/persistence/voting';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { BallotSeal } from '../ballot-seal';
import { SealedBallots } from '../sealed-ballots';
import { VoteDeclaration } from '../vote-declaration';

export interface ClosedVote {
  vote: VoteRow;
  result: TallyResult | null;
}

/**
 * The chair closes the vote. It takes the vote's ballot lock exclusive first, which waits for every
 * ballot transaction in flight (they hold it shared) and holds new ones until the close commits:
 * every ballot acknowledged before the close is in the count, and any ballot after it sees the vote
 * closed. 'vote.closed' and, when the hall count is in (or not needed), 'vote.result' are recorded in
 * the same commit, so everyone gets both at once. A secret vote's sealed ballots are counted in that
 * commit and written as counted ballots just after it (SealedBallots); the close answers after both.
 */
@Injectable()
export class CloseVote {
  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VoteRepository,
    private readonly declaration: VoteDeclaration,
    private readonly sealedBallots: SealedBallots,
  ) {}

  async execute(principal: Principal, conferenceId: string, voteId: string): Promise<ClosedVote> {
    assertCan(principal, 'debate.chair', { conferenceId });
    return (await this.close(conferenceId, voteId, actorOf(principal), 'refuse-if-not-open'))!;
  }

  /**
   * The announced close time has come (VoteAutoClose): the system closes the vote as the chair would.
   * A vote already closed, voided or declared meanwhile (by the chair, or by another instance at the
   * same moment) is left as it is: null. The log records no actor for it.
   */
  closeAtAnnouncedTime(conferenceId: string, voteId: string): Promise<ClosedVote | null> {
    return this.close(conferenceId, voteId, null, 'skip-if-not-open');
  }

  private async close(
    conferenceId: string,
    voteId: string,
    actorId: string | null,
    notOpen: 'refuse-if-not-open' | 'skip-if-not-open',
  ): Promise<ClosedVote | null> {
    const closed = await this.transactions.runFor(conferenceId, async (uow): Promise<ClosedVote | null> => {
      await this.votes.lockAgainstBallots(uow.manager, voteId);
      const vote = await this.votes.find(uow.manager, conferenceId, voteId, 'update');
      if (!vote) throw new NotFound('No such vote in this conference.');
      if (vote.state !== 'open' && notOpen === 'skip-if-not-open') return null;
      closeVote({ state: vote.state, subject: vote.subject }, uow.now);
      await this.votes.markClosed(uow.manager, voteId, uow.now);
      const ballotsCast = await this.votes.countParticipation(uow.manager, voteId);
      uow.record({
        conferenceId,
        type: 'vote.closed',
        payload: {
          voteId,
          title: vote.title,
          closedAt: uow.now.toISOString(),
          ballotsCast,
          ...(actorId ? {} : { closedBy: 'announced close time' }),
        },
        audience: 'public',
        actorId,
      });
      const closed: VoteRow = { ...vote, state: 'closed', closedAt: uow.now };
      // A secret vote's sealed ballots are counted where they lie (SealedBallots, step 1).
      const result = await this.declaration.declareIfComplete(uow, closed, actorId);
      return {
        vote: result ? { ...closed, state: 'declared', result, declaredAt: uow.now } : closed,
        result,
      };
    });
    // The result has gone out with the commit; now the sealed ballots become counted ballots (step 2).
    if (closed?.vote.secret) await this.sealedBallots.writeCountedAfterClose(conferenceId, voteId);
    return closed;
  }
}

/** Voids an open or closed vote, e.g. on a point of order about its conduct; the reason is logged. It is re-run as a new vote. */
@Injectable()
export class VoidVote {
  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VoteRepository,
    private readonly seal: BallotSeal,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    voteId: string,
    reason: string,
  ): Promise<VoteRow> {
    assertCan(principal, 'debate.chair', { conferenceId });
    const voided = await this.transactions.runFor(conferenceId, async ({ manager, record, now }): Promise<VoteRow> => {
      await this.votes.lockAgainstBallots(manager, voteId);
      const vote = await this.votes.find(manager, conferenceId, voteId, 'update');
      if (!vote) throw new NotFound('No such vote in this conference.');
      const voided = voidVote({ state: vote.state, subject: vote.subject }, reason, now);
      await this.votes.markVoided(manager, voteId, voided.voidReason!, now);
      // A voided vote is never counted: its sealed ballots (linked to their voters, if only as ciphertext) go.
      await this.votes.takeSealedBallots(manager, voteId);
      record({
        conferenceId,
        type: 'vote.voided',
        payload: { voteId, title: vote.title, reason: voided.voidReason, voidedAt: now.toISOString() },
        audience: 'public',
        actorId: actorOf(principal),
      });
      return { ...vote, state: 'voided', voidedAt: now, voidReason: voided.voidReason! };
    });
    this.seal.forget(voteId);
    return voided;
  }
}
