import { csvMaxLength, csvNoSpaces, readCsvTable, type CsvProblem } from './csv-table';

/**
 * A CSV of membership numbers for a bulk registration: a header `membership_number` and one number a
 * line. Checked like every register file (line 1 is the header, each problem named at its line), then the
 * caller adds a problem at each line whose number the register does not hold or whose member may not attend.
 */
export function readMembershipNumbersCsv(text: string): { rows: Array<{ line: number; membershipNumber: string }>; problems: CsvProblem[] } {
  const { rows, problems } = readCsvTable(text, {
    columns: [{ name: 'membership_number', required: true, rules: [csvNoSpaces, csvMaxLength(32)] }],
    uniqueKey: { columns: ['membership_number'], describe: (values) => `membership number ${values.membership_number}` },
  });
  return { problems, rows: rows.map(({ line, values }) => ({ line, membershipNumber: values.membership_number })) };
}
