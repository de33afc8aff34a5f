import { Injectable } from '@nestjs/common';
import { declareVoteResult, hallCountDeclarable, tallyVote, TallyResult } from '@agm/domain';
import { VoteRepository, VoteRow } from '@agm/persistence/voting';
import { UnitOfWork } from '../events/transactions';
import { SealedBallots } from './sealed-ballots';
import { RecordEmergencyAdmissionVote } from '../motions/use-cases/emergency-motion.use-case';

/** Methods whose hall is counted by the tellers on a show of cards. */
export const hasHallCount = (vote: Pick<VoteRow, 'method' | 'hallHeadcount'>) =>
  (vote.method === 'hybrid' || vote.method === 'show_of_cards') && vote.hallHeadcount > 0;

/**
 * Declares a closed vote's result once every channel is in: the ballots, and the tellers' count of
 * the hall when there is one. Records 'vote.result' for everyone in the same transaction.
 */
@Injectable()
export class VoteDeclaration {
  constructor(
    private readonly votes: VoteRepository,
    private readonly emergencyAdmission: RecordEmergencyAdmissionVote,
    private readonly sealedBallots: SealedBallots,
  ) {}

  async declareIfComplete(
    uow: UnitOfWork,
    vote: VoteRow,
    actorId: string | null,
  ): Promise<TallyResult | null> {
    const { manager, record, now } = uow;
    const teller = await this.votes.tellerCount(manager, vote.id);
    // The result waits for the tellers: declaring without the hall would publish a wrong count, and one
    // teller's unchecked entry waits for a second teller (or the chair's override, with a reason).
    if (hasHallCount(vote) && !hallCountDeclarable(teller)) return null;
    declareVoteResult({ state: vote.state, subject: vote.subject }, now);
    // A secret vote's ballots are still sealed at its close (SealedBallots): both kinds are counted.
    const ballots = [...(await this.votes.ballots(manager, vote.id)), ...(await this.sealedBallots.openForCount(manager, vote))];
    const result = tallyVote({
      electronicBallots: ballots.filter((b) => b.channel === 'electronic'),
      cardBallots: ballots.filter((b) => b.channel === 'card'),
      hallCount: teller ? { for: teller.for, against: teller.against, abstain: teller.abstain } : undefined,
      majority: vote.majority,
      tieRule: vote.tieRule,
      eligibleCount: vote.method === 'card_vote' ? vote.eligibleWeight : vote.eligibleCount,
    });
    // Kept with the result, so every screen that shows it shows the override too.
    const unconfirmed =
      hasHallCount(vote) && teller && !teller.confirmedBy ? teller.acceptedUnconfirmedReason : null;
    const declared: TallyResult = unconfirmed
      ? { ...result, unconfirmedHallCountReason: unconfirmed }
      : result;
    await this.votes.markDeclared(manager, vote.id, declared, now);
    record({
      conferenceId: vote.conferenceId,
      type: 'vote.result',
      payload: {
        voteId: vote.id,
        title: vote.title,
        method: vote.method,
        secret: vote.secret,
        ...result,
        hallCountConfirmed: teller ? teller.confirmedBy !== null : null,
        unconfirmedHallCountReason: unconfirmed,
        declaredAt: now.toISOString(),
      },
      audience: 'public',
      actorId,
    });
    await this.decideEmergencyAdmission(uow, vote, declared, actorId);
    return declared;
  }

  /**
   * [SO 7] The meeting's vote on admitting an emergency motion decides it, in the same transaction as
   * the result: carried admits the motion, lost (or a tie that falls) rules it out. A tie awaiting the
   * chair's casting vote is left to the chair (`POST /motions/:id/emergency-admission-vote`).
   */
  async decideEmergencyAdmission(
    uow: UnitOfWork,
    vote: VoteRow,
    result: TallyResult,
    actorId: string | null,
  ): Promise<void> {
    if (
      vote.subject !== 'emergency_admission' ||
      !vote.subjectRef ||
      result.outcome === 'tied_chair_casting_vote_needed'
    )
      return;
    const by = actorId ?? vote.openedBy;
    if (!by) return;
    await this.emergencyAdmission.apply(uow, {
      conferenceId: vote.conferenceId,
      motionId: vote.subjectRef,
      carried: result.outcome === 'carried',
      actorId: by,
    });
  }
}
