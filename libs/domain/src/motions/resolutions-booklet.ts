import { MotionStatus } from '../enums';
import { InvalidInput } from '../errors';

/**
 * The resolutions booklet published after the AGM (DOMAIN.md "Documents"): carried motions renumbered
 * "Resolution N" under their section headings, with "Proposer: X Branch" where the proposer is not the
 * section's own committee. The format is that of Napo's 2025 booklet:
 *
 *   RESOLUTIONS                 title
 *   Eastbourne and Hybrid 2025  subtitle
 *   HEALTH AND SAFETY COMMITTEE section heading (capitals, a paragraph of its own)
 *   1. Workload Stress ...      resolution number and title
 *   This AGM notes ...          paragraphs, bullets ("- ") and blank lines, kept as they are
 *   Proposer: London Branch     optional last paragraph
 *
 * with a blank line between paragraphs.
 */
export interface BookletResolutionText {
  number: number;
  title: string;
  text: string;
  proposer?: string;
}

export interface ParsedBooklet {
  title: string;
  subtitle: string | null;
  sections: { heading: string; resolutions: BookletResolutionText[] }[];
  /** Lines that belong to no resolution (after a heading but before its first resolution, or extra front matter). */
  unplaced: string[];
}

const NUMBERED = /^(\d+)\.\s+(\S.*)$/;
const PROPOSER = /^Proposers?:\s*(\S.*)$/;

/** Reads a booklet's plain text. The caller reads the file; this only parses. */
export function parseResolutionsBooklet(text: string): ParsedBooklet {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  const blank = (i: number) => i < 0 || i >= lines.length || lines[i].trim() === '';
  const isHeadingAt = (i: number) => blank(i - 1) && blank(i + 1) && looksLikeHeading(lines[i].trim());

  const booklet: ParsedBooklet = { title: '', subtitle: null, sections: [], unplaced: [] };
  const firstNumbered = lines.findIndex((line, i) => NUMBERED.test(line.trim()) && blank(i - 1));
  const headingsBeforeFirst = lines
    .map((_, i) => i)
    .filter((i) => (firstNumbered < 0 || i < firstNumbered) && isHeadingAt(i));
  // The first capitals line is the booklet's title only when a section heading follows it.
  const titleAt = headingsBeforeFirst.length >= 2 ? headingsBeforeFirst[0] : -1;
  if (titleAt >= 0) booklet.title = lines[titleAt].trim();

  let section: ParsedBooklet['sections'][number] | null = null;
  let current: { number: number; title: string; lines: string[] } | null = null;
  let lastNumber: number | null = null;
  let headingSinceLast = false;
  const finish = () => {
    if (current && section) section.resolutions.push(finishResolution(current));
    current = null;
  };

  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (i === titleAt) return;
    if (trimmed === '') {
      current?.lines.push('');
      return;
    }
    if (isHeadingAt(i) && i > titleAt) {
      finish();
      section = { heading: trimmed, resolutions: [] };
      booklet.sections.push(section);
      headingSinceLast = true;
      return;
    }
    const numbered = NUMBERED.exec(trimmed);
    if (numbered && blank(i - 1) && isNextResolution(Number(numbered[1]), lastNumber, headingSinceLast)) {
      finish();
      if (!section) {
        section = { heading: '', resolutions: [] };
        booklet.sections.push(section);
      }
      current = { number: Number(numbered[1]), title: numbered[2].trim(), lines: [] };
      lastNumber = current.number;
      headingSinceLast = false;
      return;
    }
    if (current) current.lines.push(line);
    else if (!section && booklet.subtitle === null && titleAt >= 0) booklet.subtitle = trimmed;
    else booklet.unplaced.push(trimmed);
  });
  finish();
  return booklet;
}

/** A numbered line starts the next resolution when it follows on; a section may start after a gap. */
function isNextResolution(n: number, last: number | null, headingSinceLast: boolean): boolean {
  if (last === null) return true;
  return n === last + 1 || (headingSinceLast && n > last);
}

function looksLikeHeading(line: string): boolean {
  return (
    line.length <= 100 &&
    /\p{Lu}.*\p{Lu}/u.test(line) &&
    !/\p{Ll}/u.test(line) &&
    !NUMBERED.test(line) &&
    !/^[-•*]/.test(line) &&
    !/[.:;,]$/.test(line)
  );
}

