import type { ResolutionSummaryDto } from '@agm/contracts';

/** One resolution in the list: its name and title, status, owner and latest progress; opens its detail. */
export function ResolutionCard(props: { resolution: ResolutionSummaryDto; open: boolean; onToggle: () => void }) {
  const r = props.resolution;
  return (
    <article className="card" aria-labelledby={`res-${r.id}`}>
      <h3 id={`res-${r.id}`}>
        {r.name}: {r.title}
      </h3>
      <p className="muted">
        {r.statusText}
        {r.ownerName ? ` · Owner: ${r.ownerName}` : ' · No owner yet'}
        {r.targetDate ? ` · Target ${r.targetDate}` : ''}
        {r.movedBy.length > 0 ? ` · Moved by ${r.movedBy.join(', ')}` : ''}
      </p>
      {r.latestProgressText && (
        <p>
          Latest progress ({r.latestProgressOn}): {r.latestProgressText}
        </p>
      )}
      <button type="button" aria-expanded={props.open} onClick={props.onToggle}>
        {props.open ? 'Close' : 'Open'} {r.name}
      </button>
    </article>
  );
}
