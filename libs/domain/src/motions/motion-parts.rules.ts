import { InvalidInput } from '../errors';

/**
 * A motion taken in parts (issue 19, item 4): on a request from the floor, the chair divides the motion
 * now before the meeting (as amended so far) into named passages of its text, each put to its own vote.
 * What is left of the text outside the passages named is a part of its own, "the rest of the motion".
 * The motion then reads as the parts carried; with every operative part lost, the motion is lost.
 *
 * Pure: the debate engine records the division and decides the outcome with these.
 */

/** A part as the chair names it: a label ("Paragraph 3"), the passage word for word, and whether it is operative. */
export interface MotionPartRequest {
  label: string;
  text: string;
  /** Operative: what the conference resolves, instructs or calls for (not a "notes" or "believes"). */
  operative: boolean;
}

/** A part as recorded: where its words stand in the text (the rest of the motion may stand in several places). */
export interface MotionPart {
  partId: string;
  label: string;
  /** The words of the part; for the rest of the motion, its passages joined with " … ". */
  text: string;
  operative: boolean;
  /** [start, end) offsets in the motion's text, in order. */
  ranges: Array<[number, number]>;
  /** True for the part made of the text outside the passages named. */
  rest: boolean;
}

export type PartOutcome = 'carried' | 'lost';

export const REST_OF_THE_MOTION = 'The rest of the motion';
const MAX_PARTS = 20;
/** Text with no letter or digit in it (punctuation, spaces, bullets) is not a part of its own. */
const WORDS = /[\p{L}\p{N}]/u;

/**
 * Divides the motion's text into the parts named, plus the rest of the motion when words are left over.
 * Each passage must stand in the text exactly once (word for word), and passages must not overlap: the
 * meeting must know exactly which words each vote is on. Two parts at least, and one operative part.
 */
export function divideMotion(text: string, requested: readonly MotionPartRequest[], restOperative = true): MotionPart[] {
  if (requested.length === 0)
    throw new InvalidInput('Name at least one part of the motion to take separately.', { parts: 'name at least one part' });
  if (requested.length > MAX_PARTS)
    throw new InvalidInput(`A motion is taken in at most ${MAX_PARTS} parts.`, { parts: `at most ${MAX_PARTS}` });
  const placed = requested.map((part, index) => {
    const field = `parts.${index}`;
    const label = part.label.trim() || `Part ${index + 1}`;
    const passage = part.text.trim();
    if (!WORDS.test(passage))
      throw new InvalidInput(`${label}: give its words, as they stand in the motion.`, { [`${field}.text`]: 'required' });
    const start = text.indexOf(passage);
    if (start < 0)
      throw new InvalidInput(
        `${label}: “${clip(passage)}” is not in the motion as it now stands; copy its words exactly.`,
        { [`${field}.text`]: 'not in the motion' },
      );
    if (text.indexOf(passage, start + 1) >= 0)
      throw new InvalidInput(
        `${label}: “${clip(passage)}” stands more than once in the motion; include enough words to tell which.`,
        { [`${field}.text`]: 'stands more than once' },
      );
    return { label, operative: part.operative, start, end: start + passage.length, field };
  });
  const labels = new Set<string>();
  for (const p of placed) {
    if (labels.has(p.label.toLowerCase()))
      throw new InvalidInput(`Two parts are called “${p.label}”; give each its own name.`, { [`${p.field}.label`]: 'used twice' });
    labels.add(p.label.toLowerCase());
  }
  const inOrder = [...placed].sort((a, b) => a.start - b.start);
  for (let i = 1; i < inOrder.length; i++) {
    if (inOrder[i].start < inOrder[i - 1].end)
      throw new InvalidInput(`${inOrder[i - 1].label} and ${inOrder[i].label} overlap; each word of the motion is voted on once.`, {
        [`${inOrder[i].field}.text`]: `overlaps ${inOrder[i - 1].label}`,
      });
  }
  // The words outside every passage named: the rest of the motion, a part of its own.
  const gaps: Array<[number, number]> = [];
  let at = 0;
  for (const p of inOrder) {
    if (p.start > at) gaps.push([at, p.start]);
    at = p.end;
  }
  if (at < text.length) gaps.push([at, text.length]);
  const restRanges = gaps.map(([s, e]) => trimRange(text, s, e)).filter(([s, e]) => WORDS.test(text.slice(s, e)));
  const pieces: Array<Omit<MotionPart, 'partId'>> = inOrder.map((p) => ({
    label: p.label,
    text: text.slice(p.start, p.end),
    operative: p.operative,
    ranges: [[p.start, p.end]],
    rest: false,
  }));
  if (restRanges.length > 0) {
    if (labels.has(REST_OF_THE_MOTION.toLowerCase()))
      throw new InvalidInput(`“${REST_OF_THE_MOTION}” names the words outside the parts; call your part something else.`, { parts: 'label reserved' });
    pieces.push({
      label: REST_OF_THE_MOTION,
      text: restRanges.map(([s, e]) => text.slice(s, e)).join(' … '),
      operative: restOperative,
      ranges: restRanges,
      rest: true,
    });
  }
  if (pieces.length < 2)
    throw new InvalidInput('A part naming the whole motion is the motion itself: name at least two parts, or leave words for the rest of the motion.', {
      parts: 'at least two parts',
    });
  if (!pieces.some((p) => p.operative))
    throw new InvalidInput('Mark at least one part as operative (what the conference resolves or instructs): a motion with no operative part decides nothing.', {
      parts: 'at least one operative part',
    });
  // Numbered in the order the motion reads, the rest of the motion last: the order the parts are put.
  return pieces.map((p, index) => ({ partId: `part-${index + 1}`, ...p }));
}

