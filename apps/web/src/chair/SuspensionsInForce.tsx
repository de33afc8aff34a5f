import type { LiveState } from '../live';

/**
 * The suspensions of standing orders in force, in words, on every screen that shows the floor: each
 * lasts until its business ends, so the list empties by itself (issue 19).
 */
export function SuspensionsInForce({ state }: { state: LiveState }) {
  const suspensions = state.floor?.suspensions ?? [];
  if (suspensions.length === 0) return null;
  return (
    <div className="suspensions" data-testid="suspensions-in-force">
      {suspensions.map((suspension) => (
        <p key={suspension.proceduralId} className="badge warn">
          {suspension.description}
        </p>
      ))}
    </div>
  );
}
