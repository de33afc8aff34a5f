import { useEffect, useState } from 'react';
import type { BodyResponseDto, RegistrationJobResponseDto } from '@agm/contracts';
import { ApiError, get, post } from '../../api';
import { CheckboxGroup, useForm } from '../../forms';
import { ErrorAlert, Field, SelectField } from '../../ui';
import { categoryText } from './labels';
import { JobProgress } from './JobProgress';
import { ModeChoice } from './ModeChoice';
import { ProblemList } from './ProblemList';

type Scope = 'everyone' | 'categories' | 'bodies' | 'file';
const SCOPES: Array<readonly [Scope, string]> = [
  ['everyone', 'Everyone who may attend'],
  ['categories', 'Members of some categories'],
  ['bodies', 'Members of some branches or bodies'],
  ['file', 'The membership numbers in a CSV file'],
];

/**
 * Many members in one action: a job registers them on the server, emails each code and reports its
 * progress, polled here until it finishes. Members already registered are left as they are.
 */
export function BulkRegister({ base, onProgress }: { base: string; onProgress: () => void }) {
  const [scope, setScope] = useState<Scope>('everyone');
  const [mode, setMode] = useState<'hall' | 'remote'>('remote');
  const [categories, setCategories] = useState<string[]>([]);
  const [bodyIds, setBodyIds] = useState<string[]>([]);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [job, setJob] = useState<RegistrationJobResponseDto | null>(null);
  const [problems, setProblems] = useState<Record<string, string> | undefined>();
  const options = useSelectionOptions(base);
  const form = useForm();
  const start = () =>
    form.submit(async () => {
      setProblems(undefined);
      try {
        setJob(
          await post<RegistrationJobResponseDto>(`${base}/registrations/bulk`, {
            attendanceMode: mode,
            ...(scope === 'categories' ? { categories } : {}),
            ...(scope === 'bodies' ? { bodyIds } : {}),
            ...(scope === 'file' ? { membershipNumbersCsv: file?.text ?? '' } : {}),
          }),
        );
      } catch (e) {
        if (!(e instanceof ApiError) || scope !== 'file') throw e;
        // The lines go in the list below; the alert keeps the sentence.
        setProblems(e.errors);
        throw new ApiError(e.statusCode, e.message);
      }
    });
  return (
    <section className="card" aria-labelledby="bulk">
      <h2 id="bulk">Register members in bulk</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <SelectField label="Who" value={scope} options={SCOPES} onChange={(v) => setScope(v as Scope)} />
        {scope === 'categories' && (
          <CheckboxGroup
            legend="Categories"
            options={options.categories.map((c) => [c, categoryText(c)] as const)}
            chosen={categories}
            onChange={setCategories}
            error={form.errorFor('categories')}
          />
        )}
        {scope === 'bodies' && (
          <CheckboxGroup
            legend="Branches and bodies"
            options={options.bodies.map((b) => [b.id, b.name] as const)}
            chosen={bodyIds}
            onChange={setBodyIds}
            error={form.errorFor('bodyIds')}
          />
        )}
        {scope === 'file' && (
          <Field label="CSV file of membership numbers" hint="Line 1 is the header, then one number a line.">
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
        )}
        <ModeChoice name="bulk-mode" mode={mode} onChange={setMode} legend="They attend" />
        <ErrorAlert error={form.error} />
        <ProblemList errors={problems} />
        <button
          type="submit"
          className="primary"
          disabled={form.busy || job?.state === 'running' || (scope === 'file' && !file)}
        >
          Register and email their codes
        </button>
      </form>
      {job && <JobProgress base={base} initial={job} onChange={onProgress} />}
    </section>
  );
}

/** The categories that may attend (from the ruleset in force) and the register's bodies, for the filters. */
function useSelectionOptions(base: string) {
  const [categories, setCategories] = useState<string[]>([]);
  const [bodies, setBodies] = useState<BodyResponseDto[]>([]);
  useEffect(() => {
    get<{ ruleset: { categories: Record<string, { mayAttend: boolean }> } }>(`${base}/ruleset`).then(
      (r) => setCategories(Object.keys(r.ruleset.categories).filter((c) => r.ruleset.categories[c].mayAttend)),
      () => undefined,
    );
    get<BodyResponseDto[]>('/api/membership/bodies').then(
      (all) => setBodies(all.filter((b) => b.kind !== 'joint_members')),
      () => undefined,
    );
  }, [base]);
  return { categories, bodies };
}
