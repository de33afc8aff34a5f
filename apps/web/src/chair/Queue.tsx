import type { ReactNode } from 'react';
import type { LiveState } from '../live';
import { KIND_LABEL, label, LiveSection, STANCE_LABEL } from '../ui';

/** The queue to speak, points first (SO 14), with the suggested next speaker and a Call button each. */
export function Queue({
  state,
  onCall,
  disabled,
  children,
}: {
  state: LiveState;
  onCall: (memberId: string, requestId: string) => void;
  disabled: boolean;
  children?: ReactNode;
}) {
  const queue = state.queue?.queue ?? [];
  const suggestion = state.queue?.suggestion;
  return (
    <LiveSection state={state} title={`Queue (${queue.length})`}>
      {suggestion && (
        <div className="suggestion" data-testid="suggestion">
          <p>
            Suggested next: <strong>{suggestion.name ?? 'a member'}</strong> (
            {label(STANCE_LABEL, suggestion.role)})
          </p>
          <p className="muted">{suggestion.reason}</p>
          <button
            type="button"
            className="primary"
            disabled={disabled}
            onClick={() => onCall(suggestion.memberId, suggestion.requestId)}
            aria-keyshortcuts="N"
          >
            Call {suggestion.name ?? 'the suggested speaker'} <kbd aria-hidden="true">N</kbd>
          </button>
        </div>
      )}
      {queue.length === 0 ? (
        <p className="muted">Nobody is waiting to speak.</p>
      ) : (
        <table className="list" data-testid="queue">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Member</th>
              <th scope="col">Asks</th>
              <th scope="col">Where</th>
              <th scope="col">Call</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((q) => (
              <tr key={q.requestId} className={q.present ? '' : 'absent'}>
                <td>{q.position}</td>
                <td>
                  {q.name ?? 'A member'}
                  {q.firstAgmEver && <span className="badge info">first AGM</span>}
                  {!q.present && <span className="badge warn">not present</span>}
                </td>
                <td>{q.kind === 'speak' ? label(STANCE_LABEL, q.stance) : label(KIND_LABEL, q.kind)}</td>
                <td>{q.attendanceMode === 'remote' ? 'Remote' : 'Hall'}</td>
                <td>
                  <button
                    type="button"
                    className="small"
                    disabled={disabled}
                    onClick={() => onCall(q.memberId, q.requestId)}
                  >
                    Call <span className="visually-hidden">{q.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {children}
    </LiveSection>
  );
}
