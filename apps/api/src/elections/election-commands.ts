import type { EntityManager } from 'typeorm';
import { decideAtClose, formatInConferenceTime, NotFound, Principal } from '@agm/domain';
import type { ConferenceRecord, ConferenceRepository, NewConferenceEvent } from '@agm/persistence';
import type { ElectionPostRepository, NominationRow, PostRow } from '@agm/persistence/elections';
import type { UnitOfWork } from '../events/transactions';
import { assertCan } from '../auth/access-control';

/** What every election command starts from: the conference (for its time zone) and the post, locked so commands on one post queue. */
export async function loadPost(
  manager: EntityManager,
  conferences: ConferenceRepository,
  posts: ElectionPostRepository,
  conferenceId: string,
  postId: string,
): Promise<{ conference: ConferenceRecord; post: PostRow }> {
  const conference = await conferences.findById(manager, conferenceId);
  if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
  const post = await posts.findPost(manager, conferenceId, postId, true);
  if (!post) throw new NotFound('There is no such post in this conference.');
  return { conference, post };
}

export async function loadNomination(
  manager: EntityManager,
  posts: ElectionPostRepository,
  post: PostRow,
  nominationId: string,
): Promise<NominationRow> {
  const nomination = await posts.findNomination(manager, post.id, nominationId);
  if (!nomination) throw new NotFound(`There is no such nomination for ${post.title}.`);
  return nomination;
}

/**
 * The candidate acts for themselves (signed in as the member, by account or as an attendee of this
 * conference); anyone else must run the elections (head office or the returning officer recording a
 * paper form).
 */
export function assertCandidateOrReturningOfficer(
  principal: Principal,
  conferenceId: string,
  nomination: NominationRow,
): void {
  const isCandidate =
    principal.memberId === nomination.candidateMemberId &&
    (principal.kind !== 'attendee' || principal.conferenceId === conferenceId);
  if (!isCandidate) assertCan(principal, 'elections.manage', { conferenceId });
}

/**
 * Records the decision at the close of nominations (or after a withdrawal while the ballot is awaited):
 * the outcome on the post and its events in the same transaction.
 */
export async function recordCloseDecision(
  uow: UnitOfWork,
  posts: ElectionPostRepository,
  conference: ConferenceRecord,
  post: PostRow,
  actorId: string,
): Promise<void> {
  const accepted = (await posts.nominationsOf(uow.manager, [post.id])).filter((n) => n.status === 'accepted');
  const decision = decideAtClose(
    post,
    accepted.map((n) => n.candidateName),
  );
  const closedAt = post.closedAt ?? uow.now;
  await posts.recordClose(uow.manager, post.id, closedAt, decision.outcome, decision.summary);
  const base = { postId: post.id, title: post.title, seats: post.seats, summary: decision.summary };
  const event = (type: string, payload: Record<string, unknown>): NewConferenceEvent => ({
    conferenceId: conference.id,
    type,
    payload: { ...base, ...payload },
    audience: 'public',
    actorId,
  });
  if (!post.closedAt) {
    uow.record(
      event('election.nominations.closed', {
        closedAt: closedAt.toISOString(),
        closedAtText: formatInConferenceTime(closedAt, conference.timeZone),
        outcome: decision.outcome,
      }),
    );
  }
  if (decision.outcome === 'uncontested') {
    uow.record(
      event('election.declared_uncontested', {
        elected: decision.elected,
        vacantSeats: decision.vacantSeats,
      }),
    );
  } else {
    uow.record(event('election.ballot_list', { ballot: decision.ballot }));
  }
}
