import { Conflict, InvalidInput } from '../errors';
import type { DebateState, ReportSection } from './debate.types';

/** A report to conference as the SOC gives it: its title as the agenda prints it and its numbered sections. */
export interface ReportSetUp {
  title: string;
  sections: ReportSection[];
}

/**
 * A report as it goes on the order of business, added or corrected: title and sections trimmed, and each
 * section its own number, since a delegate moves to refer back "section 3" and the chair must know which.
 * Numbers are compared without case: "4a" and "4A" are one section to the hall.
 */
export function reportSetUp(input: ReportSetUp): ReportSetUp {
  const title = input.title.trim();
  const sections = input.sections.map((s) => ({ key: s.key.trim(), title: s.title.trim() }));
  const keys = new Set<string>();
  sections.forEach((s, index) => {
    if (keys.has(s.key.toLowerCase()))
      throw new InvalidInput(`Two sections are numbered ${s.key}; give each its own number.`, { [`sections.${index}.key`]: 'used twice' });
    keys.add(s.key.toLowerCase());
  });
  return { title, sections };
}

/**
 * One title, one report: the minutes and a delegate name a report by its title. `holder` is the report
 * already called that (compared without case), if any; `self` the report being corrected, which may
 * keep its own title.
 */
export function assertReportTitleFree(title: string, holder: { id: string } | null, self: string | null = null): void {
  if (holder && holder.id !== self)
    throw new Conflict(`A report called “${title}” is already on the order of business.`, { title: 'already used' });
}

/**
 * The SOC corrects or removes a report only while it is to come. Once the chair has taken it, the
 * proceedings log (and so the minutes) holds it under the title and sections it was taken with, and a
 * reference back names one of those sections: changing or removing it then would make the order of
 * business disagree with the record. A mistake found after that is for the minutes' corrections.
 */
export function assertReportMayChange(state: DebateState, report: { id: string; title: string }, change: 'correct' | 'remove'): void {
  const business = state.reports?.[report.id];
  if (!business) return;
  const verb = change === 'correct' ? 'corrected' : 'removed';
  if (business.status === 'open')
    throw new Conflict(
      `The chair is taking “${report.title}” now, so it can no longer be ${verb}: what the meeting does with it is recorded under the title and sections it was taken with. Tell the chair of the mistake; the minutes can be corrected when they are approved.`,
    );
  throw new Conflict(
    `The chair has taken “${report.title}” and the meeting has received it, so it can no longer be ${verb}: its record stands in the minutes. A mistake in it is corrected when the minutes are approved.`,
  );
}
