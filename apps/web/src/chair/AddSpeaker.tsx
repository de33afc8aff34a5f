import { useState } from 'react';
import { Field } from '../ui';

/**
 * A hall member without a phone catches the chair's (or a steward's) eye: the chair puts them in the
 * queue by membership number or name. The api applies the standing orders as to anyone (already spoken,
 * the mover, one request each) and says why in words when it refuses.
 */
export function AddSpeaker({
  onAdd,
  disabled,
}: {
  onAdd: (member: string, stance: string) => Promise<unknown> | void;
  disabled: boolean;
}) {
  const [member, setMember] = useState('');
  const [stance, setStance] = useState('for');
  return (
    <details data-testid="add-speaker">
      <summary>Add a hall member without a device</summary>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void Promise.resolve(onAdd(member.trim(), stance)).then((ok) => ok !== undefined && setMember(''));
        }}
      >
        <Field label="Membership number or name">
          {(id) => (
            <input id={id} value={member} maxLength={200} onChange={(e) => setMember(e.target.value)} />
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
        <button type="submit" disabled={disabled || !member.trim()}>
          Add to the queue
        </button>
      </form>
    </details>
  );
}
