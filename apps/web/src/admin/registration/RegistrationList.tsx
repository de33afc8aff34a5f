import { useState } from 'react';
import type { AccessCodeResponseDto, RegistrationResponseDto } from '@agm/contracts';
import { del, post } from '../../api';
import { RowButton } from '../../forms';
import { Done, ErrorAlert, InputField, SelectField, useAction } from '../../ui';
import { IssuedCode } from './IssuedCode';
import { MODE_TEXT } from './labels';
import { SwitchMode } from './SwitchMode';

const SHOWN = 200;
const MODE_FILTER = { any: 'Hall and remote', hall: 'In the hall', remote: 'Remote' };
const PRESENCE_FILTER = { any: 'Present or not', yes: 'Present', no: 'Not present' };
const CODE_FILTER = {
  any: 'Any',
  emailed: 'Emailed',
  unsent: 'Letter to print or email failed',
  letter_printed: 'Letter printed',
  revoked: 'Revoked',
};

/** Everyone registered: found by name or number, filtered, and acted on one row at a time. */
export function RegistrationList(props: {
  base: string;
  registrations: RegistrationResponseDto[];
  onChange: () => void;
}) {
  const [search, setSearch] = useState('');
  const [mode, setMode] = useState('any');
  const [presence, setPresence] = useState('any');
  const [code, setCode] = useState('any');
  const [switching, setSwitching] = useState<RegistrationResponseDto | null>(null);
  const [issued, setIssued] = useState<AccessCodeResponseDto | null>(null);
  const action = useAction();
  const term = search.trim().toLowerCase();
  const shown = props.registrations.filter(
    (r) =>
      (!term || `${r.name} ${r.membershipNumber}`.toLowerCase().includes(term)) &&
      (mode === 'any' || r.attendanceMode === mode) &&
      (presence === 'any' || r.present === (presence === 'yes')) &&
      (code === 'any' ||
        (code === 'revoked'
          ? r.codeRevoked
          : !r.codeRevoked &&
            (code === 'unsent'
              ? r.codeDelivery === 'letter_due' || r.codeDelivery === 'email_failed'
              : r.codeDelivery === code))),
  );
  const act = (work: () => Promise<unknown>, done: string) =>
    void action.run(async () => {
      setIssued(null);
      await work();
      props.onChange();
    }, done);
  return (
    <section className="card" aria-labelledby="regs">
      <h2 id="regs">Registered attendees ({props.registrations.length})</h2>
      <div className="filters">
        <InputField label="Find by name or membership number" type="search" value={search} onChange={setSearch} />
        <SelectField label="Attending" value={mode} options={MODE_FILTER} onChange={setMode} />
        <SelectField label="Present" value={presence} options={PRESENCE_FILTER} onChange={setPresence} />
        <SelectField label="Access code" value={code} options={CODE_FILTER} onChange={setCode} />
      </div>
      <p className="muted" role="status">
        {shown.length === props.registrations.length
          ? `Showing ${Math.min(shown.length, SHOWN)} of ${shown.length}.`
          : `${shown.length} match${shown.length === 1 ? 'es' : ''}${shown.length > SHOWN ? `; the first ${SHOWN} shown` : ''}.`}
      </p>
      <ErrorAlert error={action.error} />
      <Done message={action.done} />
      {issued && <IssuedCode issued={issued} />}
      {switching && (
        <SwitchMode
          base={props.base}
          registration={switching}
          onClose={(switched) => {
            setSwitching(null);
            if (switched) props.onChange();
          }}
        />
      )}
      {/* Focusable so a keyboard can scroll it sideways on a phone (WCAG 2.1.1). */}
      <div className="table-scroll contained" tabIndex={0} role="region" aria-labelledby="regs">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Attending</th>
              <th scope="col">Present</th>
              <th scope="col">Access code</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOWN).map((r) => (
              <tr key={r.id}>
                <td>
                  {r.name}
                  <br />
                  <span className="muted">{r.membershipNumber}</span>
                </td>
                <td>{MODE_TEXT[r.attendanceMode]}</td>
                <td>{r.present ? 'Yes' : 'No'}</td>
                <td>{r.codeRevoked ? 'Revoked' : r.codeDeliveryText}</td>
                <td className="row-actions">
                  {r.attendanceMode === 'hall' && (
                    <RowButton
                      action={r.checkedIn ? 'Check out' : 'Check in'}
                      target={r.name}
                      disabled={action.busy}
                      onClick={() =>
                        act(
                          () => post(`${props.base}/registrations/${r.id}/${r.checkedIn ? 'check-out' : 'check-in'}`),
                          `${r.name} checked ${r.checkedIn ? 'out' : 'in'}.`,
                        )
                      }
                    />
                  )}
                  <RowButton
                    action={r.attendanceMode === 'hall' ? 'Switch to remote' : 'Check in at the hall'}
                    target={r.name}
                    disabled={action.busy}
                    onClick={() => setSwitching(r)}
                  />
                  <RowButton
                    action="Reissue code"
                    target={r.name}
                    disabled={action.busy}
                    onClick={() =>
                      void action.run(async () => {
                        setIssued(await post<AccessCodeResponseDto>(`${props.base}/registrations/${r.id}/access-code`));
                        props.onChange();
                      })
                    }
                  />
                  {!r.codeRevoked && (
                    <RowButton
                      action="Revoke code"
                      target={r.name}
                      disabled={action.busy}
                      onClick={() =>
                        act(
                          () => del(`${props.base}/registrations/${r.id}/access-code`),
                          `${r.name}'s access code is revoked; they are signed out.`,
                        )
                      }
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
