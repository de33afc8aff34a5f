import { Forbidden, InvalidInput, StandingOrderViolation } from '../errors';
import { CompositeOriginal, compositeMotions } from './compositing.rules';

const now = new Date('2025-09-15T14:00:00Z');
const ctx = { compositeId: 'c1', actor: { id: 'soc-1', role: 'soc' as const }, now };
const original = (
  id: string,
  bodies: string[],
  overrides: Partial<CompositeOriginal> = {},
): CompositeOriginal => ({
  id,
  conferenceId: 'agm-2025',
  kind: 'motion',
  status: 'submitted',
  submitterBodyIds: bodies,
  ...overrides,
});

function refusal(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('compositing motions', () => {
  it('makes one composite that keeps every original body as a submitter, in order, once each', () => {
    const originals = [
      original('m5', ['nec']),
      original('m8', ['london', 'cymru']),
      original('m9', ['cymru', 'yorkshire'], { status: 'admitted' }),
    ];
    const { composite } = compositeMotions(
      originals,
      ' AGM calls for AI to be used only ethically. ',
      ' The use of AI ',
      ctx,
    );
    expect(composite).toEqual({
      id: 'c1',
      conferenceId: 'agm-2025',
      kind: 'composite',
      constitutional: false,
      title: 'The use of AI',
      text: 'AGM calls for AI to be used only ethically.',
      status: 'admitted',
      submitterBodyIds: ['nec', 'london', 'cymru', 'yorkshire'],
      compositedFrom: ['m5', 'm8', 'm9'],
    });
  });

  it('marks each original composited into the composite, with an audit entry', () => {
    const { originals } = compositeMotions(
      [original('m5', ['nec']), original('m8', ['london'])],
      'Text.',
      'Title',
      ctx,
    );
    expect(originals.map((o) => [o.id, o.status, o.compositeId])).toEqual([
      ['m5', 'composited', 'c1'],
      ['m8', 'composited', 'c1'],
    ]);
    expect(originals[1].audit).toMatchObject({
      motionId: 'm8',
      who: 'soc-1',
      when: now,
      from: 'submitted',
      to: 'composited',
      why: 'Composited into "Title"',
    });
  });

  it('composites constitutional amendments only with each other, and says so on the composite', () => {
    const cas = [
      original('ca1', ['b1'], { kind: 'constitutional_amendment' }),
      original('ca2', ['nec'], { kind: 'constitutional_amendment' }),
    ];
    expect(compositeMotions(cas, 'Rule 7 is amended.', 'Rule 7', ctx).composite.constitutional).toBe(true);
    const mixed = [cas[0], original('m1', ['b2'])];
    expect(refusal(() => compositeMotions(mixed, 'Text.', 'Title', ctx))).toBeInstanceOf(
      StandingOrderViolation,
    );
  });
});

describe('refusing a composite', () => {
  it('refuses a motion already ruled out of order, withdrawn or composited', () => {
    for (const status of ['ruled_out_of_order', 'withdrawn', 'composited', 'draft'] as const) {
      const error = refusal(() =>
        compositeMotions([original('m1', ['a']), original('m2', ['b'], { status, title: 'Fair pay' })], 'Text.', 'Title', ctx),
      );
      expect(error).toBeInstanceOf(StandingOrderViolation);
      expect(error.message).toContain(`"Fair pay" is ${status.replace(/_/g, ' ')}`);
    }
  });

  it('refuses motions from different conferences', () => {
    const error = refusal(() =>
      compositeMotions(
        [original('m1', ['a']), original('m2', ['b'], { conferenceId: 'agm-2024' })],
        'Text.',
        'Title',
        ctx,
      ),
    );
    expect(error).toBeInstanceOf(InvalidInput);
  });

  it('refuses a single motion, the same motion twice, or a composite with no text or title', () => {
    expect(refusal(() => compositeMotions([original('m1', ['a'])], 'Text.', 'Title', ctx))).toBeInstanceOf(
      InvalidInput,
    );
    expect(
      refusal(() => compositeMotions([original('m1', ['a']), original('m1', ['a'])], 'Text.', 'Title', ctx)),
    ).toBeInstanceOf(InvalidInput);
    const error = refusal(() =>
      compositeMotions([original('m1', ['a']), original('m2', ['b'])], ' ', '', ctx),
    ) as InvalidInput;
    expect(Object.keys(error.errors ?? {}).sort()).toEqual(['text', 'title']);
  });

  it('refuses amendments as originals', () => {
    expect(
      refusal(() =>
        compositeMotions(
          [original('m1', ['a']), original('a1', ['b'], { kind: 'amendment' })],
          'T.',
          'T',
          ctx,
        ),
      ),
    ).toBeInstanceOf(StandingOrderViolation);
  });

  it('lets only the SOC composite', () => {
    const chairCtx = { ...ctx, actor: { id: 'chair', role: 'chair' as const } };
    expect(
      refusal(() => compositeMotions([original('m1', ['a']), original('m2', ['b'])], 'T.', 'T', chairCtx)),
    ).toBeInstanceOf(Forbidden);
  });
});
