import { suppressSmallCounts, SuppressionPattern } from './suppression';

/**
 * One suppression plan for everything a monitor can ask about one measure (speakers, attendees...):
 * the overall row and every one-way breakdown (session, section, motion, role, attendance mode) at once.
 *
 * Suppressing each response on its own is not enough: remote women (2, hidden in the remote response)
 * are the overall women (7) minus the hall women (5), each shown in its own response. So the plan is
 * computed once from all the data, whatever was asked, and every response (report, filtered report,
 * breakdown, live event, CSV, PDF) reads its cells from it. A row of a breakdown is the same row as the
 * report filtered to that group, so both show exactly the same cells.
 *
 * How: the overall row is suppressed on its own (so it reads the same in every response); then each
 * breakdown is suppressed as a table whose rows are its groups and whose column totals are the overall
 * row, kept fixed. Every group of a breakdown is in its table even when nobody in it spoke (a remote
 * group with no remote speaker still holds the remote attendees), and rows that no response shows by
 * themselves (attendees with no attendance mode) are in it as hidden rows, so every column adds up.
 * Breakdowns do not constrain each other: each one's columns add up to the overall row, which is fixed.
 */
export interface PlanBreakdown {
  /** The group keys, one per row of `cells`. */
  keys: (string | null)[];
  /** cells[group][category] */
  cells: number[][];
  /** Each group's total over its categories. */
  totals: number[];
  /** Rows that are never published by themselves: their cells are hidden from the start. */
  unpublished?: boolean[];
}

export interface PlanMeasure {
  overall: number[];
  overallTotal: number;
  breakdowns: Record<string, PlanBreakdown>;
}

export interface PlanRow {
  cells: boolean[];
  total: boolean;
}

export interface MeasurePlan {
  overall: PlanRow;
  breakdowns: Record<string, { keys: (string | null)[]; rows: PlanRow[] }>;
}

export interface PlanOptions {
  /** A measure counting a subset of another (first-time speakers of speakers) hides what its parent hides. */
  parent?: MeasurePlan;
  /** Hide every category cell whatever its count (the attendee profile before it is fixed); totals stay. */
  hideCategories?: boolean;
}

export function planMeasure(measure: PlanMeasure, threshold: number, options: PlanOptions = {}): MeasurePlan {
  const { parent, hideCategories = false } = options;
  const overallPattern = suppressSmallCounts(
    { cells: [measure.overall], rowTotals: [measure.overallTotal] },
    threshold,
    {
      alsoSuppress: {
        cells: [measure.overall.map((_, c) => hideCategories || (parent?.overall.cells[c] ?? false))],
        rowTotals: [parent?.overall.total ?? false],
      },
    },
  );
  const overall: PlanRow = { cells: overallPattern.cells[0], total: overallPattern.rowTotals[0] };
  const breakdowns: MeasurePlan['breakdowns'] = {};
  for (const [dimension, table] of Object.entries(measure.breakdowns)) {
    const parentRows = parent?.breakdowns[dimension];
    const parentRow = (key: string | null) => parentRows?.rows[parentRows.keys.indexOf(key)];
    const pattern: SuppressionPattern = suppressSmallCounts(
      {
        cells: table.cells,
        rowTotals: table.totals,
        columnTotals: measure.overall,
        grandTotal: measure.overallTotal,
      },
      threshold,
      {
        alsoSuppress: {
          cells: table.cells.map((row, r) =>
            row.map(
              (_, c) =>
                hideCategories ||
                (table.unpublished?.[r] ?? false) ||
                (parentRow(table.keys[r])?.cells[c] ?? false),
            ),
          ),
          rowTotals: table.keys.map((key) => parentRow(key)?.total ?? false),
        },
        fixedMargins: { columnTotals: overall.cells, grandTotal: overall.total },
      },
    );
    breakdowns[dimension] = {
      keys: table.keys,
      rows: table.keys.map((_, r) => ({ cells: pattern.cells[r], total: pattern.rowTotals[r] })),
    };
  }
  return { overall, breakdowns };
}

/** The plan's row for one group of a breakdown; a group with no data at all shows nothing. */
export function planRow(plan: MeasurePlan, dimension: string, key: string | null): PlanRow {
  const breakdown = plan.breakdowns[dimension];
  const index = breakdown ? breakdown.keys.indexOf(key) : -1;
  if (!breakdown || index < 0) return hiddenRow(plan.overall.cells.length);
  return breakdown.rows[index];
}

export function hiddenRow(categories: number): PlanRow {
  return { cells: Array.from({ length: categories }, () => true), total: true };
}
