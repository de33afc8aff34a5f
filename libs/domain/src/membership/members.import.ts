import {
  CsvProblem,
  CsvTableSpec,
  csvEmailShape,
  csvMaxLength,
  csvNoSpaces,
  csvOneOf,
  readCsvTable,
} from './csv-table';

export const MEMBER_CSV_COLUMNS = ['membership_number', 'name', 'email', 'category', 'branch_code'] as const;
export type MemberCsvColumn = (typeof MEMBER_CSV_COLUMNS)[number];

export interface MemberImportRow {
  line: number;
  membershipNumber: string;
  name: string;
  email: string;
  category: string;
  branchCode: string;
}

export interface MemberImportContext {
  /** Category codes in force: the keys of the ruleset's `categories`. */
  categories: Iterable<string>;
  /** Codes of the branches already on the system. */
  branchCodes: Iterable<string>;
}

export interface RegisterImportCheck<Row> {
  rows: Row[];
  problems: CsvProblem[];
}

/** 'Professional Associate' in a spreadsheet means the category professional_associate. */
export const memberCategoryCode = (value: string): string => value.toLowerCase().replace(/[\s-]+/g, '_');

export function memberCsvSpec(context: MemberImportContext): CsvTableSpec<MemberCsvColumn> {
  return {
    columns: [
      { name: 'membership_number', required: true, rules: [csvNoSpaces, csvMaxLength(32)] },
      { name: 'name', required: true, rules: [csvMaxLength(200)] },
      // Optional: a member without an address gets their access code by letter (docs/registration.md).
      { name: 'email', required: false, rules: [csvMaxLength(254), csvEmailShape] },
      {
        name: 'category',
        required: true,
        normalise: memberCategoryCode,
        rules: [csvOneOf(context.categories, 'membership category')],
      },
      {
        name: 'branch_code',
        required: true,
        rules: [csvOneOf(context.branchCodes, 'branch code; import the branch with the bodies file first')],
      },
    ],
    uniqueKey: {
      columns: ['membership_number'],
      describe: (values) => `membership number ${values.membership_number}`,
    },
  };
}

/** Reads and checks the whole membership register; rows are returned only for lines with no problem. */
export function checkMembersCsv(
  text: string,
  context: MemberImportContext,
): RegisterImportCheck<MemberImportRow> {
  const { rows, problems } = readCsvTable(text, memberCsvSpec(context));
  return {
    problems,
    rows: rows.map(({ line, values }) => ({
      line,
      membershipNumber: values.membership_number,
      name: values.name,
      email: values.email,
      category: values.category,
      branchCode: values.branch_code,
    })),
  };
}
