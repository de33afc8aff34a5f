import { AttendanceMode, VoteMethod, VoteSubject } from '../enums';
import { napoDefaultRuleset, Ruleset } from '../ruleset/ruleset';
import { buildEligibilitySnapshot, EligibilitySnapshot, VoteDefinition, VotingAttendee } from './eligibility';
import { HashFunction } from './receipts';

/** Seeds voting specs: `ctx.newMember({ category: 'retired' })` returns what it made. Test-only. */
export class VotingTestContext {
  readonly attendees: VotingAttendee[] = [];
  private next = 1;

  constructor(readonly ruleset: Ruleset = napoDefaultRuleset()) {}

  newMember(overrides: Partial<VotingAttendee> & { attendanceMode?: AttendanceMode } = {}): VotingAttendee {
    const attendee: VotingAttendee = {
      memberId: `m${String(this.next++).padStart(4, '0')}`,
      category: 'full',
      attendanceMode: 'hall',
      present: true,
      registered: true,
      ...overrides,
    };
    this.attendees.push(attendee);
    return attendee;
  }

  openSnapshot(
    method: VoteMethod,
    topics: string[] = ['general'],
    subject: VoteSubject = 'motion',
  ): EligibilitySnapshot {
    const vote: VoteDefinition = { method, topics, subject };
    return buildEligibilitySnapshot(this.attendees, vote, this.ruleset);
  }
}

/** FNV-1a, 32 bits, hex: a stand-in hash for tests (the api passes SHA-256). */
export const testHash: HashFunction = (text) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
};
