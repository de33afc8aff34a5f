import { useState } from 'react';
import { Field } from '../ui';

/**
 * A hall member without a phone catches the chair's (or a steward's) eye: the chair's console and the
 * steward's screen put them in the queue with this one form, by membership number, voting-card number or
 * name. The api applies the standing orders as to anyone (already spoken, the mover, one request each) and
 * says why in words when it refuses. On the console it folds away under the queue; on the steward's
 * screen, where it is the whole job, it is always open (`open`).
 */
export function AddSpeaker({
  onAdd,
  disabled,
  open = false,
  disabledWhy,
}: {
  onAdd: (member: string, stance: string) => Promise<unknown> | void;
  disabled: boolean;
  open?: boolean;
  /** Why the form cannot be sent now, shown under it (e.g. no item is being debated). */
  disabledWhy?: string | null;
}) {
  const [member, setMember] = useState('');
  const [stance, setStance] = useState('for');
  const form = (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void Promise.resolve(onAdd(member.trim(), stance)).then((ok) => ok !== undefined && setMember(''));
      }}
    >
      <Field label="Membership number or name" hint="Or the number on their voting card">
        {(id, describedBy) => (
          <input
            id={id}
            value={member}
            maxLength={200}
            autoComplete="off"
            aria-describedby={describedBy}
            onChange={(e) => setMember(e.target.value)}
          />
        )}
      </Field>
      <Field label="Wishes to speak">
        {(id) => (
          <select id={id} value={stance} onChange={(e) => setStance(e.target.value)}>
            <option value="for">For</option>
            <option value="against">Against</option>
            <option value="to">To the motion</option>
          </select>
        )}
      </Field>
      <button type="submit" className={open ? 'primary' : undefined} disabled={disabled || !member.trim()}>
        Add to the queue
      </button>
      {disabledWhy && (
        <p className="muted" data-testid="add-speaker-why">
          {disabledWhy}
        </p>
      )}
    </form>
  );
  if (open) return <div data-testid="add-speaker">{form}</div>;
  return (
    <details data-testid="add-speaker">
      <summary>Add a hall member without a device</summary>
      {form}
    </details>
  );
}
