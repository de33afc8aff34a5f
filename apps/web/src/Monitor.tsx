import { useEffect, useState } from 'react';
import type { MonitoringFormResponseDto, SpeakerReportResponseDto } from '@agm/contracts';
import { get } from './api';
import { DocumentLinks } from './Documents';
import { ErrorAlert, Field, Frame, LiveSection, useLiveConference } from './ui';
import { QuorumFigure } from './views';

/** Types the api documents in docs/monitoring.md (SpeakerReportGroup in @agm/domain); duplicated here as types only. */
interface Cell {
  value: number | null;
  flag: 'shown' | 'suppressed';
}
interface CategoryRow {
  category: string;
  label: string;
  speakers: Cell;
  speeches: Cell;
  speakingSeconds: Cell;
  attendees: Cell;
  speakerShare: Cell;
  attendeeShare: Cell;
  representationRatio: Cell;
}
interface Group {
  categories: CategoryRow[];
  total: { speakers: Cell; speeches: Cell; attendees: Cell };
}

const cell = (c: Cell | undefined, digits = 0, percent = false) =>
  !c || c.flag === 'suppressed' || c.value === null
    ? 'not shown'
    : percent
      ? `${(c.value * 100).toFixed(0)}%`
      : c.value.toFixed(digits);

/** Equality monitors: live speaker statistics in aggregate, small numbers suppressed, and the full report. */
export function Monitor({ conferenceId }: { conferenceId: string }) {
  const { state } = useLiveConference(conferenceId);
  const [questions, setQuestions] = useState<Array<{ code: string; label: string }>>([]);
  const [question, setQuestion] = useState('');
  const [report, setReport] = useState<SpeakerReportResponseDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/conferences/${conferenceId}/monitoring`;
  useEffect(() => {
    get<MonitoringFormResponseDto>(`${base}/questions`).then(
      (form) => setQuestions(form.questions.map((q) => ({ code: q.code, label: q.label }))),
      () => undefined,
    );
  }, [conferenceId]);
  const chosen = question || questions[0]?.code || '';
  const liveRevision = state.monitoring?.speechesCounted ?? -1;
  useEffect(() => {
    if (!chosen) return;
    get<SpeakerReportResponseDto>(`${base}/report?question=${encodeURIComponent(chosen)}`).then(
      (r) => (setReport(r), setError(null)),
      (e: Error) => setError(e.message),
    );
  }, [chosen, liveRevision]);
  const overall = report?.overall as unknown as Group | undefined;
  return (
    <Frame conferenceId={conferenceId} role="Monitoring statistics" state={state} wide>
      <div className="grid two">
        <LiveSection state={state} title="Speeches counted">
          <p className="figure" data-testid="speeches-counted">
            <span className="number">
              {report?.speechesCounted ?? state.monitoring?.speechesCounted ?? 0}
            </span>{' '}
            speeches counted
          </p>
          <p className="muted">
            Released in batches of {report?.suppressionThreshold ?? 5}. Not shown: too few to keep answers
            private (any figure under {report?.suppressionThreshold ?? 5}, any figure that others would give
            away by subtraction, and any share of 0% or 100%). Attendee figures appear once the AGM opens and
            the answers are fixed.
          </p>
        </LiveSection>
        <LiveSection state={state} title="Attendance">
          <QuorumFigure state={state} />
        </LiveSection>
      </div>
      <section className="card" aria-labelledby="report-heading">
        <h2 id="report-heading">Speakers against registered attendees</h2>
        {questions.length > 0 && (
          <Field label="Question">
            {(id) => (
              <select id={id} value={chosen} onChange={(e) => setQuestion(e.target.value)}>
                {questions.map((q) => (
                  <option key={q.code} value={q.code}>
                    {q.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <ErrorAlert error={error} />
        {overall && (
          // Scrolls sideways on a phone: a focusable region, so a keyboard can scroll it too (WCAG 2.1.1).
          <div className="table-scroll contained" tabIndex={0} role="region" aria-labelledby="report-heading">
            <table className="list" data-testid="monitoring-table">
              <caption className="visually-hidden">{report?.questionLabel}: speakers by answer</caption>
              <thead>
                <tr>
                  <th scope="col">Answer</th>
                  <th scope="col">Speakers</th>
                  <th scope="col">Speeches</th>
                  <th scope="col">Share of speakers</th>
                  <th scope="col">Share of attendees</th>
                  <th scope="col">Ratio</th>
                </tr>
              </thead>
              <tbody>
                {overall.categories.map((row) => (
                  <tr key={row.category}>
                    <th scope="row">{row.label}</th>
                    <td>{cell(row.speakers)}</td>
                    <td>{cell(row.speeches)}</td>
                    <td>
                      <Bar cell={row.speakerShare} />
                    </td>
                    <td>
                      <Bar cell={row.attendeeShare} />
                    </td>
                    <td>{cell(row.representationRatio, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {chosen && (
        <DocumentLinks
          title="Reports"
          documents={[
            {
              title: `Speaker monitoring report: ${report?.questionLabel ?? chosen}`,
              path: `${base}/report`,
              formats: ['pdf', 'csv', 'html'].map((format) => ({
                label: format.toUpperCase(),
                href: `${base}/report?question=${encodeURIComponent(chosen)}&format=${format}`,
                filename: `speaker-monitoring-${chosen}.${format}`,
              })),
            },
          ]}
        />
      )}
    </Frame>
  );
}

/** A share as text and a bar; a suppressed cell draws no bar. */
function Bar({ cell: c }: { cell: Cell }) {
  const text = cell(c, 0, true);
  return (
    <span className="bar-cell">
      {c.flag === 'shown' && c.value !== null && (
        <span className="bar" style={{ width: `${Math.round(c.value * 100)}%` }} aria-hidden="true" />
      )}
      <span>{text}</span>
    </span>
  );
}
