import { useEffect, useState } from 'react';
import type { DeadlinesResponseDto } from '@agm/contracts';
import { get } from '../api';

/**
 * "Publish the order of business…" asks first (issue 19 item 3): publishing numbers the motions and
 * closes the priority ballot, and cannot be undone. While the motions or amendments deadline is still
 * open it says so, with the time in the conference's zone: a motion or amendment submitted later is not
 * on the published order and must be placed by hand, with a reason.
 */
export function PublishAgenda(props: { base: string; busy: boolean; onPublish: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [deadlines, setDeadlines] = useState<DeadlinesResponseDto | null>(null);
  useEffect(() => {
    if (confirming) get<DeadlinesResponseDto>(`${props.base}/deadlines`).then(setDeadlines, () => setDeadlines(null));
  }, [confirming, props.base]);
  const now = Date.now();
  const open = deadlines
    ? ([
        ['Motions and constitutional amendments', deadlines.motions],
        ['Amendments', deadlines.amendments],
      ] as const).filter(([, d]) => d && Date.parse(d.at) > now)
    : [];
  if (!confirming)
    return (
      <button type="button" className="primary" onClick={() => setConfirming(true)}>
        Publish the order of business…
      </button>
    );
  return (
    <div className={open.length > 0 ? 'alert warn' : 'alert info'} role="alertdialog" aria-labelledby="publish-confirm">
      <p id="publish-confirm">
        Publish the order of business now? The motions are numbered and the priority ballot closes; this cannot
        be undone.
      </p>
      {open.length > 0 && (
        <ul data-testid="deadlines-still-open">
          {open.map(([what, d]) => (
            <li key={what}>
              {what} are still open until {d!.text}: anything submitted after publishing is not on the order of
              business until the SOC places it, with a reason.
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={props.busy} onClick={props.onPublish}>
          Yes, publish the order of business
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
