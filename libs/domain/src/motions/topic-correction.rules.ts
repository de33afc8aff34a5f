import { FieldErrors, InvalidInput, StandingOrderViolation } from '../errors';
import type { MotionStatus } from '../enums';

/**
 * Issue 19 item 3: the SOC sets or corrects a motion's topics (pay and conditions, industrial action…),
 * on which retired members' and associates' votes rest. Topics are fixed in a vote's eligibility
 * snapshot when it opens, so they may be corrected only while the motion is still before the SOC or on
 * the order of business, never once debated or decided; and always with a reason the body is shown.
 */
const CORRECTABLE: readonly MotionStatus[] = ['submitted', 'admitted', 'returned_for_editing', 'placed'];

/** Words for a topic code the ruleset names: "pay_and_conditions" → "pay and conditions". */
export const topicWords = (code: string) => code.replace(/_/g, ' ');

export interface TopicCorrection {
  from: string[];
  to: string[];
  reason: string;
  /** The audit's and the body's line: "Topics changed from pay and conditions to …: reason". */
  why: string;
}

export function correctTopics(
  motion: { status: MotionStatus; topics: string[] },
  topics: string[],
  reason: string,
  rulesetTopics: readonly string[],
): TopicCorrection {
  const errors: FieldErrors = {};
  const unknown = topics.filter((t) => !rulesetTopics.includes(t));
  if (unknown.length > 0)
    errors.topics = `${unknown.map(topicWords).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among this conference's topics (${rulesetTopics.map(topicWords).join(', ')})`;
  if (reason.trim() === '') errors.reason = 'say why the topics change: the submitting body is shown it';
  if (Object.keys(errors).length > 0) throw new InvalidInput('The topics were not changed.', errors);
  if (!CORRECTABLE.includes(motion.status))
    throw new StandingOrderViolation(
      'motion-topics',
      `A motion that is ${topicWords(motion.status)} keeps its topics: they are corrected only while it is before the SOC or on the order of business, before it is debated.`,
    );
  const to = [...new Set(topics)].sort((a, b) => rulesetTopics.indexOf(a) - rulesetTopics.indexOf(b));
  const from = motion.topics;
  if (to.length === from.length && to.every((t) => from.includes(t)))
    throw new InvalidInput('The topics were not changed.', { topics: 'these are the topics it already has' });
  const list = (ts: string[]) => (ts.length === 0 ? 'none' : ts.map(topicWords).join(', '));
  return { from, to, reason: reason.trim(), why: `Topics changed from ${list(from)} to ${list(to)}: ${reason.trim()}` };
}
