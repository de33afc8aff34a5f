import { StandingOrderViolation } from '@agm/domain';
import type { DebateEvent, QuestionPutEvent, QuestionPutState, TallyResult } from '@agm/domain';
import type { VoteOpenDto, DebateVoteOptionsDto } from '@agm/contracts';
import type { DebateMotionRow } from '@agm/persistence/debate';
import type { VoteRow } from '@agm/persistence/voting';

const PROCEDURAL_TITLES: Record<string, string> = {
  next_business: 'Next business',
  question_be_now_put: 'That the question be now put',
  remit: 'To remit',
  refer_back: 'To refer back',
  suspend_standing_orders: 'To suspend standing orders',
  challenge_chair: "Challenge to the chair's ruling",
};

/**
 * The vote that a `question_put` hands over to the voting feature: what is voted on, its reference
 * (the motion, amendment or procedural motion id, so the result can be matched to the debate), its
 * title as the meeting sees it, and the motion's topics (they decide who may vote).
 */
export function voteForQuestion(event: QuestionPutEvent, motion: DebateMotionRow | undefined, amendment: DebateMotionRow | undefined, options: DebateVoteOptionsDto): VoteOpenDto {
  const motionTitle = `${motion?.agendaLabel ? `${motion.agendaLabel}: ` : ''}${motion?.title ?? event.motionId}`;
  const common = {
    topics: motion?.topics ?? [],
    method: options.method,
    secret: options.secret ?? false,
    ...(options.closesAt ? { closesAt: options.closesAt } : {}),
    ...(options.cardHolders ? { cardHolders: options.cardHolders } : {}),
  };
  if (event.subject === 'amendment') {
    return { ...common, subject: 'amendment', subjectRef: event.amendmentId ?? undefined, title: clip(`${amendment?.title ?? event.amendmentId} (to ${motionTitle})`) };
  }
  if (event.subject === 'procedural') {
    const kind = event.proceduralKind!;
    return {
      ...common,
      subject: kind === 'challenge_chair' ? 'challenge_to_chair' : 'procedural_motion',
      subjectRef: event.proceduralId ?? undefined,
      proceduralMotion: kind,
      title: clip(`${PROCEDURAL_TITLES[kind] ?? kind} (on ${motionTitle})`),
    };
  }
  if (event.partId) {
    // A motion taken in parts: each part is its own vote, told apart by its reference (see partVoteRef).
    return { ...common, subject: 'motion', subjectRef: partVoteRef(event.motionId, event.partId), motionKind: motion?.kind, title: clip(`${motionTitle}: ${event.partLabel ?? 'a part'}`) };
  }
  return { ...common, subject: 'motion', subjectRef: event.motionId, motionKind: motion?.kind, title: clip(`${motionTitle}${event.asAmended ? ' (as amended)' : ''}`) };
}

/** The vote on one part of a motion taken in parts: the motion's id and the part's ("…#part-2"). */
export function partVoteRef(motionId: string, partId: string): string {
  return `${motionId}#${partId}`;
}

/** The vote on a reference back of a section of a report: the report's id and the reference's. */
export function referenceBackVoteRef(reportId: string, referenceId: string): string {
  return `${reportId}#${referenceId}`;
}

/** The vote a `reference_back_put` hands over to voting: a procedural motion to refer back, under its majority. */
export function referenceBackVote(events: readonly DebateEvent[], options: DebateVoteOptionsDto): VoteOpenDto | null {
  const put = events.find((e) => e.type === 'reference_back_put');
  if (!put || put.type !== 'reference_back_put') return null;
  return {
    subject: 'procedural_motion',
    proceduralMotion: 'refer_back',
    subjectRef: referenceBackVoteRef(put.reportId, put.referenceId),
    title: clip(`To refer back section ${put.sectionKey} (${put.sectionTitle}) of the report`),
    topics: [],
    method: options.method,
    secret: options.secret ?? false,
    ...(options.closesAt ? { closesAt: options.closesAt } : {}),
    ...(options.cardHolders ? { cardHolders: options.cardHolders } : {}),
  };
}

/** The vote held on a reference back (the latest not voided), as the chair's console and the result check read it. */
export function referenceBackVoteOf(votes: readonly VoteRow[], reportId: string, referenceId: string): QuestionVoteView | null {
  const ref = referenceBackVoteRef(reportId, referenceId);
  const vote = [...votes].reverse().find((v) => v.state !== 'voided' && v.subjectRef === ref && v.subject === 'procedural_motion');
  if (!vote) return null;
  return { voteId: vote.id, subject: vote.subject, state: vote.state, outcome: vote.result?.outcome ?? null, totals: vote.result?.totals ?? null };
}

function clip(title: string): string {
  return title.length <= 300 ? title : `${title.slice(0, 299)}…`;
}

/** The vote on the question now put, as the chair's console shows it (so it can offer "record carried/lost"). */
export interface QuestionVoteView {
  voteId: string;
  subject: VoteRow['subject'];
  state: VoteRow['state'];
  /** The declared outcome; null until the result is declared (a hybrid vote waits for the tellers). */
  outcome: TallyResult['outcome'] | null;
  totals: TallyResult['totals'] | null;
}

const SUBJECTS: Record<QuestionPutState['subject'], readonly VoteRow['subject'][]> = {
  substantive: ['motion'],
  amendment: ['amendment'],
  procedural: ['procedural_motion', 'challenge_to_chair'],
};

/**
 * The vote held on a question put: the latest vote not voided (a voided vote is re-run as a new one)
 * on the same subject and reference — the motion, the amendment or the procedural motion, as
 * `voteForQuestion` opens it (or the chair opens it through the voting API with the same reference).
 */
export function questionVoteOf(votes: readonly VoteRow[], motionId: string, question: QuestionPutState | null): QuestionVoteView | null {
  if (!question) return null;
  const ref =
    question.subject === 'amendment'
      ? question.amendmentId
      : question.subject === 'procedural'
        ? question.proceduralId
        : question.partId
          ? partVoteRef(motionId, question.partId)
          : motionId;
  const vote = [...votes].reverse().find((v) => v.state !== 'voided' && v.subjectRef === ref && SUBJECTS[question.subject].includes(v.subject));
  if (!vote) return null;
  return { voteId: vote.id, subject: vote.subject, state: vote.state, outcome: vote.result?.outcome ?? null, totals: vote.result?.totals ?? null };
}

/**
 * The chair records the result, but not against a declared vote: carried after a vote that was lost
 * (or fell on a tie) is refused, and lost after one carried. A tie awaiting the chair's casting vote
 * leaves the chair to decide.
 */
export function assertAgreesWithVote(vote: QuestionVoteView | null, recorded: string): void {
  if (!vote || vote.state !== 'declared' || !vote.outcome) return;
  const saysCarried = recorded === 'carried' || recorded === 'carried_as_amended';
  const saysLost = recorded === 'lost';
  const voteLost = vote.outcome === 'lost' || vote.outcome === 'tied_falls';
  if ((saysCarried && voteLost) || (saysLost && vote.outcome === 'carried')) {
    throw new StandingOrderViolation(
      'vote-result',
      `The vote on this question was declared ${vote.outcome.replace(/_/g, ' ')}; it cannot be recorded as ${recorded.replace(/_/g, ' ')}. Record the declared result, or void the vote and re-run it.`,
    );
  }
}
