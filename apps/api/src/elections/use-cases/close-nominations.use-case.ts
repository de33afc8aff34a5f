import { Injectable } from '@nestjs/common';
import { Conflict, formatInConferenceTime, Principal, StandingOrderViolation } from '@agm/domain';
import { ConferenceRepository } from '@agm/persistence';
import { ElectionPostRepository } from '@agm/persistence/elections';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { loadPost, recordCloseDecision } from '../election-commands';

/**
 * The returning officer closes a post's nominations: at or after the advertised close, or earlier if
 * the union's rules allow it. The accepted candidates form the ballot list; no more of them than seats
 * are declared elected unopposed, and the seats nobody stood for stay vacant.
 */
@Injectable()
export class CloseNominations {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
    private readonly posts: ElectionPostRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, postId: string): Promise<void> {
    assertCan(principal, 'elections.manage', { conferenceId });
    await this.transactions.runFor(conferenceId, async (uow) => {
      const { conference, post } = await loadPost(
        uow.manager,
        this.conferences,
        this.posts,
        conferenceId,
        postId,
      );
      if (post.closedAt) {
        throw new Conflict(
          `Nominations for ${post.title} were already closed at ${formatInConferenceTime(post.closedAt, conference.timeZone)}. ${post.resultSummary ?? ''}`.trim(),
        );
      }
      if (uow.now.getTime() < post.nominationsOpenAt.getTime()) {
        throw new StandingOrderViolation(
          'nominations-not-open',
          `Nominations for ${post.title} open at ${formatInConferenceTime(post.nominationsOpenAt, conference.timeZone)}; they cannot be closed before they open.`,
        );
      }
      await recordCloseDecision(uow, this.posts, conference, post, actorOf(principal));
    });
  }
}
