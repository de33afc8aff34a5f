import type { QuestionPutEvent } from '@agm/domain';
import type { VoteOpenDto, DebateVoteOptionsDto } from '@agm/contracts';
import type { DebateMotionRow } from '@agm/persistence/debate';

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
  const common = { topics: motion?.topics ?? [], method: options.method, secret: options.secret ?? false, ...(options.closesAt ? { closesAt: options.closesAt } : {}) };
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
  return { ...common, subject: 'motion', subjectRef: event.motionId, motionKind: motion?.kind, title: clip(`${motionTitle}${event.asAmended ? ' (as amended)' : ''}`) };
}

function clip(title: string): string {
  return title.length <= 300 ? title : `${title.slice(0, 299)}…`;
}
