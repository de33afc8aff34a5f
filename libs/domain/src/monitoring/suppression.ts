/**
 * Small-cell suppression for any table of counts, so every monitoring report uses the same rule.
 *
 * Primary: every count under the threshold is suppressed (totals included).
 * Complementary: a published total is the sum of its line (row or column), so a line with exactly one
 * suppressed part would give that part away by subtraction. Such a line gets its next smallest part
 * suppressed too, or its total when no part is left; this is repeated until no line has exactly one.
 * What the hidden parts of a line add up to is always known (total minus the shown parts), so that sum
 * must not be 0: hidden parts summing to 0 say "nobody in this group gave these answers", and a shown
 * part equal to its total says "everyone in it gave this one" (a share of 0 or 1). A line whose hidden
 * parts add up to 0 gets more parts hidden, the same way. (A hidden sum of 1 or more, split between two
 * or more answers, gives no one's answer; requiring the threshold there hid most small AGMs' figures.)
 */
export interface CountTable {
  /** counts[row][column]; every row has the same length. */
  cells: number[][];
  /** The published total of each row (the sum of the row), or omitted when rows have no total. */
  rowTotals?: number[];
  /** The published total of each column, or omitted when columns have no total. */
  columnTotals?: number[];
  /** The total of the totals, or omitted. */
  grandTotal?: number;
}

export interface SuppressionPattern {
  cells: boolean[][];
  /** Same length as the table's rowTotals (empty when there are none). */
  rowTotals: boolean[];
  columnTotals: boolean[];
  grandTotal: boolean;
}

/** Margins already published by another report, e.g. the overall row of the same data without a breakdown. */
export type FixedMargins = Partial<Pick<SuppressionPattern, 'rowTotals' | 'columnTotals' | 'grandTotal'>>;

export interface SuppressionOptions {
  /** Places to hide whatever their count, e.g. a sub-count of a cell that is itself hidden. */
  alsoSuppress?: Partial<SuppressionPattern>;
  /**
   * Margins whose pattern is decided elsewhere and must be kept as given, so that two reports of the
   * same data never show a margin one way and hide it the other (which would let a reader combine them).
   * A fixed margin is never chosen as a complement; its line is protected through its parts instead.
   */
  fixedMargins?: FixedMargins;
}

/**
 * Suppresses a table. Counts need not be exact sums (distinct speakers are not additive across
 * sessions); treating every total as a sum only ever hides more.
 */
export function suppressSmallCounts(
  table: CountTable,
  threshold: number,
  options: SuppressionOptions = {},
): SuppressionPattern {
  const { alsoSuppress, fixedMargins } = options;
  const small = (n: number) => n < threshold;
  const margin = (counts: number[] | undefined, also: boolean[] | undefined, fixed: boolean[] | undefined) =>
    (counts ?? []).map((n, i) => fixed?.[i] ?? (small(n) || (also?.[i] ?? false)));
  const pattern: SuppressionPattern = {
    cells: table.cells.map((row, r) =>
      row.map((n, c) => small(n) || (alsoSuppress?.cells?.[r]?.[c] ?? false)),
    ),
    rowTotals: margin(table.rowTotals, alsoSuppress?.rowTotals, fixedMargins?.rowTotals),
    columnTotals: margin(table.columnTotals, alsoSuppress?.columnTotals, fixedMargins?.columnTotals),
    grandTotal:
      table.grandTotal !== undefined &&
      (fixedMargins?.grandTotal ?? (small(table.grandTotal) || (alsoSuppress?.grandTotal ?? false))),
  };
  const isFixed = (slot: Slot) =>
    (slot.kind === 'row' && fixedMargins?.rowTotals?.[slot.index] !== undefined) ||
    (slot.kind === 'column' && fixedMargins?.columnTotals?.[slot.index] !== undefined) ||
    (slot.kind === 'grand' && fixedMargins?.grandTotal !== undefined);
  const lines = tableLines(table);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) changed = protectLine(line, pattern, isFixed) || changed;
  }
  return pattern;
}

