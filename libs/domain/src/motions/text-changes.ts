/**
 * What an amendment changes, word by word, so a member sees the motion "as it would read if carried" with
 * the words taken out and put in marked (issue 18, item 6). Pure: the phone, the projector and the
 * motions screen all mark the same words.
 */
export interface TextChange {
  kind: 'kept' | 'deleted' | 'inserted';
  /** The words of this run, with the spacing that follows them in their own text. */
  text: string;
}

/**
 * Beyond this many word pairs the comparison is not worth its time (a table of a million cells): the
 * whole text is then shown as taken out and the new one as put in, which is still true.
 */
const MAX_PAIRS = 1_000_000;

/** Words with the whitespace after them, so runs put back together read as the texts did. */
function tokens(text: string): string[] {
  return text.match(/\S+\s*/gu) ?? [];
}

/**
 * The changes that turn `before` into `after`: the longest run of words both share in order is kept;
 * the rest is deleted (from `before`) or inserted (from `after`). At one place, what is taken out comes
 * before what is put in, as an amendment reads ("delete ... insert ...").
 */
export function textChanges(before: string, after: string): TextChange[] {
  const a = tokens(before);
  const b = tokens(after);
  const out: TextChange[] = [];
  const push = (kind: TextChange['kind'], text: string) => {
    const last = out.at(-1);
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  if (a.length * b.length > MAX_PAIRS) {
    if (a.length) push('deleted', a.join(''));
    if (b.length) push('inserted', b.join(''));
    return out;
  }
  const same = (i: number, j: number) => a[i].trimEnd() === b[j].trimEnd();
  // table[i][j]: words shared in order by a[i..] and b[j..].
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i][j] = same(i, j) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && same(i, j)) {
      push('kept', b[j]);
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && table[i + 1][j] >= table[i][j + 1])) {
      push('deleted', a[i++]);
    } else {
      push('inserted', b[j++]);
    }
  }
  return out;
}
