import { Conflict, InvalidInput, StandingOrderViolation, VoteClosed } from '../errors';
import { VoteSubject } from '../enums';
import { QuorumStatus } from './quorum';

/**
 * A vote moves draft → open → closed → declared; an open or closed vote may be voided with a reason
 * (e.g. a point of order about its conduct) and then re-run as a new vote. The chair opens and closes it.
 */
export const VOTE_STATES = ['draft', 'open', 'closed', 'declared', 'voided'] as const;
export type VoteState = (typeof VOTE_STATES)[number];

export interface VoteLifecycle {
  state: VoteState;
  subject: VoteSubject;
  openedAt?: Date;
  closedAt?: Date;
  declaredAt?: Date;
  voidedAt?: Date;
  voidReason?: string;
}

/** Opening needs a quorum, except a test vote, which is how attendance is registered in the first place. */
export function assertCanOpen(vote: VoteLifecycle, quorum: boolean | QuorumStatus): void {
  if (vote.state !== 'draft') {
    throw new Conflict(
      `This vote is already ${vote.state}; only a draft vote can be opened. To run it again, void it and create a new vote.`,
    );
  }
  const met = typeof quorum === 'boolean' ? quorum : quorum.met;
  if (!met && vote.subject !== 'test') {
    // Name each part not met ("3 branches represented, of 5 needed"), so the chair knows what to wait for.
    const unmet = typeof quorum === 'boolean' ? [] : quorum.parts.filter((part) => !part.met);
    const detail = unmet.length ? ` (${unmet.map((part) => part.description).join('; ')})` : '';
    throw new StandingOrderViolation(
      'quorum',
      `The conference is not quorate${detail}, so the vote cannot be opened. Wait for more members to check in or connect, or run a test vote to register attendance.`,
    );
  }
}

/** A ballot after the close, or before the opening, is refused. */
export function assertCanCast(vote: Pick<VoteLifecycle, 'state'>): void {
  if (vote.state === 'open') return;
  throw new VoteClosed(notOpenMessage(vote.state));
}

export function assertCanClose(vote: VoteLifecycle): void {
  if (vote.state === 'open') return;
  throw new Conflict(`This vote is ${vote.state}; only an open vote can be closed.`);
}

export function assertCanDeclare(vote: VoteLifecycle): void {
  if (vote.state === 'closed') return;
  throw new Conflict(`This vote is ${vote.state}; a result is declared only after the vote is closed.`);
}

export function assertCanVoid(vote: VoteLifecycle, reason: string): void {
  if (vote.state !== 'open' && vote.state !== 'closed') {
    throw new Conflict(
      `This vote is ${vote.state}; only an open or closed vote whose result is not yet declared can be voided.`,
    );
  }
  if (reason.trim().length === 0) {
    throw new InvalidInput('Give the reason the vote is voided; it is recorded in the proceedings log.', {
      reason: 'must not be empty',
    });
  }
}

/**
 * A vote's announced close time, when given, is still ahead: the vote would otherwise close as it opens.
 * Checked when the vote opens and, for a question put with one, before the question is put, so the
 * refusal leaves the debate as it was. `field` is where the caller's body carries it.
 */
export function announcedCloseTime(closesAt: string | undefined, now: Date, field = 'closesAt'): Date | null {
  if (!closesAt) return null;
  const at = new Date(closesAt);
  if (at.getTime() <= now.getTime()) {
    throw new InvalidInput('The announced close time is already past; give a time in the future or none.', {
      [field]: 'must be in the future',
    });
  }
  return at;
}

/**
 * DOMAIN: a test vote proves each remote attendee's device works and records who answered as attending.
 * So it is electronic: a show of cards proves no device and names nobody. (Its topics, if any, are
 * ignored: eligibility does not apply them to a test vote.)
 */
export function assertTestVoteShape(vote: { subject: VoteSubject; method: string }): void {
  if (vote.subject === 'test' && vote.method !== 'electronic') {
    throw new InvalidInput('A test vote checks devices and records attendance: open it electronic.', {
      method: 'a test vote is electronic: it checks each device',
    });
  }
}

export function openVote(vote: VoteLifecycle, quorum: boolean | QuorumStatus, now: Date): VoteLifecycle {
  assertCanOpen(vote, quorum);
  return { ...vote, state: 'open', openedAt: now };
}

export function closeVote(vote: VoteLifecycle, now: Date): VoteLifecycle {
  assertCanClose(vote);
  return { ...vote, state: 'closed', closedAt: now };
}

export function declareVoteResult(vote: VoteLifecycle, now: Date): VoteLifecycle {
  assertCanDeclare(vote);
  return { ...vote, state: 'declared', declaredAt: now };
}

export function voidVote(vote: VoteLifecycle, reason: string, now: Date): VoteLifecycle {
  assertCanVoid(vote, reason);
  return { ...vote, state: 'voided', voidedAt: now, voidReason: reason.trim() };
}

export function notOpenMessage(state: VoteState): string {
  switch (state) {
    case 'draft':
      return 'This vote has not been opened yet. Wait for the chair to open it.';
    case 'closed':
    case 'declared':
      return 'This vote is closed, so no more ballots can be taken. Your ballot was not recorded.';
    case 'voided':
      return 'This vote was voided, so no ballots can be taken in it. Wait for the chair to open the re-run.';
    case 'open':
      return 'This vote is open.';
  }
}
