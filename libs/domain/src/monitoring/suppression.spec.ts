import fc from 'fast-check';
import { CountTable, isSuppressed, suppressSmallCounts, SuppressionPattern, tableLines } from './suppression';

/** What an attacker can do with a published table: solve every line that has one unknown, repeatedly. */
function recoverBySubtraction(table: CountTable, pattern: SuppressionPattern): string[] {
  const known = (slot: Parameters<typeof isSuppressed>[1]) =>
    !isSuppressed(pattern, slot) || recovered.has(JSON.stringify(slot));
  const recovered = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const line of tableLines(table)) {
      const unknown = line.parts.filter((p) => !known(p.slot));
      if (known(line.total) && unknown.length === 1) {
        recovered.add(JSON.stringify(unknown[0].slot));
        progress = true;
      }
    }
  }
  return [...recovered];
}

function withTotals(
  cells: number[][],
  margins: { rows: boolean; columns: boolean; grand: boolean },
): CountTable {
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = cells[0].map((_, c) => cells.reduce((sum, row) => sum + row[c], 0));
  return {
    cells,
    ...(margins.rows ? { rowTotals } : {}),
    ...(margins.columns ? { columnTotals } : {}),
    ...(margins.grand ? { grandTotal: rowTotals.reduce((a, b) => a + b, 0) } : {}),
  };
}

describe('small-cell suppression', () => {
  it('suppresses every count under the threshold, totals included', () => {
    const pattern = suppressSmallCounts({ cells: [[4, 5, 0]], rowTotals: [9] }, 5);
    // 4 and 0 are under 5; two cells are hidden, so neither can be got by subtraction (9 - 5 = 4 = 4 + 0).
    expect(pattern.cells).toEqual([[true, false, true]]);
    expect(pattern.rowTotals).toEqual([false]);
  });

  it('hides the next smallest cell when one hidden cell could be worked out from the total', () => {
    // 24 - 12 - 9 would give back the 3; the 9 is the smallest other cell, so it goes too.
    const pattern = suppressSmallCounts({ cells: [[3, 12, 9]], rowTotals: [24] }, 5);
    expect(pattern.cells).toEqual([[true, false, true]]);
    expect(pattern.rowTotals).toEqual([false]);
  });

  it('hides the total when the hidden cell has no neighbour to pair with', () => {
    const pattern = suppressSmallCounts(
      { cells: [[3]], rowTotals: [3], columnTotals: [3], grandTotal: 3 },
      5,
    );
    expect(pattern).toEqual({ cells: [[true]], rowTotals: [true], columnTotals: [true], grandTotal: true });
    const single = suppressSmallCounts({ cells: [[2], [20]], rowTotals: [2, 20], columnTotals: [22] }, 5);
    // Column: 22 - 20 = 2 would give the hidden cell back, so the 20 goes, and then its row total too.
    expect(single.cells).toEqual([[true], [true]]);
    expect(single.rowTotals).toEqual([true, true]);
  });

  it('follows a complementary cell into its column as well', () => {
    //            a   b   c  | total
    //           [2, 10,  8] | 20    row 0: the 2 is alone, 8 is the smallest partner -> hidden
    //           [9,  7, 11] | 27    column a: the 2 is alone -> 9 hidden; column c: the 8 is alone -> 11 hidden
    // totals:   11, 17, 19  | 47    row 1 now has two hidden (9, 11), so column b keeps 10 and 7
    const table = withTotals(
      [
        [2, 10, 8],
        [9, 7, 11],
      ],
      { rows: true, columns: true, grand: true },
    );
    const pattern = suppressSmallCounts(table, 5);
    expect(pattern.cells).toEqual([
      [true, false, true],
      [true, false, true],
    ]);
    expect(recoverBySubtraction(table, pattern)).toEqual([]);
  });

  it('hides more on request, e.g. a sub-count of a hidden cell', () => {
    const pattern = suppressSmallCounts({ cells: [[6, 7, 8]], rowTotals: [21] }, 5, {
      alsoSuppress: { cells: [[false, false, true]] },
    });
    expect(pattern.cells).toEqual([[true, false, true]]);
  });

  it('keeps margins fixed by another report as they are, and protects their lines through the cells', () => {
    // The overall row [3, 12, 9 | 24] alone hides the 3 and the 9 (the 9 as its complement).
    const overall = suppressSmallCounts({ cells: [[3, 12, 9]], rowTotals: [24] }, 5);
    expect(overall.cells[0]).toEqual([true, false, true]);
    // Broken down into two sessions ([1, 6, 4] and [2, 6, 5]) the overall row stays exactly as published;
    // session 2's lone 2 is protected by its smallest shown neighbour, the 5, never by an overall figure.
    const table = withTotals(
      [
        [1, 6, 4],
        [2, 6, 5],
      ],
      { rows: true, columns: true, grand: true },
    );
    const pattern = suppressSmallCounts(table, 5, {
      fixedMargins: { columnTotals: overall.cells[0], grandTotal: overall.rowTotals[0] },
    });
    expect(pattern.columnTotals).toEqual(overall.cells[0]);
    expect(pattern.cells[1][2]).toBe(true);
    expect(recoverBySubtraction(table, pattern)).toEqual([]);
  });

  it('keeps a fixed margin unchanged and still leaves nothing to subtraction (property)', () => {
    const tables = fc.record({
      rows: fc.integer({ min: 2, max: 5 }),
      columns: fc.integer({ min: 1, max: 5 }),
      threshold: fc.integer({ min: 1, max: 6 }),
      seed: fc.array(fc.nat({ max: 25 }), { minLength: 25, maxLength: 25 }),
    });
    fc.assert(
      fc.property(tables, ({ rows, columns, threshold, seed }) => {
        const cells = Array.from({ length: rows }, (_, r) =>
          Array.from({ length: columns }, (_, c) => seed[r * 5 + c]),
        );
        const table = withTotals(cells, { rows: true, columns: true, grand: true });
        const overall = suppressSmallCounts(
          { cells: [table.columnTotals!], rowTotals: [table.grandTotal!] },
          threshold,
        );
        const fixedMargins = { columnTotals: overall.cells[0], grandTotal: overall.rowTotals[0] };
        const pattern = suppressSmallCounts(table, threshold, { fixedMargins });
        expect(pattern.columnTotals).toEqual(fixedMargins.columnTotals);
        expect(pattern.grandTotal).toBe(fixedMargins.grandTotal);
        expect(recoverBySubtraction(table, pattern)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('never leaves a suppressed cell that total minus the other shown cells of its row or column gives back', () => {
    const tables = fc.record({
      rows: fc.integer({ min: 1, max: 5 }),
      columns: fc.integer({ min: 1, max: 5 }),
      margins: fc.record({ rows: fc.boolean(), columns: fc.boolean(), grand: fc.boolean() }),
      threshold: fc.integer({ min: 1, max: 6 }),
      seed: fc.array(fc.nat({ max: 25 }), { minLength: 25, maxLength: 25 }),
    });
    fc.assert(
      fc.property(tables, ({ rows, columns, margins, threshold, seed }) => {
        const cells = Array.from({ length: rows }, (_, r) =>
          Array.from({ length: columns }, (_, c) => seed[r * 5 + c]),
        );
        const table = withTotals(cells, margins);
        const pattern = suppressSmallCounts(table, threshold);
        cells.forEach((row, r) =>
          row.forEach((n, c) => n < threshold && expect(pattern.cells[r][c]).toBe(true)),
        );
        expect(recoverBySubtraction(table, pattern)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
