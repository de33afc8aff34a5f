import { useState } from 'react';
import { post } from '../api';
import { Outcome, useForm } from '../forms';
import { InputField } from '../ui';

/** Adds a section: one of the plan's numbered objectives ("Promoting and protecting members' interests"). */
export function PlanSectionForm(props: { year: number; onAdded: () => void }) {
  const form = useForm();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  return (
    <form
      aria-label="Add a section"
      className="card"
      onSubmit={form.onSubmit(async () => {
        await post(`/api/plans/${props.year}/sections`, { title, description: description || undefined });
        setTitle('');
        setDescription('');
        props.onAdded();
      }, 'Section added.')}
    >
      <h2>Add a section</h2>
      <InputField label="Section title" hint="Printed as OBJECTIVE N: TITLE" value={title} onChange={setTitle} error={form.errorFor('title')} />
      <InputField label="Section description" value={description} onChange={setDescription} error={form.errorFor('description')} />
      <button type="submit" disabled={form.busy}>
        Add the section
      </button>
      <Outcome of={form} />
    </form>
  );
}
