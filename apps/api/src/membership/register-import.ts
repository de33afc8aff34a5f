import { InvalidInput } from '@agm/domain';
import { CsvProblem, csvProblemsToFieldErrors, describeCsvProblems } from '@agm/domain/membership';

/** The body of an import request: the CSV file itself, sent as text/csv. */
export function requireCsvText(body: unknown): string {
  if (typeof body !== 'string') {
    throw new InvalidInput(
      'Send the file itself as the request body, with the header Content-Type: text/csv.',
      {
        body: 'must be CSV text (Content-Type: text/csv)',
      },
    );
  }
  return body;
}

/** All or nothing: one problem anywhere refuses the whole file, and every problem is named. */
export function refuseIfProblems(problems: readonly CsvProblem[], rowCount: number, what: string): void {
  if (problems.length > 0) {
    throw new InvalidInput(
      `The ${what} file was not imported: ${describeCsvProblems(problems)}. Nothing was changed; fix them and send the whole file again.`,
      csvProblemsToFieldErrors(problems),
    );
  }
  if (rowCount === 0) {
    throw new InvalidInput(`The ${what} file has a header but no rows; nothing was imported.`, {
      'line 2': `the file has no ${what} rows`,
    });
  }
}
