import { useEffect, useRef, useState } from 'react';
import type { ReportCreateDto, ReportResponseDto, ReportUpdateDto } from '@agm/contracts';
import { del, post, put } from '../api';
import { Outcome, RowButton, useForm } from '../forms';
import { InputField, useAction } from '../ui';
import { ReportsOnAgenda } from '../reports/ReportsOnAgenda';
import { useReports } from '../reports/useReports';

type Section = { key: string; title: string };
const blank = (n: number): Section => ({ key: String(n), title: '' });
const sectionCount = (n: number) => `${n} section${n === 1 ? '' : 's'}`;

/**
 * Reports to conference (issue 19): the SOC puts a report on the order of business with its sections as
 * the report numbers them, so a delegate may move to refer back any one section and the chair can take it
 * (docs/debate.md "Reference back"). The list shows what the meeting has done with each report so far; a
 * report still to come may be corrected (the same form, filled in) or removed, after a confirmation. Once
 * the chair has taken it, its record stands in the minutes, and the list says so.
 */
export function ReportsCard({ conferenceId, revision }: { conferenceId: string; revision: string }) {
  const [changes, setChanges] = useState(0);
  const reports = useReports(conferenceId, `${revision}:${changes}`);
  const [correcting, setCorrecting] = useState<ReportResponseDto | null>(null);
  const [removing, setRemoving] = useState<ReportResponseDto | null>(null);
  // What the last correction or removal did, said where the card says it (the forms' own say what adding did).
  const [notice, setNotice] = useState<string | null>(null);
  const removal = useAction();
  const top = useRef<HTMLHeadingElement>(null);
  const base = `/api/conferences/${conferenceId}/reports`;
  /** The list is read again and the focus goes back to the card's heading, the buttons it was on being gone. */
  const finished = (message: string | null) => {
    setNotice(message);
    setChanges((n) => n + 1);
    top.current?.focus();
  };
  const startCorrecting = (report: ReportResponseDto) => {
    setNotice(null);
    setRemoving(null);
    setCorrecting(report);
  };
  const startRemoving = (report: ReportResponseDto) => {
    setNotice(null);
    setRemoving(report);
  };
  const remove = (report: ReportResponseDto) =>
    void removal.run(async () => {
      await del(`${base}/${report.id}`);
      setRemoving(null);
      if (correcting?.id === report.id) setCorrecting(null);
      finished(`${report.title} is no longer on the order of business.`);
    });

  return (
    <section className="card" aria-labelledby="reports">
      <h2 id="reports" ref={top} tabIndex={-1}>
        Reports to conference
      </h2>
      {reports && reports.length === 0 && <p className="muted">No report is on the order of business yet.</p>}
      <ReportsOnAgenda
        reports={reports}
        actions={(report) =>
          report.status !== 'to_come' ? (
            <p className="hint">
              The chair has taken it, so it can no longer be corrected or removed: its record stands in the minutes.
            </p>
          ) : removing?.id === report.id ? (
            <div className="alert warn" role="group" aria-label={`Remove ${report.title}?`}>
              <p>
                Remove <strong>{report.title}</strong> from the order of business? Delegates will no longer see it and
                the chair cannot take it.
              </p>
              <div className="button-row">
                <button type="button" className="primary" disabled={removal.busy} onClick={() => remove(report)}>
                  Yes, remove {report.title}
                </button>
                <button type="button" disabled={removal.busy} onClick={() => setRemoving(null)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <div className="button-row">
              <RowButton action="Correct" target={report.title} onClick={() => startCorrecting(report)} />
              <RowButton action="Remove" target={report.title} disabled={removal.busy} onClick={() => startRemoving(report)} />
            </div>
          )
        }
      />
      <Outcome of={{ error: removal.error, done: notice }} />
      {correcting ? (
        <ReportForm
          key={correcting.id}
          heading={`Correct ${correcting.title}`}
          submitLabel="Save the correction"
          initial={correcting}
          save={async (body) => {
            const report = await put<ReportResponseDto>(`${base}/${correcting.id}`, {
              ...body,
              expectedVersion: correcting.version,
            } satisfies ReportUpdateDto);
            setCorrecting(null);
            finished(`${report.title} is corrected, with ${sectionCount(report.sections.length)}.`);
            return report;
          }}
          onCancel={() => {
            setCorrecting(null);
            top.current?.focus();
          }}
        />
      ) : (
        <ReportForm
          key="add"
          heading="Add a report"
          submitLabel="Add the report"
          save={async (body) => {
            const report = await post<ReportResponseDto>(base, body);
            finished(null);
            return report;
          }}
          done={(report) => `${report.title} is on the order of business with ${sectionCount(report.sections.length)}; the chair can take it.`}
        />
      )}
    </section>
  );
}

/**
 * A report's title and numbered sections: empty to add one, filled in to correct one. The api's refusals
 * are shown at their fields (`title`, `sections.<n>.key`).
 */
function ReportForm(props: {
  heading: string;
  submitLabel: string;
  /** The report being corrected: the form opens filled in with it, and takes the focus. */
  initial?: { title: string; sections: Section[] };
  save: (body: ReportCreateDto) => Promise<ReportResponseDto>;
  done?: (report: ReportResponseDto) => string;
  onCancel?: () => void;
}) {
  const form = useForm();
  const [title, setTitle] = useState(props.initial?.title ?? '');
  const [sections, setSections] = useState<Section[]>(props.initial?.sections.map((s) => ({ ...s })) ?? [blank(1)]);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = props.initial ? 'correct-report' : 'add-report';
  const correcting = !!props.initial;
  useEffect(() => {
    if (correcting) heading.current?.focus();
  }, [correcting]);
  const edit = (index: number, field: keyof Section, value: string) =>
    setSections((all) => all.map((s, i) => (i === index ? { ...s, [field]: value } : s)));
  const submit = form.onSubmit(async () => {
    const report = await props.save({
      title: title.trim(),
      sections: sections.map((s) => ({ key: s.key.trim(), title: s.title.trim() })),
    });
    // Added: the form is empty again for the next report. Corrected: the card closes the form.
    if (!correcting) {
      setTitle('');
      setSections([blank(1)]);
    }
    return report;
  }, props.done);
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {props.heading}
      </h3>
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
      <div className="button-row">
        <button type="submit" className="primary" disabled={form.busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" disabled={form.busy} onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
