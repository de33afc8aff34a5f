import type { AttendanceMode } from '../enums';
import { InvalidInput, StandingOrderViolation } from '../errors';

/** An open vote whose register (fixed when it opened) holds the attendee. */
export interface OpenVoteOnRegister {
  title: string;
  /** Whether the attendee has already voted in it (electronically, or is counted by the tellers). */
  voted: boolean;
}

export interface AttendanceSwitch {
  name: string;
  from: AttendanceMode;
  to: AttendanceMode;
  reason: string;
  openVotes: OpenVoteOnRegister[];
}

const MODE_WORDS: Record<AttendanceMode, string> = { hall: 'in the hall', remote: 'remotely' };

/**
 * Whether an attendee may move between the hall and remote attendance now (DOMAIN.md, "no double counting
 * across channels": the attendance mode when a vote opened decides its channel).
 *
 * Decided (docs/DECISIONS.md, "Switching between hall and remote"): a switch is **refused while a vote is
 * open whose register holds the attendee**, voted or not. Had they voted electronically, moving them into
 * the hall would put a card in the air for a ballot already counted; had they not, the register would still
 * offer them the electronic channel from the hall (or none from home). After the close the switch is free.
 */
export function checkAttendanceSwitch(change: AttendanceSwitch): void {
  if (change.reason.trim().length === 0) {
    throw new InvalidInput('Give the reason for the switch: it is recorded in the proceedings log.', {
      reason: 'is required, e.g. "arrived at the venue" or "unwell, voting from home"',
    });
  }
  if (change.from === change.to) {
    throw new InvalidInput(`${change.name} already attends ${MODE_WORDS[change.to]}.`, {
      attendanceMode: `is already ${change.to === 'hall' ? 'in the hall' : 'remote'}`,
    });
  }
  const open = change.openVotes[0];
  if (open) {
    throw new StandingOrderViolation(
      'one-channel-per-vote',
      `${change.name} is on the register of the open vote "${open.title}" as attending ${MODE_WORDS[change.from]}` +
        `${open.voted ? ' and has voted in it' : ''}; a member votes through one channel only. ` +
        `Switch them once the vote has closed.`,
    );
  }
}
