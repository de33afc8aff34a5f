import { useEffect, useState } from 'react';
import type { PlanResponseDto, ResolutionSummaryDto } from '@agm/contracts';
import { ApiError, get, openDocument } from '../api';
import { Outcome } from '../forms';
import { ErrorAlert, Frame, useAction } from '../ui';
import { PlanObjectiveForm } from './PlanObjectiveForm';
import { PlanSectionForm } from './PlanSectionForm';
import { StartPlanForm } from './StartPlanForm';

/**
 * Head office drafts the year's operational plan: sections (the numbered objectives), objectives citing
 * the resolutions they carry out, printed as Napo's plans print them, and the open resolutions that no
 * objective carries yet. Exported as HTML, PDF and DOCX.
 */
export function PlanScreen({ year }: { year: number }) {
  const [plan, setPlan] = useState<PlanResponseDto | null | 'none'>(null);
  const [inForce, setInForce] = useState<ResolutionSummaryDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const exporting = useAction();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    get<PlanResponseDto>(`/api/plans/${year}`).then(
      (p) => current && setPlan(p),
      (e: unknown) => current && (e instanceof ApiError && e.statusCode === 404 ? setPlan('none') : setError(String((e as Error).message))),
    );
    return () => {
      current = false;
    };
  }, [year, version]);
  const agmYear = plan && plan !== 'none' ? plan.agmYear : null;
  useEffect(() => {
    if (agmYear === null) return;
    get<ResolutionSummaryDto[]>(`/api/resolutions?year=${agmYear}`).then(
      (all) => setInForce(all.filter((r) => r.status !== 'rescinded' && r.status !== 'superseded')),
      () => setInForce([]),
    );
  }, [agmYear, version]);
  const reload = () => setVersion((v) => v + 1);

  return (
    <Frame role={`Operational plan ${year}`}>
      <ErrorAlert error={error} />
      {plan === null && <p>Loading…</p>}
      {plan === 'none' && <StartPlanForm year={year} onStarted={reload} />}
      {plan && plan !== 'none' && (
        <>
          <p>
            {plan.title}: carrying out the resolutions of the {plan.agmYear} AGM. <a href="/resolutions">The register</a>
          </p>
          <div className="button-row">
            {(['html', 'pdf', 'docx'] as const).map((format) => (
              <button key={format} type="button" disabled={exporting.busy} onClick={() => void exporting.run(() => openDocument(`/api/plans/${year}/export?format=${format}`, `operational-plan-${year}.${format}`), (name) => `${name} downloaded.`)}>
                Download as {format.toUpperCase()}
              </button>
            ))}
          </div>
          <Outcome of={exporting} />
          {plan.sections.map((section) => (
            <section key={section.id} className="card" aria-labelledby={`plan-${section.id}`}>
              <h2 id={`plan-${section.id}`}>{section.heading}</h2>
              {section.description && <p>{section.description}</p>}
              <ul aria-label={`Objectives under ${section.heading}`}>
                {section.objectives.map((o) => (
                  <li key={o.id}>
                    {o.area && <span className="muted">{o.area}: </span>}
                    {o.printed}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <PlanSectionForm year={year} onAdded={reload} />
          {plan.sections.length > 0 && <PlanObjectiveForm year={year} sections={plan.sections} resolutions={inForce} onAdded={reload} />}
          <section aria-labelledby="uncarried">
            <h2 id="uncarried">Not yet carried out by any objective</h2>
            {plan.uncarried.length === 0 ? (
              <p>Every open resolution of {plan.agmYear} is carried by an objective.</p>
            ) : (
              <ul aria-labelledby="uncarried">
                {plan.uncarried.map((r) => (
                  <li key={r.id}>
                    {r.name}: {r.title}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Frame>
  );
}


