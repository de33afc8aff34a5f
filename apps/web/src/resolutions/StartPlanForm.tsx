import { useState } from 'react';
import { post } from '../api';
import { Outcome, useForm } from '../forms';
import { InputField } from '../ui';

/** No plan for the year yet: start one, naming the AGM whose resolutions it carries out. */
export function StartPlanForm(props: { year: number; onStarted: () => void }) {
  const form = useForm();
  const [agmYear, setAgmYear] = useState(String(props.year - 1));
  const [introduction, setIntroduction] = useState('');
  return (
    <form aria-label={`Start the ${props.year} plan`} onSubmit={form.onSubmit(async () => (await post('/api/plans', { year: props.year, agmYear: Number(agmYear), introduction: introduction || undefined }), props.onStarted()))}>
      <p>There is no operational plan for {props.year} yet.</p>
      <InputField label="Carries out the resolutions of the AGM of" inputMode="numeric" value={agmYear} onChange={setAgmYear} error={form.errorFor('agmYear')} />
      <InputField label="Introduction" value={introduction} onChange={setIntroduction} error={form.errorFor('introduction')} />
      <button type="submit" disabled={form.busy}>
        Start the {props.year} plan
      </button>
      <Outcome of={form} />
    </form>
  );
}
