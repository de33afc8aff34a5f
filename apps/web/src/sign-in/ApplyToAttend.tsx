import { useEffect, useState } from 'react';
import { get, post } from '../api';
import { ModeChoice } from '../admin/registration/ModeChoice';
import { useForm } from '../forms';
import { ErrorAlert, InputField } from '../ui';

/**
 * A member not yet registered applies to attend, where the chosen conference takes applications (head
 * office's setting; the link is not offered otherwise). The server answers the same whatever it finds,
 * so this screen cannot tell anyone whether a membership number exists; it shows that answer. Head office
 * approves (the access code then comes by email) or declines with a reason (also by email).
 */
export function ApplyToAttend(props: { conferenceId: string }) {
  const [offered, setOffered] = useState(false);
  const [membershipNumber, setMembershipNumber] = useState('');
  const [email, setEmail] = useState('');
  const [mode, setMode] = useState<'hall' | 'remote'>('hall');
  const [answer, setAnswer] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const form = useForm();
  useEffect(() => {
    if (!props.conferenceId) return;
    let current = true;
    get<{ open: boolean }>(`/api/conferences/${props.conferenceId}/application-form`).then(
      (form) => current && setOffered(form.open),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [props.conferenceId]);
  if (!offered) return null;
  return (
    <details className="lost-code" data-testid="apply-to-attend" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Not registered? Apply to attend</summary>
      {/* Its fields exist only while open, so the sign-in form's own labels stay the only ones on the page. */}
      {open && (
        <form
          noValidate
          onSubmit={form.onSubmit(async () => {
            setAnswer(null);
            const sent = await post<{ message: string }>('/api/auth/apply-to-attend', {
              conferenceId: props.conferenceId,
              membershipNumber: membershipNumber.trim(),
              email: email.trim(),
              attendanceMode: mode,
            });
            setAnswer(sent.message);
          })}
        >
          <p className="hint">
            Head office looks at each application. If it is approved, your access code is emailed to the address
            the union has for you; if not, you are told why.
          </p>
          <InputField
            label="Your membership number"
            value={membershipNumber}
            onChange={setMembershipNumber}
            error={form.errorFor('membershipNumber')}
            maxLength={40}
          />
          <InputField
            label="Email address the union has for you"
            type="email"
            value={email}
            onChange={setEmail}
            error={form.errorFor('email')}
            maxLength={254}
            autoComplete="email"
          />
          <ModeChoice name="apply-mode" mode={mode} onChange={setMode} legend="How will you attend?" />
          <ErrorAlert error={form.error} />
          <p role="status" className={answer ? 'alert ok' : 'visually-hidden'}>
            {answer ?? ''}
          </p>
          <button type="submit" disabled={form.busy}>
            Apply to attend
          </button>
        </form>
      )}
    </details>
  );
}