/** A place in the table: a cell, a row total, a column total or the grand total. */
type Slot =
  | { kind: 'cell'; row: number; column: number }
  | { kind: 'row'; index: number }
  | { kind: 'column'; index: number }
  | { kind: 'grand' };

interface Line {
  parts: { slot: Slot; count: number }[];
  total: Slot;
}

/** Every published sum in the table: rows, columns, and the margins against the grand total. */
export function tableLines(table: CountTable): Line[] {
  const lines: Line[] = [];
  const columnCount = table.cells[0]?.length ?? table.columnTotals?.length ?? 0;
  const cell = (row: number, column: number) => ({
    slot: { kind: 'cell', row, column } as Slot,
    count: table.cells[row][column],
  });
  if (table.rowTotals) {
    table.cells.forEach((row, r) =>
      lines.push({ parts: row.map((_, c) => cell(r, c)), total: { kind: 'row', index: r } }),
    );
  }
  if (table.columnTotals) {
    for (let c = 0; c < columnCount; c++) {
      lines.push({ parts: table.cells.map((_, r) => cell(r, c)), total: { kind: 'column', index: c } });
    }
  }
  if (table.grandTotal !== undefined && table.rowTotals) {
    lines.push({
      parts: table.rowTotals.map((count, index) => ({ slot: { kind: 'row', index }, count })),
      total: { kind: 'grand' },
    });
  }
  if (table.grandTotal !== undefined && table.columnTotals) {
    lines.push({
      parts: table.columnTotals.map((count, index) => ({ slot: { kind: 'column', index }, count })),
      total: { kind: 'grand' },
    });
  }
  return lines;
}

function protectLine(line: Line, pattern: SuppressionPattern, isFixed: (slot: Slot) => boolean): boolean {
  if (isSuppressed(pattern, line.total)) return false;
  const hidden = line.parts.filter((p) => isSuppressed(pattern, p.slot));
  if (!lineExposes(hidden.map((p) => p.count))) return false;
  const shown = line.parts.filter((p) => !isSuppressed(pattern, p.slot) && !isFixed(p.slot));
  // The smallest shown part costs the least information; the first one wins a tie, so output is stable.
  const partner = shown.reduce<(typeof shown)[number] | undefined>(
    (best, p) => (best === undefined || p.count < best.count ? p : best),
    undefined,
  );
  if (partner) setSuppressed(pattern, partner.slot);
  else if (!isFixed(line.total)) setSuppressed(pattern, line.total);
  // A line of one part whose total is fixed as shown: the part equals that published total already.
  else return false;
  return true;
}

/**
 * Whether a line with a shown total gives something away through its hidden parts: exactly one hidden
 * part (total minus the rest), or hidden parts whose known sum is 0 (nobody in the group gave any of
 * those answers, so a shown part may be the whole group: a share of 0 or 1).
 */
export function lineExposes(hiddenCounts: number[]): boolean {
  if (hiddenCounts.length === 0) return false;
  if (hiddenCounts.length === 1) return true;
  return hiddenCounts.every((n) => n === 0);
}

export function isSuppressed(pattern: SuppressionPattern, slot: Slot): boolean {
  switch (slot.kind) {
    case 'cell':
      return pattern.cells[slot.row][slot.column];
    case 'row':
      return pattern.rowTotals[slot.index];
    case 'column':
      return pattern.columnTotals[slot.index];
    case 'grand':
      return pattern.grandTotal;
  }
}

function setSuppressed(pattern: SuppressionPattern, slot: Slot): void {
  if (slot.kind === 'cell') pattern.cells[slot.row][slot.column] = true;
  else if (slot.kind === 'row') pattern.rowTotals[slot.index] = true;
  else if (slot.kind === 'column') pattern.columnTotals[slot.index] = true;
  else pattern.grandTotal = true;
}

export type { Slot as SuppressionSlot, Line as SuppressionLine };
