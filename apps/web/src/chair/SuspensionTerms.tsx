import { Field } from '../ui';

/** What a motion to suspend standing orders sets aside: sent with `moveProcedural` (docs/debate.md). */
export interface SuspensionChoice {
  orders: Array<'speech_time_limits' | 'guillotine'>;
  /** Minutes each speech on the business may take, as typed; used when the time limits are suspended. */
  minutes: string;
  laterItemIds: string[];
}

export const NO_SUSPENSION: SuspensionChoice = { orders: [], minutes: '10', laterItemIds: [] };

/** The body's `suspension`, or null with the reason the chair must fix first. */
export function suspensionOf(choice: SuspensionChoice):
  | { suspension: { orders: SuspensionChoice['orders']; laterItemIds?: string[]; speechLimitSeconds?: number } }
  | { problem: string } {
  if (choice.orders.length === 0) return { problem: 'Tick the standing orders the motion suspends.' };
  const timed = choice.orders.includes('speech_time_limits');
  const minutes = Number(choice.minutes);
  if (timed && !(minutes > 0 && minutes <= 60))
    return { problem: 'Give the minutes each speech may take, from a few seconds to an hour.' };
  return {
    suspension: {
      orders: choice.orders,
      ...(choice.laterItemIds.length ? { laterItemIds: choice.laterItemIds } : {}),
      ...(timed ? { speechLimitSeconds: Math.round(minutes * 60) } : {}),
    },
  };
}

/**
 * The terms of a motion to suspend standing orders: which orders, for this item and which later business.
 * Once carried the suspension does exactly that, and ends by itself when that business ends.
 */
export function SuspensionTerms({
  value,
  onChange,
  laterItems,
  disabled,
}: {
  value: SuspensionChoice;
  onChange: (next: SuspensionChoice) => void;
  /** Items of the order of business not yet taken: the later business it may also be for. */
  laterItems: Array<{ motionId: string; label: string; title: string }>;
  disabled: boolean;
}) {
  const toggle = (order: SuspensionChoice['orders'][number], on: boolean) =>
    onChange({ ...value, orders: on ? [...value.orders, order] : value.orders.filter((o) => o !== order) });
  const timed = value.orders.includes('speech_time_limits');
  return (
    <fieldset data-testid="suspension-terms">
      <legend>Standing orders to suspend</legend>
      <p className="hint">
        For this item, and any later business ticked below. It ends by itself when that business ends.
      </p>
      <label className="inline">
        <input
          type="checkbox"
          checked={timed}
          disabled={disabled}
          onChange={(e) => toggle('speech_time_limits', e.target.checked)}
        />{' '}
        Speech time limits
      </label>
      {timed && (
        <Field label="Each speech may take (minutes)" hint="Points of order keep their own time.">
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              type="number"
              min={1}
              max={60}
              step={0.5}
              value={value.minutes}
              disabled={disabled}
              onChange={(e) => onChange({ ...value, minutes: e.target.value })}
            />
          )}
        </Field>
      )}
      <label className="inline">
        <input
          type="checkbox"
          checked={value.orders.includes('guillotine')}
          disabled={disabled}
          onChange={(e) => toggle('guillotine', e.target.checked)}
        />{' '}
        The guillotine (the business named is not recorded as not reached)
      </label>
      {laterItems.length > 0 && (
        <fieldset>
          <legend>Also for later business</legend>
          {laterItems.map((entry) => (
            <label key={entry.motionId} className="inline">
              <input
                type="checkbox"
                checked={value.laterItemIds.includes(entry.motionId)}
                disabled={disabled}
                onChange={(e) =>
                  onChange({
                    ...value,
                    laterItemIds: e.target.checked
                      ? [...value.laterItemIds, entry.motionId]
                      : value.laterItemIds.filter((id) => id !== entry.motionId),
                  })
                }
              />{' '}
              {entry.label}: {entry.title}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
