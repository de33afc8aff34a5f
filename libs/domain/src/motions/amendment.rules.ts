import { MotionKind, MotionStatus } from '../enums';
import { Forbidden, InvalidInput, StandingOrderViolation } from '../errors';
import { MotionActor } from './motion.types';

/**
 * [Napo] An amendment's text is delete/insert instructions or a full replacement, so the system can
 * show the motion as amended. It must be relevant, keep some of the original wording, and not be a
 * direct negative: the last two are assessed here as advice; the SOC or chair rules.
 */
export type AmendmentInstruction =
  | { op: 'delete'; text: string }
  /** Without `after`, the text is added at the end of the motion. */
  | { op: 'insert'; after?: string; text: string }
  | { op: 'replace'; from: string; to: string };

export type AmendmentText = { instructions: AmendmentInstruction[] } | { replacement: string };

export interface AmendableMotion {
  id: string;
  kind: MotionKind;
  status: MotionStatus;
}

/** The statuses in which a motion can still be amended: submitted and not yet debated or disposed of. */
const AMENDABLE: readonly MotionStatus[] = ['submitted', 'admitted', 'returned_for_editing', 'placed'];

const NOT_AMENDABLE_BECAUSE: Partial<Record<MotionStatus, string>> = {
  ruled_out_of_order: 'it has been ruled out of order',
  withdrawn: 'it has been withdrawn',
  composited: 'it has been composited; amend the composite instead',
  draft: 'it has not been submitted',
  debated: 'its debate has begun',
};

/** Refuses an amendment to a motion that is out of order, withdrawn, composited, decided, or itself an amendment. */
export function assertMayAmend(target: AmendableMotion): void {
  if (target.kind === 'amendment') {
    throw new StandingOrderViolation(
      'amendment-target',
      'An amendment cannot be amended; submit an amendment to the motion itself.',
    );
  }
  if (AMENDABLE.includes(target.status)) return;
  const because =
    NOT_AMENDABLE_BECAUSE[target.status] ??
    `it has already been decided (${target.status.replace(/_/g, ' ')})`;
  throw new StandingOrderViolation('amendment-target', `This motion cannot be amended: ${because}.`);
}

/** The motion's text as amended. Refuses an instruction whose words are not in the text, or are there more than once. */
export function applyAmendment(motionText: string, amendment: AmendmentText): string {
  if ('replacement' in amendment) return amendment.replacement.trim();
  if (amendment.instructions.length === 0) {
    throw new InvalidInput('An amendment needs at least one instruction, or a full replacement text.', {
      instructions: 'add an instruction',
    });
  }
  return amendment.instructions.reduce(
    (text, instruction, index) => applyInstruction(text, instruction, index + 1),
    motionText,
  );
}

function applyInstruction(text: string, instruction: AmendmentInstruction, n: number): string {
  switch (instruction.op) {
    case 'delete': {
      const at = locate(text, instruction.text, n, 'delete');
      return splice(text, at.start, at.end, '');
    }
    case 'insert': {
      requireWords(instruction.text, n, 'text');
      if (instruction.after === undefined)
        return splice(text, text.trimEnd().length, text.length, instruction.text.trim());
      const at = locate(text, instruction.after, n, 'insert after');
      return splice(text, at.end, at.end, instruction.text.trim());
    }
    case 'replace': {
      const at = locate(text, instruction.from, n, 'replace');
      return splice(text, at.start, at.end, instruction.to.trim());
    }
    default:
      throw new InvalidInput(`Instruction ${n} is neither delete, insert nor replace.`, {
        [`instructions.${n - 1}.op`]: 'must be delete, insert or replace',
      });
  }
}

/** Finds the one place the quoted words stand, whatever the spacing or line breaks between them. */
function locate(text: string, quoted: string, n: number, verb: string): { start: number; end: number } {
  requireWords(quoted, n, verb === 'insert after' ? 'after' : verb === 'replace' ? 'from' : 'text');
  const words = quoted.trim().split(/\s+/u);
  const body = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  // Whole words only: deleting "age" must not touch "wage".
  const open = /^[\p{L}\p{N}]/u.test(words[0]) ? '(?<![\\p{L}\\p{N}])' : '';
  const close = /[\p{L}\p{N}]$/u.test(words[words.length - 1]) ? '(?![\\p{L}\\p{N}])' : '';
  const pattern = new RegExp(open + body + close, 'gu');
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) {
    throw new InvalidInput(
      `Instruction ${n} (${verb}): the words "${quoted.trim()}" are not in the motion.`,
      {
        [`instructions.${n - 1}`]: 'quote the words exactly as they stand in the motion',
      },
    );
  }
  if (matches.length > 1) {
    throw new InvalidInput(
      `Instruction ${n} (${verb}): the words "${quoted.trim()}" appear ${matches.length} times in the motion.`,
      {
        [`instructions.${n - 1}`]: 'quote enough words to say which place is meant',
      },
    );
  }
  const start = matches[0].index ?? 0;
  return { start, end: start + matches[0][0].length };
}

function requireWords(value: string | undefined, n: number, field: string): void {
  if (!value || !value.trim()) {
    throw new InvalidInput(`Instruction ${n} has no words in '${field}'.`, {
      [`instructions.${n - 1}.${field}`]: 'must not be empty',
    });
  }
}

/** Replaces text[start, end) with the insertion, leaving one space between words and none before punctuation. */
function splice(text: string, start: number, end: number, insertion: string): string {
  let head = text.slice(0, start);
  let tail = text.slice(end);
  if (insertion === '') {
    if (/ $/.test(head) && (/^ /.test(tail) || /^[,.;:!?)]/.test(tail) || tail === ''))
      head = head.replace(/ +$/, '');
    if (head === '') tail = tail.replace(/^ +/, '');
    return head + tail;
  }
  const left = needsSpace(head.slice(-1), insertion[0]) ? ' ' : '';
  const right = needsSpace(insertion.slice(-1), tail[0]) ? ' ' : '';
  return head + left + insertion + right + tail;
}

