import { useState } from 'react';
import { post } from '../api';
import { useForm } from '../forms';
import { ErrorAlert, InputField } from '../ui';

/**
 * A member who lost their access code asks for a new one, sent to the email address the register
 * holds. The server answers the same whatever it finds, so this screen cannot tell anyone whether a
 * membership number exists; it shows that answer.
 */
export function LostCode(props: { conferenceId: string; membershipNumber: string }) {
  const [membershipNumber, setMembershipNumber] = useState(props.membershipNumber);
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const form = useForm();
  return (
    <details className="lost-code" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Lost your access code?</summary>
      {/* Its fields exist only while open, so the sign-in form's own labels stay the only ones on the page. */}
      {open && (
        <form
          noValidate
          onSubmit={form.onSubmit(async () => {
            setAnswer(null);
            const sent = await post<{ message: string }>('/api/auth/lost-code', {
              conferenceId: props.conferenceId,
              membershipNumber: membershipNumber.trim(),
              email: email.trim(),
            });
            setAnswer(sent.message);
          })}
        >
          <p className="hint">
            We send a new code to the email address the union has for you. The old code stops working.
          </p>
          <InputField
            label="Your membership number"
            value={membershipNumber}
            onChange={setMembershipNumber}
            error={form.errorFor('membershipNumber')}
            maxLength={40}
            autoComplete="username"
          />
          <InputField
            label="Your email address"
            type="email"
            value={email}
            onChange={setEmail}
            error={form.errorFor('email')}
            maxLength={254}
            autoComplete="email"
          />
          <ErrorAlert error={form.error} />
          <p role="status" className={answer ? 'alert ok' : 'visually-hidden'}>
            {answer ?? ''}
          </p>
          <button type="submit" disabled={form.busy || !props.conferenceId}>
            Send me a new code
          </button>
        </form>
      )}
    </details>
  );
}
