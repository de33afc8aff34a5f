import { Injectable } from '@nestjs/common';
import { applyCastingVote, NotFound, Principal, StandingOrderViolation, TallyResult } from '@agm/domain';
import { VoteRepository, VoteRow } from '@agm/persistence/voting';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { VoteDeclaration } from '../vote-declaration';

/**
 * The chair's casting vote on a tie, where the ruleset's tie rule is `chair_casting_vote`: the declared
 * result's outcome becomes carried or lost, the casting vote is kept beside the counts (which do not
 * change), and everyone is told in the log.
 */
@Injectable()
export class RecordCastingVote {
  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VoteRepository,
    private readonly declaration: VoteDeclaration,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    voteId: string,
    castingVote: 'for' | 'against',
  ): Promise<VoteRow> {
    assertCan(principal, 'debate.chair', { conferenceId });
    return this.transactions.runFor(conferenceId, async (uow) => {
      const vote = await this.votes.find(uow.manager, conferenceId, voteId, 'update');
      if (!vote) throw new NotFound('No such vote in this conference.');
      if (vote.state !== 'declared' || vote.result?.outcome !== 'tied_chair_casting_vote_needed') {
        throw new StandingOrderViolation(
          'casting-vote',
          'The chair has a casting vote only on a declared tie under the casting-vote rule; this vote is not one.',
        );
      }
      const outcome = applyCastingVote(vote.result.outcome, castingVote);
      const result: TallyResult & { castingVote: 'for' | 'against' } = {
        ...vote.result,
        outcome,
        castingVote,
      };
      await this.votes.recordCastingVote(uow.manager, voteId, result);
      uow.record({
        conferenceId,
        type: 'vote.casting_vote',
        payload: { voteId, title: vote.title, castingVote, outcome },
        audience: 'public',
        actorId: actorOf(principal),
      });
      const decided: VoteRow = { ...vote, result };
      await this.declaration.decideEmergencyAdmission(uow, decided, result, actorOf(principal));
      return decided;
    });
  }
}
