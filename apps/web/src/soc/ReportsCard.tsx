import { useState } from 'react';
import type { ReportCreateDto, ReportResponseDto } from '@agm/contracts';
import { post } from '../api';
import { Outcome, RowButton, useForm } from '../forms';
import { InputField } from '../ui';
import { ReportsOnAgenda } from '../reports/ReportsOnAgenda';
import { useReports } from '../reports/useReports';

type Section = { key: string; title: string };
const blank = (n: number): Section => ({ key: String(n), title: '' });

/**
 * Reports to conference (issue 19): the SOC puts a report on the order of business with its sections as
 * the report numbers them, so a delegate may move to refer back any one section and the chair can take it
 * (docs/debate.md "Reference back"). The list shows what the meeting has done with each report so far.
 */
export function ReportsCard({ conferenceId, revision }: { conferenceId: string; revision: string }) {
  const [added, setAdded] = useState(0);
  const reports = useReports(conferenceId, `${revision}:${added}`);
  return (
    <section className="card" aria-labelledby="reports">
      <h2 id="reports">Reports to conference</h2>
      {reports && reports.length === 0 && <p className="muted">No report is on the order of business yet.</p>}
      <ReportsOnAgenda reports={reports} />
      <AddReport conferenceId={conferenceId} onAdded={() => setAdded((n) => n + 1)} />
    </section>
  );
}

function AddReport({ conferenceId, onAdded }: { conferenceId: string; onAdded: () => void }) {
  const form = useForm();
  const [title, setTitle] = useState('');
  const [sections, setSections] = useState<Section[]>([blank(1)]);
  const edit = (index: number, field: keyof Section, value: string) =>
    setSections((all) => all.map((s, i) => (i === index ? { ...s, [field]: value } : s)));
  const add = form.onSubmit(
    async () => {
      const body: ReportCreateDto = {
        title: title.trim(),
        sections: sections.map((s) => ({ key: s.key.trim(), title: s.title.trim() })),
      };
      const report = await post<ReportResponseDto>(`/api/conferences/${conferenceId}/reports`, body);
      setTitle('');
      setSections([blank(1)]);
      onAdded();
      return report;
    },
    (report) =>
      `${report.title} is on the order of business with ${report.sections.length} section${report.sections.length === 1 ? '' : 's'}; the chair can take it.`,
  );
  return (
    <form onSubmit={add} noValidate aria-labelledby="add-report">
      <h3 id="add-report">Add a report</h3>
      <InputField
        label="Title of the report"
        hint="As the agenda prints it, e.g. NEC Annual Report"
        error={form.errorFor('title')}
        maxLength={200}
        value={title}
        onChange={setTitle}
      />
      <fieldset>
        <legend>Its sections (any one may be referred back)</legend>
        {sections.map((s, index) => (
          <div key={index} className="inline-form" data-testid="report-section">
            <InputField
              label={`Section ${index + 1}: number`}
              error={form.errorFor(`sections.${index}.key`)}
              maxLength={20}
              size={4}
              value={s.key}
              onChange={(v) => edit(index, 'key', v)}
            />
            <InputField
              label={`Section ${index + 1}: title`}
              error={form.errorFor(`sections.${index}.title`)}
              maxLength={200}
              value={s.title}
              onChange={(v) => edit(index, 'title', v)}
            />
            {sections.length > 1 && (
              <RowButton
                action="Remove"
                target={`section ${index + 1}`}
                disabled={form.busy}
                onClick={() => setSections((all) => all.filter((_, i) => i !== index))}
              />
            )}
          </div>
        ))}
        <button
          type="button"
          disabled={form.busy || sections.length >= 100}
          onClick={() => setSections((all) => [...all, blank(all.length + 1)])}
        >
          Add another section
        </button>
      </fieldset>
      <Outcome of={form} />
      <button type="submit" className="primary" disabled={form.busy}>
        Add the report
      </button>
    </form>
  );
}
