import { Injectable } from '@nestjs/common';
import {
  announcedCloseTime,
  assertVoteMayOpenOnQuestion,
  foldDebate,
  NotFound,
  Principal,
  QuestionPutEvent,
} from '@agm/domain';
import type { DebateOpenQuestionVoteDto, VoteOpenDto } from '@agm/contracts';
import { DebateLogRepository } from '@agm/persistence/debate';
import { VoteRepository, VoteRow } from '@agm/persistence/voting';
import { assertCan } from '../../auth/access-control';
import { Transactions } from '../../events/transactions';
import { OpenVote } from '../../voting/use-cases/open-vote.use-case';
import { questionVoteOf, voteForQuestion } from '../question-vote';

/**
 * "Open the vote" on a question already put, when its vote did not open with the put (the meeting was
 * not quorate, say) and the cause has been fixed, or after the vote on it was voided. The vote is the one
 * the put would have opened (same subject, reference and title), so the chair's result is checked
 * against it. The debate log is read under its lock; the vote then opens in OpenVote's own unit of
 * work, as the put's hand-over does (the embedded database has one connection).
 */
@Injectable()
export class OpenQuestionVote {
  constructor(
    private readonly transactions: Transactions,
    private readonly log: DebateLogRepository,
    private readonly votes: VoteRepository,
    private readonly openVote: OpenVote,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    dto: DebateOpenQuestionVoteDto,
  ): Promise<VoteRow> {
    assertCan(principal, 'debate.chair', { conferenceId });
    const request = await this.transactions.run(async ({ manager, now }): Promise<VoteOpenDto> => {
      if ((await this.log.lockConference(manager, conferenceId)) === null)
        throw new NotFound('No such conference, or it is not yours to see.');
      const logged = (await this.log.events(manager, conferenceId)).map((e) => e.event);
      const state = foldDebate(logged);
      const open = state.items[dto.itemId];
      const held = open?.questionPut
        ? questionVoteOf(await this.votes.list(manager, conferenceId), open.motionId, open.questionPut)
        : null;
      assertVoteMayOpenOnQuestion(
        state,
        dto.itemId,
        held && held.state !== 'voided' ? { state: held.state, outcome: held.outcome } : null,
      );
      announcedCloseTime(dto.vote.closesAt, now, 'vote.closesAt');
      await this.openVote.assertCardHolders(manager, conferenceId, dto.vote, 'vote.cardHolders');
      // The put still standing is the latest on this item (a withdrawn one is followed by a new put).
      const put = logged
        .filter((e): e is QuestionPutEvent => e.type === 'question_put' && e.itemId === dto.itemId)
        .at(-1)!;
      const rows = await this.log.motions(manager, conferenceId, [
        put.motionId,
        ...(put.amendmentId ? [put.amendmentId] : []),
      ]);
      return voteForQuestion(
        put,
        rows.get(put.motionId),
        put.amendmentId ? rows.get(put.amendmentId) : undefined,
        dto.vote,
      );
    });
    return this.openVote.execute(principal, conferenceId, request);
  }
}
