import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from './api';
import { Done, ErrorAlert, InputField, useAction } from './ui';

/** useAction plus the api's `errors` map, so each field can show its own reason. */
export function useForm() {
  const action = useAction();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = <T,>(work: () => Promise<T>, done?: string | ((value: T) => string)) =>
    action.run(async () => {
      setErrors({});
      try {
        return await work();
      } catch (e) {
        if (e instanceof ApiError) setErrors(e.errors ?? {});
        throw e;
      }
    }, done);
  /** The api's reasons for these field paths, joined; undefined when there are none. */
  const errorFor = (...paths: string[]) => {
    const found = paths.map((p) => errors[p]).filter(Boolean);
    return found.length > 0 ? found.join('; ') : undefined;
  };
  /** Every reason whose path starts with `prefix`, as "path: reason". */
  const errorsUnder = (prefix: string) =>
    Object.entries(errors)
      .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
      .map(([path, why]) => ({ path, why }));
  /** A form's onSubmit: the page is not reloaded, and `work` runs as `submit` runs it. */
  const onSubmit =
    <T,>(work: () => Promise<T>, done?: string | ((value: T) => string)) =>
    (e: FormEvent) => {
      e.preventDefault();
      void submit(work, done);
    };
  return { ...action, submit, onSubmit, errorFor, errorsUnder };
}

/** The time as people in the hall read it, for "changed at" notes. */
export const clockTime = (at = new Date()) =>
  at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The form's refusal (an alert) and its confirmation (a status), where every form shows them. */
export function Outcome({ of }: { of: { error: string | null; done: string | null } }) {
  return (
    <>
      <ErrorAlert error={of.error} />
      <Done message={of.done} />
    </>
  );
}

/** A checkbox with its text as its label; `hiddenLabel` where a table's headings already show it. */
export function Checkbox(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  hiddenLabel?: boolean;
  /** The id of the reason its list was refused, which also marks the box invalid. */
  errorId?: string;
}) {
  return (
    <label className="inline">
      <input
        type="checkbox"
        checked={props.checked}
        aria-invalid={props.errorId ? true : undefined}
        aria-describedby={props.errorId}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.hiddenLabel ? <span className="visually-hidden">{props.children}</span> : <> {props.children}</>}
    </label>
  );
}

/** `list` with `item` in it or not: ticking adds it once, unticking takes it out. */
const ticked = (list: string[], item: string, on: boolean) =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

/**
 * A fieldset of checkboxes choosing some of `options` ([value, text] pairs), with the api's reason for
 * the whole list above them, tied to each box by aria-describedby (a screen
 * reader announces a box's description, not always a fieldset's). `children` follow the boxes.
 */
export function CheckboxGroup(props: {
  legend: string;
  options: Array<readonly [string, string]>;
  chosen: string[];
  onChange: (chosen: string[]) => void;
  error?: string;
  children?: ReactNode;
  testId?: string;
}) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset className={props.error ? 'invalid' : undefined} data-testid={props.testId}>
      <legend>{props.legend}</legend>
      {props.error && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
      {props.options.map(([value, text]) => (
        <Checkbox
          key={value}
          checked={props.chosen.includes(value)}
          errorId={props.error ? errorId : undefined}
          onChange={(on) => props.onChange(ticked(props.chosen, value, on))}
        >
          {text}
        </Checkbox>
      ))}
      {props.children}
    </fieldset>
  );
}

/** A text field with a button that adds what was typed (Enter adds too, rather than saving the form). */
export function AddField(props: {
  label: string;
  hint?: string;
  error?: string;
  maxLength?: number;
  value: string;
  onChange: (value: string) => void;
  button: string;
  onAdd: () => void;
}) {
  const { button, onAdd, ...field } = props;
  return (
    <div>
      <InputField {...field} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), onAdd())} />
      <button type="button" disabled={!props.value.trim()} onClick={onAdd}>
        {button}
      </button>
    </div>
  );
}

/**
 * A small button in a list's row: it shows `action` ("Remove") and tells a screen reader what it acts
 * on (`target`, e.g. "the category retired"), since the row around it is not read with it.
 */
export function RowButton(props: {
  action: string;
  target: ReactNode;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <button type="button" className="small" disabled={props.disabled} onClick={props.onClick}>
      {props.action} <span className="visually-hidden">{props.target}</span>
    </button>
  );
}
