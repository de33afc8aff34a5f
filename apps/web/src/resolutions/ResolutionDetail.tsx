import { useEffect, useState } from 'react';
import type { ResolutionDetailDto } from '@agm/contracts';
import { get } from '../api';
import { ErrorAlert } from '../ui';
import { OwnershipForm } from './OwnershipForm';
import { ProgressForm } from './ProgressForm';

/** A resolution whole: its text, vote, links both ways, the plans carrying it and its progress reports. */
export function ResolutionDetail(props: { id: string; isHeadOffice: boolean; onChanged: () => void }) {
  const [detail, setDetail] = useState<ResolutionDetailDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    get<ResolutionDetailDto>(`/api/resolutions/${props.id}`).then(
      (d) => current && setDetail(d),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [props.id, version]);
  const changed = () => {
    setVersion((v) => v + 1);
    props.onChanged();
  };
  if (error) return <ErrorAlert error={error} />;
  if (!detail) return <p>Loading…</p>;
  return (
    <section className="card" aria-label={`${detail.name} in full`}>
      {detail.sectionHeading && <p className="muted">{detail.sectionHeading}</p>}
      {detail.text.split(/\n\s*\n/).map((p, i) => (
        <p key={i} style={{ whiteSpace: 'pre-line' }}>
          {p}
        </p>
      ))}
      <ul className="plain-list">
        {detail.outcome && <li>{detail.vote?.description ?? detail.outcome}</li>}
        {detail.topics.length > 0 && <li>Topics: {detail.topics.join(', ')}</li>}
        {detail.statusReason && <li>{detail.statusReason}</li>}
        {detail.links.map((l) => (
          <li key={l.resolutionId}>{l.description}</li>
        ))}
        {detail.plannedIn.length > 0 && <li>Carried out by the operational plan of {detail.plannedIn.join(', ')}</li>}
      </ul>
      <h4>Progress</h4>
      {detail.progress.length === 0 ? (
        <p>No progress reported yet.</p>
      ) : (
        <ol className="plain-list" aria-label={`Progress on ${detail.name}`}>
          {detail.progress.map((p) => (
            <li key={p.id}>
              <strong>{p.reportedOn}</strong> ({p.authorName}): {p.text}
            </li>
          ))}
        </ol>
      )}
      {detail.mayReportProgress && <ProgressForm resolution={detail} onReported={changed} />}
      {props.isHeadOffice && <OwnershipForm resolution={detail} onSaved={changed} />}
    </section>
  );
}
