import { useEffect, useState } from 'react';
import type { MotionResponseDto, MotionTopicsDto, RulesetResponseDto } from '@agm/contracts';
import { get, post } from '../api';
import { Outcome, useForm } from '../forms';
import { TopicsFieldset } from '../Topics';
import { Field } from '../ui';

/**
 * The SOC sets or corrects a motion's topics (issue 19 item 3), with the reason the submitting body is
 * shown: they decide whether retired and associate members vote on it. Refusals at their fields.
 */
export function CorrectTopics(props: { base: string; motion: MotionResponseDto; onDone: () => void }) {
  const [topics, setTopics] = useState<string[] | null>(null);
  useEffect(() => {
    get<RulesetResponseDto>(`${props.base}/ruleset`).then(
      (r) => setTopics(r.ruleset.topics),
      () => setTopics([]),
    );
  }, [props.base]);
  const [chosen, setChosen] = useState<string[]>(props.motion.topics);
  const [reason, setReason] = useState('');
  const form = useForm();
  return (
    <details>
      <summary>Correct the topics</summary>
      <form
        aria-label={`Topics of “${props.motion.title}”`}
        onSubmit={form.onSubmit(async () => {
          const body: MotionTopicsDto = { topics: chosen, reason };
          await post(`${props.base}/motions/${props.motion.id}/topics`, body);
          setReason('');
          props.onDone();
        }, 'The topics are changed; the body is told why.')}
      >
        {topics && (
          <TopicsFieldset topics={topics} value={chosen} onChange={setChosen} error={form.errorFor('topics')} legend="Topics (decide who may vote on it)" />
        )}
        <Field label="Why the topics change (shown to the body)" error={form.errorFor('reason')}>
          {(id, describedBy) => (
            <textarea
              id={id}
              rows={2}
              aria-describedby={describedBy}
              aria-invalid={form.errorFor('reason') ? true : undefined}
              value={reason}
              maxLength={1000}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={form.busy}>
          Change the topics
        </button>
        <Outcome of={form} />
      </form>
    </details>
  );
}
