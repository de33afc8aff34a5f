import { InvalidInput, Conflict } from '../errors';
import { parseResolutionsBooklet } from '../motions/resolutions-booklet';

/**
 * The resolution register: what an AGM decided, carried into the union's work year by year.
 * A resolution is numbered within its year ("Resolution 12" of 2025), as the booklet numbers it and as
 * the operational plans cite it.
 */
export const RESOLUTION_STATUSES = ['not_started', 'in_progress', 'completed', 'superseded', 'rescinded', 'not_pursued'] as const;
export type ResolutionStatus = (typeof RESOLUTION_STATUSES)[number];

export const RESOLUTION_STATUS_WORDS: Record<ResolutionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
  superseded: 'Superseded',
  rescinded: 'Rescinded',
  not_pursued: 'Not pursued',
};

/** A later resolution's effect on an earlier one. */
export const RESOLUTION_LINK_KINDS = ['supersedes', 'rescinds'] as const;
export type ResolutionLinkKind = (typeof RESOLUTION_LINK_KINDS)[number];

/** Statuses that close a resolution's work: no report is due for them. */
const CLOSED: readonly ResolutionStatus[] = ['completed', 'superseded', 'rescinded', 'not_pursued'];
/** Statuses a person must explain: the register is the union's record of why policy was not carried out. */
const NEEDS_REASON: readonly ResolutionStatus[] = ['superseded', 'rescinded', 'not_pursued'];
/** Statuses only a later resolution sets, so the link is never missing (head office links, the status follows). */
const SET_BY_LINK: Partial<Record<ResolutionStatus, ResolutionLinkKind>> = { superseded: 'supersedes', rescinded: 'rescinds' };

export function isOpenResolution(status: ResolutionStatus): boolean {
  return !CLOSED.includes(status);
}

export interface ResolutionRef {
  id: string;
  year: number;
  number: number;
  status: ResolutionStatus;
}

/** "Resolution 12 (2025)": how a person names a resolution outside its year's own documents. */
export function resolutionName(r: { year: number; number: number }): string {
  return `Resolution ${r.number} (${r.year})`;
}

/**
 * Head office sets a status by hand. Superseded and rescinded follow from a later resolution's link
 * (so both ends always show it); not pursued needs the reason in words.
 */
export function assertStatusChange(current: ResolutionStatus, next: ResolutionStatus, reason: string | null | undefined): void {
  const byLink = SET_BY_LINK[next];
  if (byLink && current !== next) {
    throw new InvalidInput(`A resolution becomes ${RESOLUTION_STATUS_WORDS[next].toLowerCase()} when a later resolution ${byLink} it: link the later resolution to this one instead.`, {
      status: `Link the later resolution (it ${byLink} this one); the status follows.`,
    });
  }
  if (NEEDS_REASON.includes(next) && !reason?.trim()) {
    throw new InvalidInput(`Say why the resolution is ${RESOLUTION_STATUS_WORDS[next].toLowerCase()}: the register records the reason.`, {
      statusReason: 'Give the reason in a sentence.',
    });
  }
}

/**
 * A later resolution supersedes or rescinds an earlier one. Earlier means an earlier year, or the same
 * year with a lower number; a resolution already superseded or rescinded cannot be again.
 */
export function assertLink(later: ResolutionRef, earlier: ResolutionRef, kind: ResolutionLinkKind): void {
  if (later.id === earlier.id) throw new InvalidInput('A resolution cannot supersede or rescind itself.', { earlierId: 'Choose an earlier resolution.' });
  const isEarlier = earlier.year < later.year || (earlier.year === later.year && earlier.number < later.number);
  if (!isEarlier) {
    throw new InvalidInput(`${resolutionName(later)} is not later than ${resolutionName(earlier)}: only a later resolution ${kind} an earlier one.`, {
      earlierId: 'Choose a resolution of an earlier year, or of the same year with a lower number.',
    });
  }
  if (earlier.status === 'superseded' || earlier.status === 'rescinded') {
    throw new Conflict(`${resolutionName(earlier)} is already ${RESOLUTION_STATUS_WORDS[earlier.status].toLowerCase()}.`);
  }
}

