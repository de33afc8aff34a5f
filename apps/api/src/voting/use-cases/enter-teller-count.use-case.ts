import { Injectable } from '@nestjs/common';
import { Conflict, HallCount, InvalidInput, NotFound, Principal, validateTellerCount } from '@agm/domain';
import { VoteRepository, VoteRow } from '@agm/persistence/voting';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions, UnitOfWork } from '../../events/transactions';
import { hasHallCount, VoteDeclaration } from '../vote-declaration';

/**
 * The tellers' count of the show of cards in the hall. No more cards than eligible members who were in
 * the hall when the vote opened; a second teller confirms it (the two counts must agree exactly), or
 * the chair accepts it unconfirmed with a reason (AcceptUnconfirmedCount). Entered while the vote is open
 * or after the close; once the vote is closed and the count confirmed, the result is declared.
 */
@Injectable()
export class EnterTellerCount {
  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VoteRepository,
    private readonly declaration: VoteDeclaration,
  ) {}

  async enter(
    principal: Principal,
    conferenceId: string,
    voteId: string,
    count: HallCount,
  ): Promise<VoteRow> {
    assertCan(principal, 'vote.count', { conferenceId });
    return this.transactions.runFor(conferenceId, async (uow) => {
      const vote = await this.countable(uow, conferenceId, voteId);
      const valid = validateTellerCount(count, vote.hallHeadcount);
      await this.votes.saveTellerCount(uow.manager, voteId, valid, actorOf(principal), uow.now);
      uow.record({
        conferenceId,
        type: 'vote.teller_count',
        payload: { voteId, ...valid, enteredBy: actorOf(principal) },
        audience: 'tellers',
        actorId: actorOf(principal),
      });
      return this.completeIfClosed(uow, vote, actorOf(principal));
    });
  }

  async confirm(
    principal: Principal,
    conferenceId: string,
    voteId: string,
    count: HallCount,
  ): Promise<VoteRow> {
    assertCan(principal, 'vote.count', { conferenceId });
    return this.transactions.runFor(conferenceId, async (uow) => {
      const vote = await this.countable(uow, conferenceId, voteId);
      const entered = await this.votes.tellerCount(uow.manager, voteId);
      if (!entered)
        throw new Conflict(
          'No teller count has been entered for this vote yet; enter it first, then a second teller confirms it.',
        );
      if (entered.enteredBy === actorOf(principal)) {
        throw new Conflict('A count is confirmed by a second teller, not by the teller who entered it.');
      }
      validateTellerCount(entered, vote.hallHeadcount, count);
      await this.votes.confirmTellerCount(uow.manager, voteId, actorOf(principal), uow.now);
      uow.record({
        conferenceId,
        type: 'vote.teller_count_confirmed',
        payload: { voteId, confirmedBy: actorOf(principal) },
        audience: 'tellers',
        actorId: actorOf(principal),
      });
      // Confirmed: a closed vote waiting for it is declared now.
      return this.completeIfClosed(uow, vote, actorOf(principal));
    });
  }

  private async countable({ manager }: UnitOfWork, conferenceId: string, voteId: string): Promise<VoteRow> {
    const vote = await this.votes.find(manager, conferenceId, voteId, 'update');
    if (!vote) throw new NotFound('No such vote in this conference.');
    if (vote.method !== 'hybrid' && vote.method !== 'show_of_cards') {
      throw new InvalidInput(
        `This is a ${vote.method.replace(/_/g, ' ')} vote: it has no show of cards for tellers to count.`,
      );
    }
    if (!hasHallCount(vote))
      throw new InvalidInput(
        'No eligible member was in the hall when this vote opened, so there is no hall count to enter.',
      );
    if (vote.state === 'declared')
      throw new Conflict('The result of this vote has been declared; its hall count can no longer change.');
    if (vote.state === 'voided') throw new Conflict('This vote was voided; enter the count in the re-run.');
    return vote;
  }

  private async completeIfClosed(uow: UnitOfWork, vote: VoteRow, actorId: string): Promise<VoteRow> {
    if (vote.state !== 'closed') return vote;
    const result = await this.declaration.declareIfComplete(uow, vote, actorId);
    return result ? { ...vote, state: 'declared', result, declaredAt: uow.now } : vote;
  }
}
