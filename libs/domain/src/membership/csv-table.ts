import type { FieldErrors } from '../errors';
import { CsvRecord, isBlankCsvRecord, parseCsv } from './csv';

/**
 * The one row-validation piece behind every register import (members, bodies, officers): read the
 * CSV, check the header, check every cell and the uniqueness of keys within the file, and report
 * every problem at once, located as a spreadsheet user sees it (line 1 is the header).
 */

export interface CsvProblem {
  /** Spreadsheet row number; the header is line 1. */
  line: number;
  /** The column's name as the file should spell it, or `field <n>` where there is no such column. */
  column: string;
  message: string;
}

/** Checks one non-empty cell; answers the problem, or null when the value is fine. */
export type CellRule = (value: string) => string | null;

export interface CsvColumnSpec<K extends string> {
  name: K;
  required: boolean;
  /** Tidies the value before it is checked and kept, e.g. 'Full' to 'full'. */
  normalise?: (value: string) => string;
  rules?: CellRule[];
}

export interface CsvTableSpec<K extends string> {
  columns: readonly CsvColumnSpec<K>[];
  /** Columns whose values together may appear on one line of the file only. */
  uniqueKey?: { columns: readonly K[]; describe: (values: Record<K, string>) => string };
}

export interface CsvTableRow<K extends string> {
  line: number;
  values: Record<K, string>;
}

export interface CsvTableResult<K extends string> {
  rows: CsvTableRow<K>[];
  problems: CsvProblem[];
}

export function readCsvTable<K extends string>(text: string, spec: CsvTableSpec<K>): CsvTableResult<K> {
  const expected = spec.columns.map((column) => column.name);
  const { records, problems: syntax } = parseCsv(text);
  const problems: CsvProblem[] = [];
  const header = records[0];
  if (!header || isBlankCsvRecord(header)) {
    return {
      rows: [],
      problems: [
        {
          line: 1,
          column: 'header',
          message: `the file is empty; line 1 must be the header ${expected.join(',')}`,
        },
      ],
    };
  }

  const positions = readHeader(header, expected, problems);
  const fieldName = (fieldNumber: number): string =>
    header.fields[fieldNumber - 1] !== undefined
      ? normaliseCsvHeader(header.fields[fieldNumber - 1]) || `field ${fieldNumber}`
      : `field ${fieldNumber}`;
  for (const problem of syntax)
    problems.push({ line: problem.line, column: fieldName(problem.fieldNumber), message: problem.message });
  const linesWithSyntaxProblems = new Set(syntax.map((problem) => problem.line));

  const rows: CsvTableRow<K>[] = [];
  const everyRow: CsvTableRow<K>[] = [];
  for (const record of records.slice(1)) {
    if (isBlankCsvRecord(record) || linesWithSyntaxProblems.has(record.line)) continue;
    const before = problems.length;
    const row = readRow(record, header.fields.length, spec, positions, fieldName, problems);
    everyRow.push(row);
    if (problems.length === before) rows.push(row);
  }
  // Duplicates are looked for on every line, even one with other problems, so one pass names them all.
  if (spec.uniqueKey) findDuplicates(everyRow, spec.uniqueKey, problems);
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

/** 'Membership Number ' and 'MEMBERSHIP_NUMBER' both name membership_number. */
export function normaliseCsvHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function readHeader<K extends string>(
  header: CsvRecord,
  expected: readonly K[],
  problems: CsvProblem[],
): Map<K, number> {
  const positions = new Map<K, number>();
  const wanted = new Set<string>(expected);
  header.fields.forEach((raw, index) => {
    const name = normaliseCsvHeader(raw);
    if (!name) {
      problems.push({
        line: 1,
        column: `field ${index + 1}`,
        message: `has no column name; expected ${expected.join(',')}`,
      });
    } else if (!wanted.has(name)) {
      problems.push({
        line: 1,
        column: raw.trim(),
        message: `is not a column of this file; the columns are ${expected.join(',')}`,
      });
    } else if (positions.has(name as K)) {
      problems.push({
        line: 1,
        column: name,
        message: `appears twice in the header (fields ${positions.get(name as K)! + 1} and ${index + 1})`,
      });
    } else {
      positions.set(name as K, index);
    }
  });
  for (const name of expected) {
    if (!positions.has(name))
      problems.push({ line: 1, column: name, message: 'column is missing from the header' });
  }
  return positions;
}

function readRow<K extends string>(
  record: CsvRecord,
  headerWidth: number,
  spec: CsvTableSpec<K>,
  positions: Map<K, number>,
  fieldName: (fieldNumber: number) => string,
  problems: CsvProblem[],
): CsvTableRow<K> {
  if (record.fields.length > headerWidth) {
    problems.push({
      line: record.line,
      column: fieldName(headerWidth + 1),
      message: `the line has ${record.fields.length} fields but the header has ${headerWidth}; put values that contain commas in quotes`,
    });
  }
  const values = {} as Record<K, string>;
  for (const column of spec.columns) {
    const position = positions.get(column.name);
    // A column missing from the header is reported once, on line 1, not on every line.
    if (position === undefined) continue;
    const raw = record.fields[position];
    if (raw === undefined) {
      problems.push({
        line: record.line,
        column: column.name,
        message: `is missing: the line has ${record.fields.length} fields but the header has ${headerWidth}`,
      });
      continue;
    }
    const value = column.normalise ? column.normalise(raw.trim()) : raw.trim();
    values[column.name] = value;
    const problem =
      value === '' ? (column.required ? 'is required' : null) : firstProblem(value, column.rules ?? []);
    if (problem) problems.push({ line: record.line, column: column.name, message: problem });
  }
  return { line: record.line, values };
}

function firstProblem(value: string, rules: CellRule[]): string | null {
  for (const rule of rules) {
    const problem = rule(value);
    if (problem) return problem;
  }
  return null;
}

function findDuplicates<K extends string>(
  rows: CsvTableRow<K>[],
  key: NonNullable<CsvTableSpec<K>['uniqueKey']>,
  problems: CsvProblem[],
): void {
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const parts = key.columns.map((column) => row.values[column]);
    if (parts.some((part) => !part)) continue;
    // Keys compare without regard to case: 'n1234' and 'N1234' are one member to a person.
    const id = parts.map((part) => part.toLowerCase()).join('\u0000');
    const first = firstLine.get(id);
    if (first === undefined) {
      firstLine.set(id, row.line);
    } else {
      problems.push({
        line: row.line,
        column: key.columns[0],
        message: `${key.describe(row.values)} is on line ${first} and line ${row.line}; each may appear once`,
      });
    }
  }
}

