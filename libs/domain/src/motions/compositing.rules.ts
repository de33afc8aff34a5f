import { MotionKind, MotionStatus } from '../enums';
import { InvalidInput, StandingOrderViolation } from '../errors';
import { transitionMotion } from './motion-lifecycle.rules';
import { MotionActor, MotionAuditEntry } from './motion.types';

/**
 * The SOC merges similar motions into one composite with new text. The originals become "composited"
 * (pointing to the composite) and the composite keeps every original body as a submitter.
 */
export interface CompositeOriginal {
  id: string;
  conferenceId: string;
  kind: MotionKind;
  status: MotionStatus;
  /** Its title, for refusals (a person reads them, never an id). */
  title?: string;
  /** In order of precedence; a composite's own submitters when compositing a composite again. */
  submitterBodyIds: string[];
}

export interface CompositeMotion {
  id: string;
  conferenceId: string;
  kind: 'composite';
  /** True when made from constitutional amendments, so it needs their majority. */
  constitutional: boolean;
  title: string;
  text: string;
  status: 'admitted';
  submitterBodyIds: string[];
  compositedFrom: string[];
}

export interface CompositingResult {
  composite: CompositeMotion;
  originals: { id: string; status: 'composited'; compositeId: string; audit: MotionAuditEntry }[];
}

/** Placed: on the published order of business, not yet taken (the composite takes its place there). */
const COMPOSITABLE: readonly MotionStatus[] = ['submitted', 'admitted', 'placed'];

export function compositeMotions(
  originals: CompositeOriginal[],
  newText: string,
  title: string,
  ctx: { compositeId: string; actor: MotionActor; now: Date },
): CompositingResult {
  assertCompositable(originals, newText, title);
  const [first] = originals;
  const submitterBodyIds = [...new Set(originals.flatMap((m) => m.submitterBodyIds))];
  const composite: CompositeMotion = {
    id: ctx.compositeId,
    conferenceId: first.conferenceId,
    kind: 'composite',
    constitutional: first.kind === 'constitutional_amendment',
    title: title.trim(),
    text: newText.trim(),
    // The SOC made it, so it is admitted as it is made.
    status: 'admitted',
    submitterBodyIds,
    compositedFrom: originals.map((m) => m.id),
  };
  const reason = `Composited into "${composite.title}"`;
  return {
    composite,
    originals: originals.map((m) => {
      const step = transitionMotion(
        m,
        { name: 'composite', into: ctx.compositeId },
        ctx.actor,
        reason,
        ctx.now,
      );
      return { id: m.id, status: 'composited' as const, compositeId: ctx.compositeId, audit: step.audit };
    }),
  };
}

function assertCompositable(originals: CompositeOriginal[], newText: string, title: string): void {
  const errors: Record<string, string> = {};
  if (!newText.trim()) errors.text = 'a composite needs its own text';
  if (!title.trim()) errors.title = 'a composite needs a title';
  if (originals.length < 2) errors.originals = 'name at least two motions to composite';
  if (new Set(originals.map((m) => m.id)).size !== originals.length)
    errors.originals = 'a motion is named twice';
  if (Object.keys(errors).length > 0)
    throw new InvalidInput('The composite cannot be made as given.', errors);

  if (new Set(originals.map((m) => m.conferenceId)).size > 1) {
    throw new InvalidInput('Only motions to the same conference can be composited.', {
      originals: 'motions come from different conferences',
    });
  }
  const amendment = originals.find((m) => m.kind === 'amendment');
  if (amendment) {
    throw new StandingOrderViolation(
      'compositing',
      `${amendment.title ? `"${amendment.title}"` : 'One of the motions chosen'} is an amendment; amendments follow the motions they amend into a composite.`,
    );
  }
  const constitutional = originals.filter((m) => m.kind === 'constitutional_amendment').length;
  if (constitutional > 0 && constitutional < originals.length) {
    throw new StandingOrderViolation(
      'compositing',
      'Constitutional amendments can be composited only with other constitutional amendments.',
    );
  }
  const notReady = originals.filter((m) => !COMPOSITABLE.includes(m.status));
  if (notReady.length > 0) {
    throw new StandingOrderViolation(
      'compositing',
      `Only submitted or admitted motions, or those placed on the order of business and not yet taken, can be composited; ${notReady.map((m) => `${m.title ? `"${m.title}"` : 'one chosen'} is ${m.status.replace(/_/g, ' ')}`).join(', ')}.`,
    );
  }
}
