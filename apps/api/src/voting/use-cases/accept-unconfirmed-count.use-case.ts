import { Injectable } from '@nestjs/common';
import { acceptUnconfirmedHallCount, Conflict, NotFound, Principal } from '@agm/domain';
import { VoteRepository, VoteRow } from '@agm/persistence/voting';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { hasHallCount, VoteDeclaration } from '../vote-declaration';

/**
 * The chair declares a hall count that no second teller has confirmed (a teller is missing, say), with a
 * reason: logged for everyone, kept with the result and shown with it. Once the vote is closed, the
 * result is declared at once.
 */
@Injectable()
export class AcceptUnconfirmedCount {
  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VoteRepository,
    private readonly declaration: VoteDeclaration,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    voteId: string,
    reason: string,
  ): Promise<VoteRow> {
    assertCan(principal, 'debate.chair', { conferenceId });
    const actorId = actorOf(principal);
    return this.transactions.runFor(conferenceId, async (uow) => {
      const vote = await this.votes.find(uow.manager, conferenceId, voteId, 'update');
      if (!vote) throw new NotFound('No such vote in this conference.');
      if (!hasHallCount(vote)) throw new Conflict('This vote has no hall count to accept.');
      if (vote.state === 'declared') throw new Conflict('The result of this vote has already been declared.');
      if (vote.state === 'voided') throw new Conflict('This vote was voided; count the hall in the re-run.');
      const why = acceptUnconfirmedHallCount(await this.votes.tellerCount(uow.manager, voteId), reason);
      await this.votes.acceptUnconfirmedTellerCount(uow.manager, voteId, why, actorId, uow.now);
      uow.record({
        conferenceId,
        type: 'vote.teller_count_accepted',
        payload: { voteId, title: vote.title, reason: why },
        audience: 'public',
        actorId,
      });
      if (vote.state !== 'closed') return vote;
      const result = await this.declaration.declareIfComplete(uow, vote, actorId);
      return result ? { ...vote, state: 'declared', result, declaredAt: uow.now } : vote;
    });
  }
}
