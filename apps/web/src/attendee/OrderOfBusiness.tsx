import type { AgendaEntryDto } from '@agm/contracts';
import type { LiveState } from '../live';
import { useAgenda } from '../Agenda';
import { DECIDED, motionStateWords } from './labels';

type ItemState = { kind: 'to-come' | 'debate' | 'voting' | 'decided' | 'other'; words: string };

/**
 * Where an item stands: the floor says which item is being debated and whether its question is put;
 * the agenda's status says what was decided. The floor's last outcome is used until the agenda is read
 * again after the chair records it, so the item never shows "In debate" after it ended.
 */
export function itemState(entry: AgendaEntryDto, state: LiveState): ItemState {
  const item = state.floor?.item;
  if (item?.motionId === entry.motionId) {
    const vote = state.currentVoteId ? state.votes[state.currentVoteId] : undefined;
    if (item.questionPut && vote?.state === 'open') return { kind: 'voting', words: 'Voting now' };
    return { kind: 'debate', words: 'In debate now' };
  }
  const concluded = state.floor?.lastConcluded;
  const status =
    concluded?.motionId === entry.motionId && concluded.outcome && !DECIDED.has(entry.status)
      ? concluded.outcome
      : entry.status;
  if (DECIDED.has(status)) return { kind: 'decided', words: motionStateWords(status) };
  if (status === 'placed') return { kind: 'to-come', words: 'To come' };
  return { kind: 'other', words: motionStateWords(status) };
}

/** The order of business with each item's state in words; the item being taken is marked current. */
export function OrderOfBusiness({ conferenceId, state }: { conferenceId: string; state: LiveState }) {
  const agenda = useAgenda(conferenceId, state.motionsRevision);
  return (
    <section className="card" aria-labelledby="business-heading">
      <h2 id="business-heading">Order of business</h2>
      {agenda === null && <p className="muted">Loading…</p>}
      {(agenda === 'none' || (agenda && agenda.entries.length === 0)) && (
        <p className="muted">The order of business has not been published yet.</p>
      )}
      {agenda && agenda !== 'none' && agenda.entries.length > 0 && (
        <ol className="agenda business" data-testid="agenda">
          {agenda.entries.map((entry) => {
            const s = itemState(entry, state);
            const current = s.kind === 'debate' || s.kind === 'voting';
            return (
              <li
                key={entry.motionId}
                className={`business-item ${s.kind}`}
                aria-current={current ? 'step' : undefined}
              >
                <span className="agenda-label">{entry.label}</span> {entry.title}
                {entry.section && <span className="muted"> — {entry.section}</span>}{' '}
                <span className={`badge state-${s.kind}`} data-testid="item-state">
                  {s.words}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
