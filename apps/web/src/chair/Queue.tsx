import type { ReactNode } from 'react';
import type { LiveState } from '../live';
import { KIND_LABEL, label, LiveSection, STANCE_LABEL } from '../ui';

/** A point of order or a request for information: heard at once, not called to speak later. */
export const isPoint = (kindOrRole: string | undefined) =>
  kindOrRole === 'point_of_order' || kindOrRole === 'request_for_information';

/**
 * The queue to speak, points first (SO 14), with the suggested next speaker and a Call button each. A
 * point of order or a request for information is heard at once: its button calls the member and starts
 * their (short) time in one command.
 */
export function Queue({
  state,
  onCall,
  disabled,
  children,
}: {
  state: LiveState;
  onCall: (memberId: string, requestId: string, startNow?: boolean) => void;
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
            onClick={() => onCall(suggestion.memberId, suggestion.requestId, isPoint(suggestion.role))}
            aria-keyshortcuts="N"
          >
            {isPoint(suggestion.role) ? 'Hear' : 'Call'} {suggestion.name ?? 'the suggested speaker'}{' '}
            <kbd aria-hidden="true">N</kbd>
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
                  {!isPoint(q.kind) ? (
                    <button
                      type="button"
                      className="small"
                      disabled={disabled}
                      onClick={() => onCall(q.memberId, q.requestId)}
                    >
                      Call <span className="visually-hidden">{q.name}</span>
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="small"
                      disabled={disabled}
                      title="Calls the member and starts their time"
                      onClick={() => onCall(q.memberId, q.requestId, true)}
                    >
                      Hear{' '}
                      <span className="visually-hidden">
                        {q.name}’s {label(KIND_LABEL, q.kind).toLowerCase()}
                      </span>
                    </button>
                  )}
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