/** The one error shape's `errors` map: `{ 'line 7, email': 'not an email address' }`. */
export function csvProblemsToFieldErrors(problems: readonly CsvProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { line, column, message } of problems) {
    const key = `line ${line}, ${column}`;
    errors[key] = errors[key] ? `${errors[key]}; ${message}` : message;
  }
  return errors;
}

/** A sentence for the whole refusal, e.g. "12 problems on 9 lines". */
export function describeCsvProblems(problems: readonly CsvProblem[]): string {
  const lines = new Set(problems.map((problem) => problem.line)).size;
  return `${problems.length} problem${problems.length === 1 ? '' : 's'} on ${lines} line${lines === 1 ? '' : 's'}`;
}

// Cell rules shared by the register files.

export const csvMaxLength =
  (limit: number): CellRule =>
  (value) =>
    value.length > limit ? `is ${value.length} characters long; at most ${limit}` : null;

/** The value must be one of `allowed`; short lists are named in the message so the fix is plain. */
export const csvOneOf = (allowed: Iterable<string>, what: string): CellRule => {
  const set = new Set(allowed);
  const hint = set.size > 0 && set.size <= 10 ? `; use one of ${[...set].join(', ')}` : '';
  return (value) => (set.has(value) ? null : `'${value}' is not a known ${what}${hint}`);
};

export const csvNoSpaces: CellRule = (value) => (/\s/.test(value) ? 'must not contain spaces' : null);

// Deliberately loose: one @, something before it, a dot in the domain, no spaces. Whether the address
// works is for the email to find out, not the import.
export const csvEmailShape: CellRule = (value) =>
  /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value) ? null : 'not an email address';

export const csvNonNegativeWholeNumber: CellRule = (value) =>
  /^\d{1,9}$/.test(value) ? null : 'must be a whole number, 0 or more';
