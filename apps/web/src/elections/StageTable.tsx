import { useId } from 'react';
import type { PublishedCountDto, PublishedStageDto } from '@agm/contracts';
import { useStagePages } from './useStagePages';

/** What a stage did, in a few words for its column heading; the stage's full sentence is listed below the table. */
export function stageHeading(stage: PublishedStageDto): string {
  const acts: string[] = [];
  if (stage.number === 1) acts.push('First preferences');
  const surplus = /^(.+?)'s surplus of ([\d.]+)/.exec(stage.description);
  if (surplus) acts.push(`${surplus[1]}’s surplus of ${surplus[2]}`);
  if (stage.excludedThisStage.length) acts.push(`${stage.excludedThisStage.join(', ')} excluded`);
  if (stage.electedThisStage.length) acts.push(`${stage.electedThisStage.join(', ')} elected`);
  return acts.join('; ');
}

/** A transfer as gained or lost: "+8.57140", "−12.00000"; nothing for none. */
function signed(change: string): string {
  if (!change || /^-?0\.0+$/.test(change)) return '';
  return change.startsWith('-') ? `−${change.slice(1)}` : `+${change}`;
}

/**
 * The count, stage by stage, as published (docs/elections.md "What every count reports"): a column per
 * stage, a row per candidate with their votes and what they gained or lost, the quota, the
 * non-transferable votes and the rounding loss. A real table (caption, header cells), in a region that
 * scrolls by itself on a narrow phone, so the page never scrolls sideways. On the projector (`large`)
 * the stages come in pages that fit the screen, turning by themselves (useStagePages).
 */
export function StageTable({ title, result, large }: { title: string; result: PublishedCountDto; large?: boolean }) {
  const captionId = useId();
  const paging = useStagePages(result.stages.length, !!large);
  const stages = paging.shown.map((i) => result.stages[i]);
  const names = result.stages[0]?.candidates.map((c) => c.name) ?? [];
  const quotaVaries = new Set(result.stages.map((s) => s.quota)).size > 1;
  const range = stages.length === 1 ? `Stage ${stages[0].number}` : `Stages ${stages[0]?.number}–${stages.at(-1)?.number}`;
  return (
    <div className={`stage-count${large ? ' large' : ''}${large && names.length > 8 ? ' many' : ''}`} data-testid="stage-count">
      <p className="stage-summary">
        {result.methodText} · {result.seats === 1 ? '1 seat' : `${result.seats} seats`} · {result.validBallots} valid
        ballots{result.invalidBallots ? ` · ${result.invalidBallots} void` : ''}
        {result.quota !== null ? ` · quota ${result.quota}` : ''}
      </p>
      <p className="stage-elected" data-testid="stage-elected">
        <strong>Elected: {result.elected.join(', ') || 'nobody'}</strong>
      </p>
      {paging.pages > 1 && (
        <p className="stage-page" data-testid="stage-page" data-page={paging.page + 1} data-paused={paging.paused}>
          {range} of {result.stages.length} · page {paging.page + 1} of {paging.pages}
        </p>
      )}
      {/* Focusable so a keyboard can scroll it when it is wider than the phone (WCAG 2.1.1). */}
      <div className="stage-scroll" role="region" aria-labelledby={captionId} tabIndex={0} ref={paging.boxRef}>
        <table className="stage-table" ref={paging.tableRef}>
          <caption id={captionId}>{title}: the count, stage by stage</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              {stages.map((s) => (
                <th scope="col" key={s.number}>
                  Stage {s.number}
                  <span className="stage-act">{stageHeading(s)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {quotaVaries && (
              <tr className="stage-quota">
                <th scope="row">Quota</th>
                {stages.map((s) => (
                  <td key={s.number}>{s.quota ?? '—'}</td>
                ))}
              </tr>
            )}
            {names.map((name, i) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {stages.map((s) => {
                  const c = s.candidates[i];
                  const mark = s.electedThisStage.includes(name) ? 'Elected' : s.excludedThisStage.includes(name) ? 'Excluded' : '';
                  return (
                    <td key={s.number} className={c.status}>
                      {c.votes}
                      {signed(c.change) && <span className="stage-change"> ({signed(c.change)})</span>}
                      {mark && <span className={`stage-mark ${c.status}`}> {mark}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="stage-total">
              <th scope="row">Non-transferable</th>
              {stages.map((s) => (
                <td key={s.number}>
                  {s.nonTransferable}
                  {signed(s.nonTransferableThisStage) && <span className="stage-change"> ({signed(s.nonTransferableThisStage)})</span>}
                </td>
              ))}
            </tr>
            <tr className="stage-total">
              <th scope="row">Rounding loss</th>
              {stages.map((s) => (
                <td key={s.number}>{s.roundingLoss}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {!large && (
        <>
          <h4 className="stage-list-heading">What each stage did</h4>
          <ol className="stage-list">
            {stages.map((s) => (
              <li key={s.number}>{s.description}</li>
            ))}
          </ol>
        </>
      )}
      {result.draws.length > 0 && (
        <ul className="stage-notes" aria-label="Draws by lot">
          {result.draws.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      {result.notes.length > 0 && (
        <ul className="stage-notes" aria-label="Notes">
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
