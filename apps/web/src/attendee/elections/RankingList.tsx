import type { BallotCandidateDto } from '@agm/contracts';

/**
 * The member's ranking so far, with buttons to move a candidate up or down or take them off: every
 * step is a button, so a keyboard or a screen reader does all that a finger could (no dragging).
 */
export function RankingList({
  ranking,
  candidates,
  ranked,
  onChange,
}: {
  ranking: string[];
  candidates: BallotCandidateDto[];
  ranked: boolean;
  onChange: (next: string[]) => void;
}) {
  const name = (id: string) => candidates.find((c) => c.nominationId === id)?.name ?? '';
  const move = (from: number, to: number) => {
    const next = [...ranking];
    [next[from], next[to]] = [next[to], next[from]];
    onChange(next);
  };
  if (ranking.length === 0) return <p className="muted">{ranked ? 'You have not ranked anyone yet.' : 'You have not marked anyone yet.'}</p>;
  const List = ranked ? 'ol' : 'ul';
  return (
    <List aria-label={ranked ? 'Your ranking' : 'Your marks'} className="ranking">
      {ranking.map((id, i) => (
        <li key={id}>
          <span>{ranked ? `${i + 1}. ` : ''}{name(id)}</span>{' '}
          {ranked && (
            <>
              <button type="button" disabled={i === 0} onClick={() => move(i, i - 1)}>
                Move {name(id)} up
              </button>{' '}
              <button type="button" disabled={i === ranking.length - 1} onClick={() => move(i, i + 1)}>
                Move {name(id)} down
              </button>{' '}
            </>
          )}
          <button type="button" onClick={() => onChange(ranking.filter((r) => r !== id))}>
            Remove {name(id)}
          </button>
        </li>
      ))}
    </List>
  );
}
