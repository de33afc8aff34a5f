import { useState } from 'react';
import type { RegisterImportResultDto } from '@agm/contracts';
import { ApiError, postCsv } from '../../api';
import { Done, ErrorAlert, Field, useAction } from '../../ui';
import { ProblemList } from './ProblemList';

/**
 * The membership register from the union's CSV export, as the API and the CLI take it: all or nothing,
 * and a refused file's problems listed line by line, in the API's own words.
 */
export function RegisterImport({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [problems, setProblems] = useState<Record<string, string> | undefined>();
  const action = useAction();
  return (
    <section className="card" aria-labelledby="import">
      <h2 id="import">Import the membership register</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          void action.run(
            async () => {
              setProblems(undefined);
              try {
                const result = await postCsv<RegisterImportResultDto>('/api/membership/members/import', file.text);
                onDone();
                return result;
              } catch (error) {
                if (!(error instanceof ApiError)) throw error;
                // The lines go in the list below; the alert keeps the sentence.
                setProblems(error.errors);
                throw new ApiError(error.statusCode, error.message);
              }
            },
            (r) => `${file.name}: ${r.imported} new members, ${r.updated} updated.`,
          );
        }}
      >
        <p className="hint">
          Line 1 of the file is the header <code>membership_number, name, email, category, branch_code</code>.
          The email may be empty: that member&apos;s code goes by letter.
        </p>
        <Field label="Members CSV file">
          {(id, describedBy) => (
            <input
              id={id}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={describedBy}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (chosen) void chosen.text().then((text) => setFile({ name: chosen.name, text }));
              }}
            />
          )}
        </Field>
        <ErrorAlert error={action.error} />
        <ProblemList errors={problems} />
        <Done message={action.done} />
        <button type="submit" disabled={action.busy || !file}>
          Import
        </button>
      </form>
    </section>
  );
}
