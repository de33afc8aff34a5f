import { useId } from 'react';
import { openDocument } from './api';
import { Done, ErrorAlert, useAction } from './ui';

export interface DocumentLink {
  /** What the document is, e.g. "Final agenda". */
  title: string;
  /** The api path, without the format. */
  path: string;
  /** Formats offered, each with the query or suffix that asks for it. */
  formats: Array<{ label: string; href: string; filename: string }>;
}

/** The motions documents of a conference (docs/motions.md): every one as HTML, PDF and text; CSV where tabular. */
export function motionDocuments(conferenceId: string): DocumentLink[] {
  const documents: Array<[string, string, boolean]> = [
    ['notice-of-motions', 'Notice of motions', true],
    ['agenda', 'Final agenda', true],
    ['soc-report', 'SOC report', true],
    ['resolutions-booklet', 'Resolutions booklet', false],
  ];
  return documents.map(([name, title, csv]) => ({
    title,
    path: `/api/conferences/${conferenceId}/documents/${name}`,
    formats: [['HTML', 'html'], ['PDF', 'pdf'], ['Text', 'txt'], ...(csv ? [['CSV', 'csv']] : [])].map(
      ([label, format]) => ({
        label,
        href: `/api/conferences/${conferenceId}/documents/${name}.${format}`,
        filename: `${name}.${format}`,
      }),
    ),
  }));
}

/**
 * Buttons that download documents served behind the bearer token (a plain link cannot carry it);
 * each button names its document and format for screen readers.
 */
export function DocumentLinks({ title, documents }: { title: string; documents: DocumentLink[] }) {
  const headingId = useId();
  const { busy, error, done, run } = useAction();
  return (
    <section className="card" aria-labelledby={headingId} data-testid="documents">
      <h2 id={headingId}>{title}</h2>
      <ul className="plain">
        {documents.map((doc) => (
          <li key={doc.path}>
            <strong>{doc.title}</strong>
            <span className="button-row">
              {doc.formats.map((format) => (
                <button
                  key={format.href}
                  type="button"
                  className="small"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      () => openDocument(format.href, format.filename),
                      (name) => `Downloaded ${name}.`,
                    )
                  }
                >
                  <span className="visually-hidden">Download {doc.title} as </span>
                  {format.label}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <ErrorAlert error={error} />
      <Done message={done} />
    </section>
  );
}

/** The minutes of the debate, from the proceedings log (docs/debate.md), as PDF or HTML. */
export function minutesDocuments(conferenceId: string): DocumentLink[] {
  const path = `/api/conferences/${conferenceId}/minutes`;
  return [
    {
      title: 'Minutes',
      path,
      formats: ['pdf', 'html'].map((format) => ({
        label: format.toUpperCase(),
        href: `${path}?format=${format}`,
        filename: `minutes.${format}`,
      })),
    },
  ];
}