/**
 * The motion as carried: its text without the words of the parts lost. Where a passage is cut out, the
 * spaces either side close up (a line break stays a line break), so the text reads as the parts carried.
 */
export function textOfPartsCarried(text: string, parts: readonly MotionPart[], outcomes: Readonly<Record<string, PartOutcome>>): string {
  const cuts = parts
    .filter((p) => outcomes[p.partId] === 'lost')
    .flatMap((p) => p.ranges)
    .sort((a, b) => a[0] - b[0]);
  if (cuts.length === 0) return text;
  const kept: string[] = [];
  let at = 0;
  for (const [start, end] of cuts) {
    kept.push(text.slice(at, start));
    at = Math.max(at, end);
  }
  kept.push(text.slice(at));
  return kept.reduce((joined, piece) => closeUp(joined, piece)).trim();
}

/** Joins two pieces across a cut: one space, or the wider line break either side (at most a blank line). */
function closeUp(left: string, right: string): string {
  const l = left.replace(/[ \t]+$/, '');
  const r = right.replace(/^[ \t]+/, '');
  // The wider of the two separators the passage stood between: a line break, a blank line, or a space.
  const breaks = Math.min(2, Math.max(l.match(/\n*$/)?.[0].length ?? 0, r.match(/^\n*/)?.[0].length ?? 0));
  const a = l.replace(/\n+$/, '');
  const b = r.replace(/^\n+/, '');
  if (a === '' || b === '') return a + b;
  return a + (breaks > 0 ? '\n'.repeat(breaks) : ' ') + b;
}

/**
 * The motion's outcome once every part is decided: lost when every operative part is lost, otherwise
 * carried (in the parts carried). null while a part is still to be voted on.
 */
export function outcomeOfParts(parts: readonly MotionPart[], outcomes: Readonly<Record<string, PartOutcome>>): PartOutcome | null {
  if (parts.some((p) => outcomes[p.partId] === undefined)) return null;
  return parts.some((p) => p.operative && outcomes[p.partId] === 'carried') ? 'carried' : 'lost';
}

/** "Carried: Paragraph 1, The rest of the motion. Lost: Paragraph 3." for the minutes and the outcome's reason. */
export function partsInWords(parts: readonly MotionPart[], outcomes: Readonly<Record<string, PartOutcome>>): string {
  const carried = parts.filter((p) => outcomes[p.partId] === 'carried').map((p) => p.label);
  const lost = parts.filter((p) => outcomes[p.partId] === 'lost').map((p) => p.label);
  return [carried.length ? `carried: ${carried.join(', ')}` : null, lost.length ? `lost: ${lost.join(', ')}` : null]
    .filter(Boolean)
    .join('; ');
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

function clip(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 59)}…`;
}
