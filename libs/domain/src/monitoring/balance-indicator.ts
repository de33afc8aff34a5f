import { AttendanceMode, SpeechRole } from '../enums';

/**
 * The chair's balance indicator: coarse prompts about the recent run of speakers. It sees only each
 * speech's role, motion, time and attendance mode (the input type has no key, no member and no
 * monitoring answer), so it can reveal neither an individual nor any equality data.
 */
export type BalanceSpeech = {
  role: SpeechRole;
  motionId: string | null;
  startedAt: Date;
  attendanceMode: AttendanceMode;
};

/** How far back the indicator looks. Extends the ruleset: `defaultBalanceWindow()` gives the defaults. */
export interface BalanceWindow {
  /** Speeches looked at for hall-versus-remote balance. */
  lastSpeeches: number;
  /** Consecutive speakers on one side of the current motion before the chair is told. */
  sameStanceRun: number;
  /** Hall-versus-remote prompts make sense only when both can speak (a hybrid AGM). */
  hallAndRemote: boolean;
}

export function defaultBalanceWindow(): BalanceWindow {
  return { lastSpeeches: 6, sameStanceRun: 5, hallAndRemote: true };
}

export type BalanceSignal =
  | { kind: 'no_remote_speaker'; speeches: number; message: string }
  | { kind: 'no_hall_speaker'; speeches: number; message: string }
  | { kind: 'one_sided_debate'; stance: 'for' | 'against'; speeches: number; message: string };

// SO 14: points of order and requests for information are taken out of turn, not called from the
// floor, so they say nothing about the balance the chair is keeping.
const INTERVENTIONS: readonly SpeechRole[] = ['point_of_order', 'request_for_information'];

const STANCE: Partial<Record<SpeechRole, 'for' | 'against'>> = {
  mover: 'for',
  seconder: 'for',
  for: 'for',
  right_of_reply: 'for',
  against: 'against',
};

export function balanceIndicator(
  recentSpeeches: BalanceSpeech[],
  window: BalanceWindow = defaultBalanceWindow(),
): BalanceSignal[] {
  const called = recentSpeeches
    .filter((s) => !INTERVENTIONS.includes(s.role))
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  return [...attendanceSignals(called, window), ...stanceSignals(called, window)];
}

function attendanceSignals(called: BalanceSpeech[], window: BalanceWindow): BalanceSignal[] {
  if (!window.hallAndRemote || window.lastSpeeches < 1 || called.length < window.lastSpeeches) return [];
  const last = called.slice(-window.lastSpeeches);
  const n = window.lastSpeeches;
  if (last.every((s) => s.attendanceMode === 'hall')) {
    return [
      { kind: 'no_remote_speaker', speeches: n, message: `No remote speaker in the last ${n} speeches.` },
    ];
  }
  if (last.every((s) => s.attendanceMode === 'remote')) {
    return [
      {
        kind: 'no_hall_speaker',
        speeches: n,
        message: `No speaker from the hall in the last ${n} speeches.`,
      },
    ];
  }
  return [];
}

/** A run of one stance at the end of the debate on the motion now being debated. */
function stanceSignals(called: BalanceSpeech[], window: BalanceWindow): BalanceSignal[] {
  const current = called.at(-1);
  if (!current || current.motionId === null || window.sameStanceRun < 1) return [];
  const onMotion = called.filter((s) => s.motionId === current.motionId);
  const stance = STANCE[onMotion[onMotion.length - 1].role];
  if (!stance) return [];
  let run = 0;
  for (let i = onMotion.length - 1; i >= 0 && STANCE[onMotion[i].role] === stance; i--) run++;
  if (run < window.sameStanceRun) return [];
  return [
    {
      kind: 'one_sided_debate',
      stance,
      speeches: run,
      message: `The last ${run} speakers on this motion were all ${stance} it.`,
    },
  ];
}
