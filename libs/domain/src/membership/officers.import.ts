import { CsvTableSpec, csvMaxLength, csvOneOf, readCsvTable } from './csv-table';
import type { RegisterImportCheck } from './members.import';

export const OFFICER_CSV_COLUMNS = ['body_code', 'membership_number', 'office'] as const;
export type OfficerCsvColumn = (typeof OFFICER_CSV_COLUMNS)[number];

export interface OfficerImportRow {
  line: number;
  bodyCode: string;
  membershipNumber: string;
  office: string;
}

export interface OfficerImportContext {
  /** Codes of the bodies already on the system. */
  bodyCodes: Iterable<string>;
  /** Membership numbers already on the register. */
  membershipNumbers: Iterable<string>;
}

export function officerCsvSpec(context: OfficerImportContext): CsvTableSpec<OfficerCsvColumn> {
  return {
    columns: [
      {
        name: 'body_code',
        required: true,
        rules: [csvOneOf(context.bodyCodes, 'body code; import the body with the bodies file first')],
      },
      {
        name: 'membership_number',
        required: true,
        rules: [
          csvOneOf(context.membershipNumbers, 'membership number; import the member with the register first'),
        ],
      },
      { name: 'office', required: true, rules: [csvMaxLength(100)] },
    ],
    uniqueKey: {
      columns: ['body_code', 'membership_number', 'office'],
      describe: (values) => `${values.membership_number} as ${values.office} of ${values.body_code}`,
    },
  };
}

export function checkOfficersCsv(
  text: string,
  context: OfficerImportContext,
): RegisterImportCheck<OfficerImportRow> {
  const { rows, problems } = readCsvTable(text, officerCsvSpec(context));
  return {
    problems,
    rows: rows.map(({ line, values }) => ({
      line,
      bodyCode: values.body_code,
      membershipNumber: values.membership_number,
      office: values.office,
    })),
  };
}