function needsSpace(before: string | undefined, after: string | undefined): boolean {
  if (!before || !after) return false;
  return !/\s/u.test(before) && !/\s/u.test(after) && !/[,.;:!?)]/.test(after) && before !== '(';
}

/** Words that turn a motion into its opposite when they are all an amendment adds (or all it takes away). */
const NEGATORS = new Set([
  'not', 'no', 'never', 'neither', 'nor', 'does', 'do', 'did', "doesn't", "don't", "didn't", 'cannot', "can't", 'will', "won't",
  'reject', 'rejects', 'oppose', 'opposes', 'refuse', 'refuses', 'condemn', 'condemns', 'against',
]); // prettier-ignore

export interface AmendmentAssessment {
  /** Share of the original's wording (function words aside) kept, in order (0..1). */
  retainedShare: number;
  /** [Napo] an amendment must keep some of the original wording. */
  keepsOriginalWording: boolean;
  deletesEverything: boolean;
  /** Only negating words added (or only taken away), or the whole text deleted. */
  looksLikeDirectNegative: boolean;
  insertedWords: string[];
  deletedWords: string[];
  /** Plain-language notes for the SOC and the chair; advisory, not a ruling. */
  advisories: string[];
}

/** Compares the motion with the motion as amended, as advice for the SOC's or chair's ruling. */
export function assessAmendment(original: string, amended: string): AmendmentAssessment {
  const before = words(original);
  const after = words(amended);
  const kept = longestCommonSubsequence(before, after);
  const deletedWords = remainder(before, kept);
  const insertedWords = remainder(after, kept);
  // Only wording counts as kept: a replacement that happens to share "the" or "for" keeps nothing.
  const beforeWording = before.filter(isWording);
  const keptWording = kept.filter(isWording);
  const retainedShare =
    beforeWording.length > 0
      ? keptWording.length / beforeWording.length
      : before.length === 0
        ? 0
        : kept.length / before.length;
  const deletesEverything = before.length > 0 && retainedShare === 0;
  const looksLikeDirectNegative = deletesEverything || onlyNegates(insertedWords, deletedWords);
  const advisories: string[] = [];
  if (retainedShare === 0)
    advisories.push('It keeps none of the original wording; an amendment must keep some of it.');
  if (looksLikeDirectNegative) {
    advisories.push(
      'It looks like a direct negative; members who disagree can vote against the motion instead.',
    );
  }
  return {
    retainedShare,
    keepsOriginalWording: retainedShare > 0,
    deletesEverything,
    looksLikeDirectNegative,
    insertedWords,
    deletedWords,
    advisories,
  };
}

function onlyNegates(inserted: string[], deleted: string[]): boolean {
  // "agrees" → "does not agree": the verb's other form cancels out, leaving "does not".
  const ins = [...inserted];
  const del = [...deleted];
  for (let i = ins.length - 1; i >= 0; i--) {
    const j = del.findIndex((d) => stem(d) === stem(ins[i]));
    if (j >= 0) {
      ins.splice(i, 1);
      del.splice(j, 1);
    }
  }
  if (ins.length === 0) return del.length > 0 && del.every((w) => NEGATORS.has(w));
  // A negator may replace a verb and its particle ("agrees to prioritise" → "rejects"), but not a passage.
  return ins.every((w) => NEGATORS.has(w)) && del.length <= MAX_WORDS_A_NEGATOR_REPLACES;
}

const MAX_WORDS_A_NEGATOR_REPLACES = 3;

/** Function words, which on their own are no "original wording" kept. */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'as', 'that', 'this',
  'these', 'those', 'it', 'its', 'is', 'are', 'be', 'was', 'were', 'will', 'all', 'our', 'we', 'us',
]); // prettier-ignore

function isWording(word: string): boolean {
  return !FUNCTION_WORDS.has(word);
}

function stem(word: string): string {
  return word.replace(/s$/, '');
}

function words(text: string): string[] {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .split(/\s+/u)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((token) => token.length > 0);
}

/** The longest run of words both texts share in the same order (the wording the amendment keeps). */
function longestCommonSubsequence(a: string[], b: string[]): string[] {
  const table: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const common: string[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      common.push(a[i]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return common;
}

/** The words of `all` left over once the common subsequence is taken out, in order. */
function remainder(all: string[], common: string[]): string[] {
  const rest: string[] = [];
  let k = 0;
  for (const word of all) {
    if (k < common.length && word === common[k]) k++;
    else rest.push(word);
  }
  return rest;
}

export interface AmendmentRuling {
  amendmentId: string;
  ruling: 'admissible' | 'inadmissible';
  reason: string | null;
  who: string;
  when: Date;
}

/** The SOC (before the AGM) or the chair (in the hall) rules an amendment in or out; ruling it out needs a reason. */
export function ruleOnAmendment(
  amendmentId: string,
  decision: { admissible: boolean; reason?: string },
  actor: MotionActor,
  now: Date,
): AmendmentRuling {
  if (actor.role !== 'soc' && actor.role !== 'chair')
    throw new Forbidden('Only the SOC or the chair rules on an amendment.');
  const reason = decision.reason?.trim() || null;
  if (!decision.admissible && !reason) {
    throw new InvalidInput('Say why the amendment is inadmissible.', {
      reason: 'required when ruling an amendment inadmissible',
    });
  }
  return {
    amendmentId,
    ruling: decision.admissible ? 'admissible' : 'inadmissible',
    reason,
    who: actor.id,
    when: now,
  };
}
