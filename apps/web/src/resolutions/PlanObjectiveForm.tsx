import { useState } from 'react';
import type { PlanSectionResponseDto, ResolutionSummaryDto } from '@agm/contracts';
import { post } from '../api';
import { CheckboxGroup, Outcome, useForm } from '../forms';
import { InputField, SelectField } from '../ui';

/** Adds an objective under a section and area, citing the resolutions (in force) it carries out. */
export function PlanObjectiveForm(props: { year: number; sections: PlanSectionResponseDto[]; resolutions: ResolutionSummaryDto[]; onAdded: () => void }) {
  const form = useForm();
  const [sectionId, setSectionId] = useState(props.sections[0].id);
  const [area, setArea] = useState('');
  const [text, setText] = useState('');
  const [cited, setCited] = useState<string[]>([]);
  return (
    <form
      aria-label="Add an objective"
      className="card"
      onSubmit={form.onSubmit(async () => {
        await post(`/api/plans/${props.year}/objectives`, { sectionId, area: area || undefined, text, resolutionIds: cited });
        setText('');
        setCited([]);
        props.onAdded();
      }, 'Objective added.')}
    >
      <h2>Add an objective</h2>
      <SelectField label="Section" value={sectionId} options={props.sections.map((s) => [s.id, s.heading] as const)} onChange={setSectionId} error={form.errorFor('sectionId')} />
      <InputField label="Area" hint="Listed under it, e.g. Cafcass and Probation" value={area} onChange={setArea} error={form.errorFor('area')} />
      <InputField label="Objective" value={text} onChange={setText} error={form.errorFor('text')} />
      <CheckboxGroup
        legend="Resolutions it carries out"
        options={props.resolutions.map((r) => [r.id, `${r.name}: ${r.title}`] as const)}
        chosen={cited}
        onChange={setCited}
        error={form.errorFor('resolutionIds')}
      />
      <button type="submit" disabled={form.busy}>
        Add the objective
      </button>
      <Outcome of={form} />
    </form>
  );
}
