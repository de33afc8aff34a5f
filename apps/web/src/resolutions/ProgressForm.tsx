import { useRef, useState } from 'react';
import type { ResolutionSummaryDto } from '@agm/contracts';
import { post } from '../api';
import { Outcome, useForm } from '../forms';
import { Field, InputField } from '../ui';
import { today } from './words';

/** The owner's dated progress report. The focus stays in the form, which says what was recorded. */
export function ProgressForm(props: { resolution: ResolutionSummaryDto; onReported: () => void }) {
  const form = useForm();
  const [reportedOn, setReportedOn] = useState(today());
  const [text, setText] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  return (
    <form
      aria-label={`Report progress on ${props.resolution.name}`}
      onSubmit={form.onSubmit(async () => {
        await post(`/api/resolutions/${props.resolution.id}/progress`, { reportedOn, text });
        setText('');
        props.onReported();
        textRef.current?.focus();
      }, `Progress on ${props.resolution.name} recorded.`)}
    >
      <InputField label="Reported on" type="date" value={reportedOn} onChange={setReportedOn} error={form.errorFor('reportedOn')} required />
      <Field label="What has been done" hint="Dated, in a few sentences: it is read at the NEC and in the report to the next AGM" error={form.errorFor('text')}>
        {(id, describedBy) => (
          <textarea ref={textRef} id={id} rows={4} value={text} aria-describedby={describedBy} aria-invalid={form.errorFor('text') ? true : undefined} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <button type="submit" disabled={form.busy}>
        Report progress
      </button>
      <Outcome of={form} />
    </form>
  );
}
