import { useEffect, useRef, useState } from 'react';
import type { ApplicationListResponseDto, ApplicationResponseDto } from '@agm/contracts';
import { get, post, put } from '../../api';
import { Checkbox, RowButton } from '../../forms';
import { Done, ErrorAlert, Field, useAction } from '../../ui';
import { MODE_TEXT } from './labels';

/**
 * Members' applications to attend: whether the conference takes them (off by default), and those
 * waiting, each approved (registered; the access code is emailed as in bulk registration) or declined
 * with the reason the member is emailed.
 */
export function Applications(props: { base: string; onRegistered: () => void }) {
  const [list, setList] = useState<ApplicationListResponseDto | null>(null);
  const [declining, setDeclining] = useState<ApplicationResponseDto | null>(null);
  const action = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reload = () => get<ApplicationListResponseDto>(`${props.base}/applications`).then(setList, () => undefined);
  useEffect(() => {
    void reload();
  }, [props.base]);
  if (!list) return null;
  const decided = async (message: string) => {
    setDeclining(null);
    await reload();
    headingRef.current?.focus();
    return message;
  };
  return (
    <section className="card" aria-labelledby="applications" data-testid="applications">
      <h2 id="applications" ref={headingRef} tabIndex={-1}>
        Applications to attend ({list.applications.length})
      </h2>
      <Checkbox
        checked={list.open}
        onChange={(open) => {
          // The box follows the click at once; a refusal puts it back as the server has it.
          setList({ ...list, open });
          void action.run(async () => {
            try {
              await put(`${props.base}/applications/open`, { open });
            } finally {
              await reload();
            }
          }, open ? 'Members may now apply to attend from the sign-in screen.' : 'Members can no longer apply to attend.');
        }}
      >
        Members may apply to attend from the sign-in screen
      </Checkbox>
      <ErrorAlert error={action.error} />
      <Done message={action.done} />
      {list.applications.length === 0 ? (
        <p className="muted">No application is waiting.</p>
      ) : (
        <ul className="plain" aria-label="Applications waiting">
          {list.applications.map((a) => (
            <li key={a.id}>
              {a.name} <span className="muted">{a.membershipNumber}</span> · {a.categoryText} ·{' '}
              {MODE_TEXT[a.attendanceMode]}{' '}
              <RowButton
                action="Approve"
                target={a.name}
                disabled={action.busy}
                onClick={() =>
                  void action.run(async () => {
                    const { message } = await post<{ message: string }>(`${props.base}/applications/${a.id}/approve`);
                    props.onRegistered();
                    return decided(message);
                  }, (message) => message)
                }
              />
              <RowButton action="Decline" target={a.name} disabled={action.busy} onClick={() => setDeclining(a)} />
            </li>
          ))}
        </ul>
      )}
      {declining && (
        <Decline
          base={props.base}
          application={declining}
          onCancel={() => setDeclining(null)}
          onDeclined={(message) => void action.run(() => decided(message), (m) => m)}
        />
      )}
    </section>
  );
}

function Decline(props: {
  base: string;
  application: ApplicationResponseDto;
  onCancel: () => void;
  onDeclined: (message: string) => void;
}) {
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLInputElement>(null);
  const action = useAction();
  const [errors, setErrors] = useState<string | undefined>();
  useEffect(() => reasonRef.current?.focus(), [props.application.id]);
  const title = `Decline ${props.application.name}'s application`;
  return (
    <form
      className="card inset"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          setErrors(undefined);
          try {
            const { message } = await post<{ message: string }>(
              `${props.base}/applications/${props.application.id}/decline`,
              { reason },
            );
            props.onDeclined(message);
          } catch (error) {
            setErrors((error as { errors?: Record<string, string> }).errors?.reason);
            throw error;
          }
        });
      }}
    >
      <h3>{title}</h3>
      <Field label="Reason (emailed to the member)" error={errors}>
        {(id, describedBy) => (
          <input
            id={id}
            ref={reasonRef}
            value={reason}
            maxLength={500}
            aria-describedby={describedBy}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <ErrorAlert error={action.error} />
      <button type="submit" className="primary" disabled={action.busy}>
        Decline the application
      </button>{' '}
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}
