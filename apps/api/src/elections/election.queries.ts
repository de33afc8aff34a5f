import { Injectable } from '@nestjs/common';
import {
  can,
  formatInConferenceTime,
  METHOD_NAMES,
  NotFound,
  postState,
  postStateInWords,
  Principal,
  publicDeclaration,
} from '@agm/domain';
import type { CandidateDto, NominationDto, PostDto } from '@agm/contracts';
import { ConferenceRecord, ConferenceRepository } from '@agm/persistence';
import { ElectionPostRepository, NominationRow, PostRow } from '@agm/persistence/elections';
import { assertCan } from '../auth/access-control';
import { Transactions } from '../events/transactions';

const NOMINATION_STATUS_TEXT: Record<NominationRow['status'], string> = {
  nominated: 'Nominated; waiting for the candidate to accept',
  accepted: 'Accepted: a candidate',
  withdrawn: 'Withdrawn',
};

/** The posts of a conference as everyone may read them, and nominations as each person may see them. */
@Injectable()
export class ElectionQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
    private readonly posts: ElectionPostRepository,
  ) {}

  async list(principal: Principal, conferenceId: string): Promise<PostDto[]> {
    assertCan(principal, 'conference.view', { conferenceId });
    const manager = this.transactions.manager;
    const conference = await this.conference(conferenceId);
    const posts = await this.posts.postsOf(manager, conferenceId);
    return this.toDtos(conference, posts);
  }

  async post(principal: Principal, conferenceId: string, postId: string): Promise<PostDto> {
    assertCan(principal, 'conference.view', { conferenceId });
    const conference = await this.conference(conferenceId);
    const post = await this.posts.findPost(this.transactions.manager, conferenceId, postId);
    if (!post) throw new NotFound('There is no such post in this conference.');
    return (await this.toDtos(conference, [post]))[0];
  }

  /**
   * Nominations, each to whom it concerns: the returning officer sees all; a body's officer, their
   * body's; a member, their own (to find the nomination they are to accept).
   */
  async nominations(principal: Principal, conferenceId: string, postId: string): Promise<NominationDto[]> {
    assertCan(principal, 'conference.view', { conferenceId });
    const post = await this.posts.findPost(this.transactions.manager, conferenceId, postId);
    if (!post) throw new NotFound('There is no such post in this conference.');
    const all = await this.posts.nominationsOf(this.transactions.manager, [post.id]);
    const seesAll = can(principal, 'elections.manage', { conferenceId });
    const officerOf = principal.kind === 'account' ? principal.officerOf : [];
    return all
      .filter(
        (n) =>
          seesAll || n.candidateMemberId === principal.memberId || officerOf.includes(n.nominatingBodyId),
      )
      .map((n) => ({
        id: n.id,
        postId: n.postId,
        candidateName: n.candidateName,
        nominatedBy: n.nominatingBodyName,
        status: n.status,
        statusText: NOMINATION_STATUS_TEXT[n.status],
      }));
  }

  private async conference(conferenceId: string): Promise<ConferenceRecord> {
    const conference = await this.conferences.findById(this.transactions.manager, conferenceId);
    if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
    return conference;
  }

  private async toDtos(conference: ConferenceRecord, posts: PostRow[]): Promise<PostDto[]> {
    const manager = this.transactions.manager;
    const nominations = posts.length
      ? await this.posts.nominationsOf(
          manager,
          posts.map((p) => p.id),
        )
      : [];
    const bodyNames = await this.posts.bodyNames(manager, [
      ...new Set(posts.flatMap((p) => [...p.eligibleBodyIds, ...p.nominatingBodyIds])),
    ]);
    const names = (ids: readonly string[]) =>
      ids.map((id) => bodyNames.get(id)).filter((name): name is string => !!name);
    const now = new Date();
    return posts.map((post) => {
      const state = postState(post, now);
      const candidates: CandidateDto[] = nominations
        .filter((n) => n.postId === post.id && n.status === 'accepted')
        .map((n) => ({
          nominationId: n.id,
          name: n.candidateName,
          body: n.nominatingBodyName,
          statement: n.statement ?? '',
          declaredGroups: publicDeclaration(n.declaration)?.slice() ?? null,
        }));
      return {
        id: post.id,
        conferenceId: post.conferenceId,
        title: post.title,
        seats: post.seats,
        method: post.method,
        methodText: METHOD_NAMES[post.method],
        eligibleCategories: [...post.eligibleCategories],
        eligibleBodies: names(post.eligibleBodyIds),
        nominatingBodies: names(post.nominatingBodyIds),
        whoMayStand: whoMayStand(post, names(post.eligibleBodyIds)),
        nominationsOpenAt: post.nominationsOpenAt.toISOString(),
        nominationsCloseAt: post.nominationsCloseAt.toISOString(),
        nominationWindow: `${formatInConferenceTime(post.nominationsOpenAt, conference.timeZone)} to ${formatInConferenceTime(post.nominationsCloseAt, conference.timeZone)}`,
        statementWordLimit: post.statementWordLimit,
        reservedSeats: post.reservedSeats.map((r) => ({ ...r })),
        state,
        stateText: postStateInWords(state),
        result: post.resultSummary,
        candidates,
      };
    });
  }
}

function whoMayStand(post: PostRow, bodies: string[]): string {
  const categories = post.eligibleCategories.map((c) => c.replace(/_/g, ' '));
  if (categories.length === 0 && bodies.length === 0) return 'Any member on the register may stand';
  const parts = [
    categories.length
      ? `members in the ${categories.join(', ')} ${categories.length === 1 ? 'category' : 'categories'}`
      : '',
    bodies.length ? `members of ${bodies.join(', ')}` : '',
  ];
  return `Only ${parts.filter(Boolean).join(' who are also ')} may stand`;
}