/** The status and the reason an earlier resolution takes from the later one's link. */
export function statusFromLink(later: { year: number; number: number }, kind: ResolutionLinkKind): { status: ResolutionStatus; reason: string } {
  return kind === 'supersedes'
    ? { status: 'superseded', reason: `Superseded by ${resolutionName(later)}.` }
    : { status: 'rescinded', reason: `Rescinded by ${resolutionName(later)}.` };
}

/**
 * The resolutions due a report at a meeting (the NEC's, say): every open resolution with no progress
 * reported since the previous meeting, those whose target date has come first.
 */
export function dueForReport<T extends { status: ResolutionStatus; latestProgressOn: string | null; targetDate: string | null; year: number; number: number }>(
  resolutions: readonly T[],
  sinceDate: string,
): T[] {
  return resolutions
    .filter((r) => isOpenResolution(r.status) && (r.latestProgressOn === null || r.latestProgressOn < sinceDate))
    .sort((a, b) => (a.targetDate ?? '9999') .localeCompare(b.targetDate ?? '9999') || a.year - b.year || a.number - b.number);
}

/** A resolution read from a past year's booklet. */
export interface ImportedResolution {
  number: number;
  title: string;
  text: string;
  sectionHeading: string;
  movedBy: string[];
}

/**
 * Reads a past year's resolutions booklet (the 2025 layout: headings, "N. Title", paragraphs, an optional
 * "Proposer:" line) into the register's rows. A resolution without a proposer line was moved by its
 * section's committee, whose name is the heading.
 */
export function resolutionsFromBooklet(text: string): ImportedResolution[] {
  const booklet = parseResolutionsBooklet(text);
  const found = booklet.sections.flatMap((section) =>
    section.resolutions.map((r) => ({
      number: r.number,
      title: r.title,
      text: r.text,
      sectionHeading: section.heading,
      movedBy: r.proposer ? r.proposer.split(/,\s*|\s+and\s+/).filter(Boolean) : section.heading ? [titleCase(section.heading)] : [],
    })),
  );
  if (found.length === 0) {
    throw new InvalidInput('No resolutions found: a booklet lists them as "1. Title" under capitalised section headings, a blank line between paragraphs.', {
      text: 'Paste the booklet as plain text.',
    });
  }
  // The parser takes a number only when it follows on, so each appears once.
  return found;
}

/** "HEALTH AND SAFETY COMMITTEE" → "Health and Safety Committee". */
export function titleCase(heading: string): string {
  const small = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', 'a']);
  return heading
    .toLowerCase()
    .split(/\s+/)
    .map((word, i) => (i > 0 && small.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

/**
 * At the close of the AGM the carried motions become resolutions, numbered as the booklet numbers them
 * (section by section in the order of business). A year's second conference (a special conference)
 * carries on after the year's last number, so "Resolution N of YEAR" is always one resolution.
 */
export function numberNewResolutions<T extends { number: number }>(bookletResolutions: readonly T[], lastNumberOfYear: number): Array<T & { registerNumber: number }> {
  return [...bookletResolutions].sort((a, b) => a.number - b.number).map((r, i) => ({ ...r, registerNumber: lastNumberOfYear + i + 1 }));
}

/**
 * Who reports progress on a resolution: head office, and its owner — the officer named, or an officer
 * of the owning body (the NEC, a committee).
 */
export function mayReportProgress(
  person: { kind: string; accountId?: string; isHeadOffice?: boolean; officerOf?: string[] },
  resolution: { ownerAccountId: string | null; ownerBodyId: string | null },
): boolean {
  if (person.kind !== 'account') return false;
  if (person.isHeadOffice) return true;
  if (resolution.ownerAccountId && resolution.ownerAccountId === person.accountId) return true;
  return !!resolution.ownerBodyId && (person.officerOf ?? []).includes(resolution.ownerBodyId);
}
