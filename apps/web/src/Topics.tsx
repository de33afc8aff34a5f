import { useId } from 'react';

/** A topic code as people read it: `pay_and_conditions` → "Pay and conditions". */
export const topicLabel = (code: string) => {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The conference's topics (its ruleset's) as checkboxes: a motion's topics decide which categories may
 * vote on it. `error` is the api's reason at `topics`, tied to each box by `aria-describedby`.
 */
export function TopicsFieldset(props: {
  topics: string[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  legend?: string;
}) {
  const id = useId();
  const { value, error } = props;
  const errorId = `${id}-error`;
  return (
    <fieldset className={error ? 'invalid' : undefined} data-testid="topics">
      <legend>{props.legend ?? 'Topics (decide who may vote on it)'}</legend>
      {error && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {props.topics.map((code) => (
        <label key={code} className="inline">
          <input
            type="checkbox"
            checked={value.includes(code)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) =>
              props.onChange(e.target.checked ? [...value, code] : value.filter((t) => t !== code))
            }
          />{' '}
          {topicLabel(code)}
        </label>
      ))}
    </fieldset>
  );
}
