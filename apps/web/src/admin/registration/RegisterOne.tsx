import { useState } from 'react';
import type { AccessCodeResponseDto } from '@agm/contracts';
import { post } from '../../api';
import { useForm } from '../../forms';
import { ErrorAlert, InputField } from '../../ui';
import { ModeChoice } from './ModeChoice';
import { IssuedCode } from './IssuedCode';

/** One member at the desk: registered, the code emailed where it can be and shown once here either way. */
export function RegisterOne({ base, onDone }: { base: string; onDone: () => void }) {
  const [membershipNumber, setMembershipNumber] = useState('');
  const [mode, setMode] = useState<'hall' | 'remote'>('hall');
  const [issued, setIssued] = useState<AccessCodeResponseDto | null>(null);
  const form = useForm();
  return (
    <section className="card" aria-labelledby="register-one">
      <h2 id="register-one">Register a member</h2>
      <form
        onSubmit={form.onSubmit(async () => {
          setIssued(
            await post<AccessCodeResponseDto>(`${base}/registrations`, {
              membershipNumber: membershipNumber.trim(),
              attendanceMode: mode,
            }),
          );
          setMembershipNumber('');
          onDone();
        })}
      >
        <InputField
          label="Membership number"
          value={membershipNumber}
          onChange={setMembershipNumber}
          error={form.errorFor('membershipNumber')}
          required
          maxLength={40}
        />
        <ModeChoice name="register-one-mode" mode={mode} onChange={setMode} />
        <ErrorAlert error={form.error} />
        <button type="submit" className="primary" disabled={form.busy}>
          Register
        </button>
      </form>
      {issued && <IssuedCode issued={issued} />}
    </section>
  );
}
