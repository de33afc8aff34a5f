import { useEffect, useState, type ReactNode } from 'react';
import type { MinutesApproveDto, MinutesStatusResponseDto } from '@agm/contracts';
import { ApiError, get, post } from '../api';
import { DocumentLinks, minutesDocuments } from '../Documents';
import { Outcome, useForm } from '../forms';
import { ErrorAlert, Field, InputField, SelectField } from '../ui';

const APPROVERS: Array<readonly [MinutesApproveDto['approvedBy'], string]> = [
  ['next_meeting', 'The next meeting of conference'],
  ['nec', 'The NEC'],
];

/** A textarea with its label, hint and the api's reason, as InputField does for an input. */
function TextArea(props: { label: string; hint?: string; error?: string; value: string; onChange: (v: string) => void; maxLength: number }) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(id, describedBy) => (
        <textarea
          id={id}
          rows={3}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          maxLength={props.maxLength}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * The minutes of record (issue 19 item 7): a draft until the next meeting or the NEC approves them.
 * Head office records the approval here, once, after a confirmation: approved minutes are fixed.
 */
export function MinutesApproval(props: {
  conferenceId: string;
  mayManage: boolean;
  revision: number;
  card: (children: ReactNode) => ReactNode;
}) {
  const base = `/api/conferences/${props.conferenceId}/minutes/approval`;
  const [status, setStatus] = useState<MinutesStatusResponseDto | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    get<MinutesStatusResponseDto>(base).then(setStatus, (e: unknown) =>
      setLoadError(e instanceof ApiError ? e.describe() : String(e)),
    );
  }, [base, props.revision]);
  const form = useForm();
  const [approvedBy, setApprovedBy] = useState<MinutesApproveDto['approvedBy']>('next_meeting');
  const [meeting, setMeeting] = useState('');
  const [meetingOn, setMeetingOn] = useState('');
  const [how, setHow] = useState('');
  const [corrections, setCorrections] = useState('');
  const [confirming, setConfirming] = useState(false);
  const record = () =>
    void form.submit(async () => {
      setConfirming(false);
      const body: MinutesApproveDto = { approvedBy, meeting, meetingOn, how, ...(corrections.trim() ? { corrections } : {}) };
      setStatus(await post<MinutesStatusResponseDto>(base, body));
    }, 'The approval is recorded; the minutes now print it.');
  return props.card(
    <>
      <ErrorAlert error={loadError} />
      {status && (
        <p className="status" data-testid="minutes-status" data-state={status.state}>
          {status.statusText}
        </p>
      )}
      {status?.approval?.corrections && (
        <p data-testid="minutes-corrections">Corrections made on approval: {status.approval.corrections}</p>
      )}
      <DocumentLinks title="The minutes" documents={minutesDocuments(props.conferenceId)} />
      {status?.state === 'draft' && props.mayManage && (
        <form
          aria-label="Record the approval of the minutes"
          onSubmit={(e) => {
            e.preventDefault();
            setConfirming(true);
          }}
        >
          <SelectField
            label="Approved by"
            value={approvedBy}
            options={APPROVERS}
            error={form.errorFor('approvedBy')}
            onChange={(v) => setApprovedBy(v as MinutesApproveDto['approvedBy'])}
          />
          <InputField label="Meeting" hint="As the record names it, e.g. “AGM 2027” or “NEC meeting”" error={form.errorFor('meeting')} value={meeting} onChange={setMeeting} maxLength={200} />
          <InputField label="Date of the meeting" type="date" error={form.errorFor('meetingOn')} value={meetingOn} onChange={setMeetingOn} />
          <TextArea label="How the meeting approved them" hint="E.g. “Moved by the chair, seconded, agreed on a show of hands”" error={form.errorFor('how')} value={how} onChange={setHow} maxLength={1000} />
          <TextArea label="Corrections made before approving (if any)" error={form.errorFor('corrections')} value={corrections} onChange={setCorrections} maxLength={4000} />
          {confirming ? (
            <div className="alert warn" role="alertdialog" aria-labelledby="minutes-confirm-text">
              <p id="minutes-confirm-text">
                Record that {APPROVERS.find(([code]) => code === approvedBy)?.[1].toLowerCase()} approved the minutes? Approved
                minutes are fixed as they stand now: this cannot be undone.
              </p>
              <div className="button-row">
                <button type="button" className="primary" disabled={form.busy} onClick={record}>
                  Yes, record the approval
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button type="submit" className="primary">
              Record the approval…
            </button>
          )}
        </form>
      )}
      <Outcome of={form} />
    </>,
  );
}
