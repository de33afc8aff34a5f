import { CheckboxGroup } from './forms';

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
  return (
    <CheckboxGroup
      legend={props.legend ?? 'Topics (decide who may vote on it)'}
      options={props.topics.map((code) => [code, topicLabel(code)] as const)}
      chosen={props.value}
      onChange={props.onChange}
      error={props.error}
      testId="topics"
    />
  );
}
