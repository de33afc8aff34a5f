import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ConferenceCreateDto, ConferenceResponseDto, ConferenceUpdateDto } from '@agm/contracts';
import { ApiError, patch, post } from './api';
import { clockTime, useForm } from './forms';
import { navigate } from './router';
import { refreshConference, rememberConference } from './session';
import { Done, ErrorAlert, InputField, SelectField } from './ui';

export type ConferenceFields = ConferenceCreateDto;
type FieldName = keyof ConferenceFields;

// Duplicated from the domain's CONFERENCE_FORMATS: the contracts' values never reach the bundle.
const FORMAT_LABEL: Record<ConferenceFields['format'], string> = {
  in_person: 'In person',
  hybrid: 'Hybrid: in the hall and online',
  online: 'Online only',
};

const FIELDS: FieldName[] = ['name', 'venue', 'timeZone', 'startsOn', 'endsOn', 'format'];

export const fieldsOf = (c: ConferenceResponseDto | ConferenceFields): ConferenceFields => ({
  name: c.name,
  venue: c.venue,
  timeZone: c.timeZone,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  format: c.format,
});

const blank = (): ConferenceFields => ({
  name: '',
  venue: '',
  timeZone: 'Europe/London',
  startsOn: '',
  endsOn: '',
  format: 'hybrid',
});

const sameFields = (a: ConferenceFields, b: ConferenceFields) => FIELDS.every((f) => a[f] === b[f]);

/** The zones this browser knows, offered as suggestions: the api decides (an unknown zone is refused at the field). */
const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['Europe/London'];
  }
})();

