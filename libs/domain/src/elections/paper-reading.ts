/**
 * How a teller reads a hall ballot paper into the entry form, before it is sent (docs/elections.md
 * "Entering the hall's papers"). Pure, with no imports, so the web client runs it as the teller types.
 *
 * A ranked paper counts as far as its numbers run unbroken from 1 (1, 2, 3…): the same number on two
 * candidates, or a number missed, ends the preferences there. Tellers do not decide that for the paper:
 * the form refuses it, says where the break is, and leaves the choice to enter it up to the break, or to
 * set it aside for the returning officer. A first-past-the-post paper with more marks than seats is void.
 */
export type PaperReading = { ok: true; order: string[] } | { ok: false; message: string };

const UP_TO_BREAK =
  'A paper counts only as far as its numbers run unbroken (1, 2, 3…): enter the preferences before the break and leave the rest blank, or set the paper aside for the returning officer.';

/** Numbers keyed against each candidate (blank for none) → the candidates' ids, most preferred first. */
export function readRankedPaper(candidates: ReadonlyArray<{ id: string; name: string }>, keyed: Readonly<Record<string, string>>): PaperReading {
  const byNumber = new Map<number, string[]>();
  for (const c of candidates) {
    const text = (keyed[c.id] ?? '').trim();
    if (!text) continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > candidates.length)
      return { ok: false, message: `${c.name}: “${text}” is not a preference. Key 1 to ${candidates.length}, or leave the box blank.` };
    byNumber.set(n, [...(byNumber.get(n) ?? []), c.name]);
  }
  if (byNumber.size === 0) return { ok: false, message: 'Nothing is keyed. Key the numbers as the paper shows them, 1 for the first choice.' };
  const order: string[] = [];
  const highest = Math.max(...byNumber.keys());
  for (let n = 1; n <= highest; n++) {
    const named = byNumber.get(n);
    if (!named) {
      return {
        ok: false,
        message:
          n === 1
            ? 'No candidate has 1: the paper shows no first choice. Set it aside for the returning officer; do not enter it.'
            : `No candidate has ${n}, but one has ${highest}. ${UP_TO_BREAK}`,
      };
    }
    if (named.length > 1) {
      const both = `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]} both have ${n}.`;
      return {
        ok: false,
        message: n === 1 ? `${both} The paper shows no single first choice. Set it aside for the returning officer; do not enter it.` : `${both} ${UP_TO_BREAK}`,
      };
    }
    order.push(candidates.find((c) => c.name === named[0])!.id);
  }
  return { ok: true, order };
}

/** The candidates marked on a first-past-the-post paper, in ballot order. */
export function readMarkedPaper(candidates: ReadonlyArray<{ id: string; name: string }>, marked: ReadonlySet<string>, seats: number): PaperReading {
  const order = candidates.filter((c) => marked.has(c.id)).map((c) => c.id);
  if (order.length === 0) return { ok: false, message: 'No candidate is marked. Mark the candidates as the paper shows them; a blank paper is set aside, not entered.' };
  if (order.length > seats)
    return {
      ok: false,
      message: `The paper has ${order.length} marks and there ${seats === 1 ? 'is 1 seat' : `are ${seats} seats`}: it is void. Set it aside for the returning officer; do not enter it.`,
    };
  return { ok: true, order };
}
