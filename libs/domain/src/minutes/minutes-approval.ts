import { Conflict, FieldErrors, InvalidInput, StandingOrderViolation } from '../errors';
import { localParts } from '../conferences/deadlines.rules';

/**
 * Minutes of record (issue 19 item 7). The minutes are a draft until a later meeting approves them as a
 * correct record: the next AGM, or the NEC acting between AGMs. The approval is recorded once, with who
 * approved them, the date and meeting, how (moved, seconded, agreed) and any corrections made; from then
 * on the approved minutes are fixed at the proceedings logged up to the approval.
 */
export const MINUTES_APPROVERS = ['next_meeting', 'nec'] as const;
export type MinutesApprover = (typeof MINUTES_APPROVERS)[number];

export const MINUTES_APPROVER_WORDS: Record<MinutesApprover, string> = {
  next_meeting: 'the next meeting of conference',
  nec: 'the National Executive Committee (NEC)',
};

export interface MinutesApprovalCommand {
  approvedBy: MinutesApprover;
  /** The approving meeting's name as the record gives it, e.g. "AGM 2027" or "NEC, 14 January". */
  meeting: string;
  /** The approving meeting's date, 'YYYY-MM-DD' in the conference's time zone. */
  meetingOn: string;
  /** How the meeting approved them, e.g. "Moved by the chair, seconded by …, agreed on a show of hands". */
  how: string;
  /** Corrections the meeting made before approving, if any: printed with the approval. */
  corrections?: string | null;
}

export interface MinutesApproval extends Required<MinutesApprovalCommand> {
  corrections: string | null;
  /** The last log entry the approved minutes hold: later entries are never part of the record. */
  throughSeq: number;
  recordedBy: string;
  recordedAt: Date;
}

export interface MinutesApprovalContext {
  existing: MinutesApproval | null;
  conference: { timeZone: string; endsOn: string };
  /** The conference log's last seq now. */
  lastSeq: number;
  /** How many entries the minutes hold now: nothing to approve when none. */
  entries: number;
  /** An item still open in the debate: its title (the proceedings have not ended). */
  openItem: string | null;
  actorId: string;
  now: Date;
}

/** Decides whether the minutes may be approved as asked, and what the recorded approval is. */
export function approveMinutes(command: MinutesApprovalCommand, context: MinutesApprovalContext): MinutesApproval {
  if (context.existing)
    throw new Conflict(
      `The minutes were already approved by ${MINUTES_APPROVER_WORDS[context.existing.approvedBy]} (${context.existing.meeting}, ${context.existing.meetingOn}); approved minutes are not approved again.`,
    );
  const errors: FieldErrors = {};
  const meeting = command.meeting.trim();
  const how = command.how.trim();
  const corrections = command.corrections?.trim() || null;
  if (meeting === '') errors.meeting = 'name the meeting that approved the minutes, e.g. "AGM 2027" or "NEC"';
  if (how === '')
    errors.how = 'say how the meeting approved them, e.g. "moved by the chair, seconded, agreed on a show of hands"';
  const today = localParts(context.now, context.conference.timeZone).date;
  if (command.meetingOn < context.conference.endsOn)
    errors.meetingOn = `the minutes are approved at a meeting after the conference; it ended on ${context.conference.endsOn}`;
  else if (command.meetingOn > today)
    errors.meetingOn = `record the approval once the meeting has met; ${command.meetingOn} is after today (${today}, ${context.conference.timeZone})`;
  if (Object.keys(errors).length > 0)
    throw new InvalidInput('The approval of the minutes cannot be recorded as given.', errors);
  if (context.openItem !== null)
    throw new StandingOrderViolation(
      'minutes-approval',
      `The debate is still in progress (“${context.openItem}” is open): conclude it before the minutes are approved.`,
    );
  if (context.entries === 0)
    throw new StandingOrderViolation(
      'minutes-approval',
      'The minutes are empty: nothing was recorded in the proceedings, so there is nothing to approve.',
    );
  return {
    approvedBy: command.approvedBy,
    meeting,
    meetingOn: command.meetingOn,
    how,
    corrections,
    throughSeq: context.lastSeq,
    recordedBy: context.actorId,
    recordedAt: context.now,
  };
}