/** The conference's own fields, each with the api's reason for it. */
function ConferenceInputs(props: {
  idPrefix: string;
  value: ConferenceFields;
  onChange: (value: ConferenceFields) => void;
  errorFor: (...paths: string[]) => string | undefined;
}) {
  const { value } = props;
  const set = (field: FieldName) => (text: string) => props.onChange({ ...value, [field]: text });
  return (
    <>
      <InputField
        label="Conference name"
        error={props.errorFor('name')}
        maxLength={200}
        value={value.name}
        onChange={set('name')}
      />
      <InputField
        label="Venue"
        hint="Where the hall is, e.g. Eastbourne and online"
        error={props.errorFor('venue')}
        maxLength={200}
        value={value.venue}
        onChange={set('venue')}
      />
      <InputField
        label="Time zone"
        hint="An IANA name such as Europe/London: deadlines are entered and enforced in it"
        error={props.errorFor('timeZone')}
        list={`${props.idPrefix}-zones`}
        autoComplete="off"
        value={value.timeZone}
        onChange={set('timeZone')}
      />
      <datalist id={`${props.idPrefix}-zones`}>
        {ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <div className="inline-form">
        <InputField
          label="First day"
          error={props.errorFor('startsOn')}
          type="date"
          value={value.startsOn}
          onChange={set('startsOn')}
        />
        <InputField
          label="Last day"
          error={props.errorFor('endsOn')}
          type="date"
          value={value.endsOn}
          onChange={set('endsOn')}
        />
      </div>
      <SelectField
        label="Format"
        error={props.errorFor('format')}
        value={value.format}
        options={FORMAT_LABEL}
        onChange={set('format')}
      />
    </>
  );
}

/** Head office starts a conference: on the Napo default standing orders, then to its set-up screen. */
export function NewConference() {
  const form = useForm();
  const [value, setValue] = useState(blank);
  const create = (e: FormEvent) => {
    e.preventDefault();
    const body: ConferenceCreateDto = { ...value, name: value.name.trim(), venue: value.venue.trim() };
    void form.submit(async () => {
      const created = await post<ConferenceResponseDto>('/api/conferences', body);
      rememberConference(created);
      navigate(`/c/${created.id}/setup`);
      return created;
    });
  };
  return (
    <section className="card" aria-labelledby="new-conference">
      <h2 id="new-conference">New conference</h2>
      <p className="hint">
        It starts on Napo’s standing orders; its set-up screen opens next, for the deadlines, standing
        orders, sections and officials.
      </p>
      <form onSubmit={create} noValidate aria-labelledby="new-conference">
        <ConferenceInputs idPrefix="new" value={value} onChange={setValue} errorFor={form.errorFor} />
        <ErrorAlert error={form.error} />
        <button type="submit" className="primary" disabled={form.busy}>
          Create the conference
        </button>
      </form>
    </section>
  );
}

/**
 * The conference's details on its set-up screen. `conference` is the latest known (it follows other
 * administrators live): untouched, the form follows it; with unsaved edits, the form keeps them and
 * says the conference changed meanwhile, offering to show the current details. A save sends the
 * version the form was read at, so the api refuses (409) edits made on details changed since.
 */
export function EditConference(props: {
  conference: ConferenceResponseDto | null;
  onSaved: (conference: ConferenceResponseDto) => void;
  card: (children: ReactNode) => ReactNode;
}) {
  const { conference } = props;
  const form = useForm();
  const [basis, setBasis] = useState<ConferenceFields | null>(null);
  const [value, setValue] = useState<ConferenceFields | null>(null);
  // The conference's version the basis was read at: sent with a save as expectedVersion.
  const [basisVersion, setBasisVersion] = useState<number | null>(null);
  const [changedElsewhere, setChangedElsewhere] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (!conference) return;
    const latest = fieldsOf(conference);
    // Our own save, or nothing new: nothing to say (the edits were made on these very details).
    if (basis && sameFields(basis, latest)) return setBasisVersion(conference.version);
    if (!basis || !value || sameFields(basis, value)) {
      if (basis) setNote(`Changed by another administrator at ${clockTime()}; the current details are shown.`);
      setBasis(latest);
      setBasisVersion(conference.version);
      setValue(latest);
      setChangedElsewhere(null);
    } else if (!form.busy) {
      setChangedElsewhere(clockTime());
    }
  }, [conference, form.busy]);
  if (!conference || !value || !basis)
    return props.card(<p>Loading…</p>);
  const save = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = { ...value, name: value.name.trim(), venue: value.venue.trim() };
    const body: ConferenceUpdateDto = {
      ...Object.fromEntries(FIELDS.filter((f) => trimmed[f] !== basis[f]).map((f) => [f, trimmed[f]])),
      expectedVersion: basisVersion ?? undefined,
    };
    void form.submit(async () => {
      let saved: ConferenceResponseDto;
      try {
        saved = await patch<ConferenceResponseDto>(`/api/conferences/${conference.id}`, body);
      } catch (e) {
        // Changed meanwhile: read the details in force, so the form offers them next to these edits.
        if (e instanceof ApiError && e.statusCode === 409)
          void refreshConference(conference.id).catch(() => undefined);
        throw e;
      }
      setBasis(fieldsOf(saved));
      setBasisVersion(saved.version);
      setValue(fieldsOf(saved));
      setChangedElsewhere(null);
      setNote(null);
      rememberConference(saved);
      props.onSaved(saved);
      return saved;
    }, 'The conference’s details are saved.');
  };
  const showCurrent = () => {
    const latest = fieldsOf(conference);
    setBasis(latest);
    setBasisVersion(conference.version);
    setValue(latest);
    setChangedElsewhere(null);
    setNote(null);
    form.setError(null);
  };
  return props.card(
    <>
      {changedElsewhere && (
        <div className="alert warn" role="alert" data-testid="conference-changed">
          <p>
            Another administrator changed these details at {changedElsewhere}, while you were editing them:
            what is in force now is “{conference.name}”, {conference.venue}, {conference.startsOn} to{' '}
            {conference.endsOn} ({conference.timeZone}). Your edits are not saved, and saving them now would be
            refused as made on old details: show the current details, then make your change again.
          </p>
          <button type="button" onClick={showCurrent}>
            Show the current details (drops your edits)
          </button>
        </div>
      )}
      {note && (
        <p className="alert info" role="status" data-testid="conference-note">
          {note}
        </p>
      )}
      <form onSubmit={save} noValidate aria-labelledby="conference-details">
        <ConferenceInputs idPrefix="edit" value={value} onChange={setValue} errorFor={form.errorFor} />
        <ErrorAlert error={form.error} />
        <Done message={form.done} />
        <button
          type="submit"
          className="primary"
          disabled={form.busy || sameFields(value, basis)}
        >
          Save the conference’s details
        </button>
      </form>
    </>,
  );
}
