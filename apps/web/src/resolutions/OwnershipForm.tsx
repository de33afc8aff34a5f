import { useEffect, useState } from 'react';
import type { ResolutionSummaryDto } from '@agm/contracts';
import { get, patch } from '../api';
import { Outcome, useForm } from '../forms';
import { InputField, SelectField } from '../ui';
import { STATUS_OPTIONS } from './words';

interface Body {
  id: string;
  name: string;
  kind: string;
}

/** Head office: the owning body, the target date and the status (with the reason where one is needed). */
export function OwnershipForm(props: { resolution: ResolutionSummaryDto; onSaved: () => void }) {
  const form = useForm();
  const r = props.resolution;
  const [bodies, setBodies] = useState<Body[]>([]);
  const [ownerBodyId, setOwnerBodyId] = useState(r.ownerBodyId ?? '');
  const [targetDate, setTargetDate] = useState(r.targetDate ?? '');
  const [status, setStatus] = useState<string>(r.status);
  const [statusReason, setStatusReason] = useState('');
  useEffect(() => {
    get<Body[]>('/api/membership/bodies').then(setBodies, () => setBodies([]));
  }, []);
  // Superseded and rescinded come from a later resolution's link, never from here.
  const choosable = STATUS_OPTIONS.filter(([value]) => value === r.status || (value !== 'superseded' && value !== 'rescinded'));
  return (
    <form
      aria-label={`Owner and status of ${r.name}`}
      onSubmit={form.onSubmit(async () => {
        await patch(`/api/resolutions/${r.id}`, {
          ownerBodyId: ownerBodyId || null,
          targetDate: targetDate || null,
          ...(status !== r.status ? { status, statusReason } : {}),
        });
        props.onSaved();
      }, `${r.name} saved.`)}
    >
      <SelectField
        label="Owner"
        value={ownerBodyId}
        options={[['', 'No owner yet'], ...bodies.filter((b) => b.kind === 'committee' || b.id === ownerBodyId).map((b) => [b.id, b.name] as const)]}
        onChange={setOwnerBodyId}
        error={form.errorFor('ownerBodyId')}
      />
      <InputField label="Target date" type="date" value={targetDate} onChange={setTargetDate} error={form.errorFor('targetDate')} />
      <SelectField label="Status" value={status} options={choosable} onChange={setStatus} error={form.errorFor('status')} />
      {status !== r.status && <InputField label="Reason for the change" hint="Needed when a resolution is not pursued" value={statusReason} onChange={setStatusReason} error={form.errorFor('statusReason')} />}
      <button type="submit" disabled={form.busy}>
        Save {r.name}
      </button>
      <Outcome of={form} />
    </form>
  );
}
