import { useEffect, useRef, useState } from 'react';
import type { RegistrationResponseDto } from '@agm/contracts';
import { post } from '../../api';
import { useForm } from '../../forms';
import { ErrorAlert, Field } from '../../ui';

/**
 * Moves an attendee between the hall and remote attendance, with the reason the log keeps. The server
 * refuses it while an open vote holds them on its register; its words say which vote.
 */
export function SwitchMode(props: {
  base: string;
  registration: RegistrationResponseDto;
  onClose: (switched: boolean) => void;
}) {
  const { registration: r } = props;
  const to = r.attendanceMode === 'hall' ? 'remote' : 'hall';
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLInputElement>(null);
  const form = useForm();
  useEffect(() => reasonRef.current?.focus(), [r.id]);
  const title = to === 'hall' ? `Check ${r.name} in at the hall` : `Switch ${r.name} to remote`;
  return (
    <form
      className="card inset"
      aria-label={title}
      onSubmit={form.onSubmit(async () => {
        await post(`${props.base}/registrations/${r.id}/attendance-mode`, { attendanceMode: to, reason });
        props.onClose(true);
      })}
    >
      <h3>{title}</h3>
      <p className="hint">
        {to === 'hall'
          ? 'They are checked in at the hall and vote by show of cards from now on.'
          : 'They are absent until they confirm their attendance on their phone, then vote electronically.'}
      </p>
      <Field label="Reason" error={form.errorFor('reason')}>
        {(id, describedBy) => (
          <input
            id={id}
            ref={reasonRef}
            value={reason}
            maxLength={500}
            required
            aria-describedby={describedBy}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <ErrorAlert error={form.error} />
      <button type="submit" className="primary" disabled={form.busy}>
        {to === 'hall' ? 'Check in at the hall' : 'Switch to remote'}
      </button>{' '}
      <button type="button" onClick={() => props.onClose(false)}>
        Cancel
      </button>
    </form>
  );
}