function finishResolution(draft: { number: number; title: string; lines: string[] }): BookletResolutionText {
  const lines = trimBlankLines(draft.lines);
  const last = lines[lines.length - 1]?.trim() ?? '';
  const proposer = PROPOSER.exec(last);
  // Only a paragraph of its own at the end names the proposer.
  if (proposer && (lines.length === 1 || lines[lines.length - 2].trim() === '')) {
    return {
      number: draft.number,
      title: draft.title,
      text: trimBlankLines(lines.slice(0, -1)).join('\n'),
      proposer: proposer[1].trim(),
    };
  }
  return { number: draft.number, title: draft.title, text: lines.join('\n') };
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end);
}

/** A section of the booklet: the committee heading motions are grouped under, and the committee that owns it. */
export interface BookletSectionInput {
  id: string;
  heading: string;
  /** The section's own committee; a resolution it proposed carries no proposer line. */
  ownerBodyId: string | null;
}

export interface CarriedMotionForBooklet {
  motionId: string;
  sectionId: string;
  title: string;
  /** The text as carried (as amended, for a motion carried as amended). */
  text: string;
  status: MotionStatus;
  /** The submitting bodies, in order (a composite has several). */
  proposers: { bodyId: string; name: string }[];
}

export interface BookletResolution {
  number: number;
  motionId: string;
  title: string;
  text: string;
  /** Names of proposers other than the section's committee; empty when the committee proposed it. */
  proposers: string[];
}

export interface BookletModel {
  title: string;
  subtitle: string | null;
  sections: { heading: string; resolutions: BookletResolution[] }[];
}

const CARRIED: readonly MotionStatus[] = ['carried', 'carried_as_amended'];

/**
 * Renumbers the carried motions "Resolution 1..N" in section order (motions in the order given within a
 * section). Sections with nothing carried are left out.
 */
export function buildBookletModel(
  carriedMotions: readonly CarriedMotionForBooklet[],
  sections: readonly BookletSectionInput[],
  front: { title?: string; subtitle?: string | null } = {},
): BookletModel {
  const notCarried = carriedMotions.filter((m) => !CARRIED.includes(m.status));
  if (notCarried.length > 0) {
    throw new InvalidInput(
      `Only carried motions go in the resolutions booklet: ${notCarried.map((m) => `"${m.title}" is ${m.status.replace(/_/g, ' ')}`).join(', ')}.`,
    );
  }
  const known = new Set(sections.map((s) => s.id));
  const homeless = carriedMotions.filter((m) => !known.has(m.sectionId));
  if (homeless.length > 0)
    throw new InvalidInput(
      `These motions are in no section of the booklet: ${homeless.map((m) => `"${m.title}"`).join(', ')}.`,
    );

  let number = 0;
  const built = sections.map((section) => ({
    heading: section.heading,
    resolutions: carriedMotions
      .filter((m) => m.sectionId === section.id)
      .map((m) => ({
        number: ++number,
        motionId: m.motionId,
        title: m.title.trim(),
        text: m.text.trim(),
        proposers: [
          ...new Set(m.proposers.filter((p) => p.bodyId !== section.ownerBodyId).map((p) => p.name)),
        ],
      })),
  }));
  return {
    title: front.title ?? 'RESOLUTIONS',
    subtitle: front.subtitle ?? null,
    sections: built.filter((s) => s.resolutions.length > 0),
  };
}

/** The booklet as plain text, in the format `parseResolutionsBooklet` reads. */
export function renderBookletText(model: BookletModel): string {
  const out: string[] = [model.title, ''];
  if (model.subtitle) out.push(model.subtitle, '');
  for (const section of model.sections) {
    out.push(section.heading, '');
    for (const resolution of section.resolutions) {
      out.push(`${resolution.number}. ${resolution.title}`, '');
      if (resolution.text) out.push(resolution.text, '');
      if (resolution.proposers.length > 0) out.push(`${proposerLabel(resolution.proposers)}`, '');
    }
  }
  return out.join('\n').trimEnd() + '\n';
}

function proposerLabel(names: string[]): string {
  if (names.length === 1) return `Proposer: ${names[0]}`;
  return `Proposers: ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
