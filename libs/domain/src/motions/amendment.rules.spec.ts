import fc from 'fast-check';
import { MotionStatus } from '../enums';
import { Forbidden, InvalidInput, StandingOrderViolation } from '../errors';
import { applyAmendment, assertMayAmend, assessAmendment, ruleOnAmendment } from './amendment.rules';

const motion =
  'This AGM notes with concern that there are inconsistencies in the standards of Health and Safety across England and Wales. ' +
  'This AGM agrees to prioritise a set of minimum standards for health and safety.';
const now = new Date('2025-09-01T10:00:00Z');

function refusal(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('applying an amendment', () => {
  it('deletes words, leaving single spaces', () => {
    const amended = applyAmendment(motion, { instructions: [{ op: 'delete', text: 'with concern' }] });
    expect(amended).toContain('This AGM notes that there are');
  });

  it('deletes words before a full stop without leaving a space before it', () => {
    expect(
      applyAmendment('We act across England and Wales.', {
        instructions: [{ op: 'delete', text: 'and Wales' }],
      }),
    ).toBe('We act across England.');
  });

  it('inserts words after the quoted words', () => {
    const amended = applyAmendment(motion, {
      instructions: [{ op: 'insert', after: 'set of', text: 'enforceable' }],
    });
    expect(amended).toContain('a set of enforceable minimum standards');
  });

  it('adds words at the end when no place is named', () => {
    const amended = applyAmendment('This AGM agrees.', {
      instructions: [{ op: 'insert', text: 'It instructs the NEC to act.' }],
    });
    expect(amended).toBe('This AGM agrees. It instructs the NEC to act.');
  });

  it('replaces words, and applies several instructions in turn', () => {
    const amended = applyAmendment(motion, {
      instructions: [
        { op: 'replace', from: 'prioritise', to: 'negotiate' },
        { op: 'insert', after: 'health and safety', text: 'with HMPPS by 2026' },
      ],
    });
    expect(
      amended.endsWith(
        'This AGM agrees to negotiate a set of minimum standards for health and safety with HMPPS by 2026.',
      ),
    ).toBe(true);
  });

  it('matches quoted words across a line break', () => {
    expect(
      applyAmendment('This AGM\nnotes the report.', {
        instructions: [{ op: 'replace', from: 'AGM notes', to: 'AGM welcomes' }],
      }),
    ).toBe('This AGM welcomes the report.');
  });

  it('takes a full replacement text as it is', () => {
    expect(applyAmendment(motion, { replacement: '  New text.  ' })).toBe('New text.');
  });

  it('refuses an instruction whose words are not in the motion, saying which instruction', () => {
    const error = refusal(() =>
      applyAmendment(motion, {
        instructions: [
          { op: 'delete', text: 'with concern' },
          { op: 'delete', text: 'Scotland' },
        ],
      }),
    );
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.message).toContain('Instruction 2 (delete): the words "Scotland" are not in the motion');
  });

  it('refuses quoted words that stand in the motion more than once', () => {
    const error = refusal(() =>
      applyAmendment(motion, { instructions: [{ op: 'insert', after: 'This AGM', text: 'also' }] }),
    );
    expect(error.message).toContain('appear 2 times');
  });

  it('refuses an instruction that quotes nothing, and an amendment with no instructions', () => {
    expect(
      refusal(() => applyAmendment(motion, { instructions: [{ op: 'delete', text: '  ' }] })),
    ).toBeInstanceOf(InvalidInput);
    expect(refusal(() => applyAmendment(motion, { instructions: [] }))).toBeInstanceOf(InvalidInput);
  });

  it('takes quoted words with regular-expression characters literally', () => {
    expect(applyAmendment('Cut (SDS40) now.', { instructions: [{ op: 'delete', text: '(SDS40)' }] })).toBe(
      'Cut now.',
    );
  });

  it('gives back every word of the motion when an inserted phrase is deleted again', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 2, maxLength: 12 }), fc.nat(), (motionWords, at) => {
        const text = motionWords.join(' ') + '.';
        const anchor = motionWords.slice(0, (at % motionWords.length) + 1).join(' ');
        const inserted = applyAmendment(text, {
          instructions: [{ op: 'insert', after: anchor, text: 'ZZUNIQUE' }],
        });
        expect(applyAmendment(inserted, { instructions: [{ op: 'delete', text: 'ZZUNIQUE' }] })).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('assessing an amendment for the SOC and the chair', () => {
  it('finds an amendment that adds words keeps the original wording and is no direct negative', () => {
    const amended = applyAmendment(motion, {
      instructions: [{ op: 'insert', after: 'set of', text: 'enforceable' }],
    });
    const assessment = assessAmendment(motion, amended);
    expect(assessment).toMatchObject({
      keepsOriginalWording: true,
      looksLikeDirectNegative: false,
      insertedWords: ['enforceable'],
      deletedWords: [],
    });
    expect(assessment.retainedShare).toBe(1);
    expect(assessment.advisories).toEqual([]);
  });

  it('flags an amendment that only inserts "not" as a direct negative', () => {
    const amended = applyAmendment(motion, {
      instructions: [{ op: 'insert', after: 'AGM agrees', text: 'not' }],
    });
    const assessment = assessAmendment(motion, amended);
    expect(assessment.looksLikeDirectNegative).toBe(true);
    expect(assessment.keepsOriginalWording).toBe(true);
    expect(assessment.advisories.join(' ')).toContain('direct negative');
  });

  it('flags "agrees" turned into "does not agree" and "agrees" replaced by "rejects"', () => {
    const doesNot = applyAmendment(motion, {
      instructions: [{ op: 'replace', from: 'AGM agrees', to: 'AGM does not agree' }],
    });
    expect(assessAmendment(motion, doesNot).looksLikeDirectNegative).toBe(true);
    const rejects = applyAmendment(motion, {
      instructions: [{ op: 'replace', from: 'agrees to prioritise', to: 'rejects' }],
    });
    expect(assessAmendment(motion, rejects).looksLikeDirectNegative).toBe(true);
  });

  it('flags an amendment that takes "not" out of a negative motion', () => {
    expect(
      assessAmendment('This AGM does not support the merger.', 'This AGM does support the merger.')
        .looksLikeDirectNegative,
    ).toBe(true);
  });

  it('flags an amendment that deletes everything, which also keeps none of the wording', () => {
    // Shares only "for" with the motion: a function word is no wording kept.
    const assessment = assessAmendment(motion, 'Napo should campaign for better pay.');
    expect(assessment).toMatchObject({
      deletesEverything: true,
      keepsOriginalWording: false,
      looksLikeDirectNegative: true,
      retainedShare: 0,
    });
    expect(assessment.advisories).toHaveLength(2);
  });

  it('does not flag an amendment that deletes a phrase and adds a substantive one', () => {
    const amended = applyAmendment(motion, {
      instructions: [
        { op: 'replace', from: 'a set of minimum standards', to: 'a national audit of buildings' },
      ],
    });
    const assessment = assessAmendment(motion, amended);
    expect(assessment.looksLikeDirectNegative).toBe(false);
    expect(assessment.retainedShare).toBeGreaterThan(0.8);
    expect(assessment.retainedShare).toBeLessThan(1);
  });
});

describe('what may be amended', () => {
  it.each(['submitted', 'admitted', 'placed', 'returned_for_editing'] as MotionStatus[])(
    'takes an amendment to a %s motion',
    (status) => {
      expect(() => assertMayAmend({ id: 'm1', kind: 'motion', status })).not.toThrow();
    },
  );

  it('refuses an amendment to a motion ruled out of order', () => {
    const error = refusal(() => assertMayAmend({ id: 'm1', kind: 'motion', status: 'ruled_out_of_order' }));
    expect(error).toBeInstanceOf(StandingOrderViolation);
    expect(error.message).toContain('ruled out of order');
  });

  it('refuses an amendment to a withdrawn or a composited motion, pointing to the composite', () => {
    expect(refusal(() => assertMayAmend({ id: 'm1', kind: 'motion', status: 'withdrawn' }))).toBeInstanceOf(
      StandingOrderViolation,
    );
    expect(
      refusal(() => assertMayAmend({ id: 'm1', kind: 'motion', status: 'composited' })).message,
    ).toContain('amend the composite');
  });

  it('refuses an amendment to a motion already carried, and to an amendment', () => {
    expect(refusal(() => assertMayAmend({ id: 'm1', kind: 'motion', status: 'carried' })).message).toContain(
      'already been decided (carried)',
    );
    expect(refusal(() => assertMayAmend({ id: 'a1', kind: 'amendment', status: 'admitted' }))).toBeInstanceOf(
      StandingOrderViolation,
    );
  });
});

describe('ruling on an amendment', () => {
  it('records an admissible ruling without a reason', () => {
    expect(ruleOnAmendment('a1', { admissible: true }, { id: 'soc-1', role: 'soc' }, now)).toEqual({
      amendmentId: 'a1',
      ruling: 'admissible',
      reason: null,
      who: 'soc-1',
      when: now,
    });
  });

  it('requires a reason to rule an amendment inadmissible', () => {
    expect(
      refusal(() =>
        ruleOnAmendment('a1', { admissible: false, reason: ' ' }, { id: 'c', role: 'chair' }, now),
      ),
    ).toBeInstanceOf(InvalidInput);
    expect(
      ruleOnAmendment(
        'a1',
        { admissible: false, reason: 'a direct negative' },
        { id: 'c', role: 'chair' },
        now,
      ).reason,
    ).toBe('a direct negative');
  });

  it('lets only the SOC or the chair rule', () => {
    expect(
      refusal(() => ruleOnAmendment('a1', { admissible: true }, { id: 'o', role: 'officer' }, now)),
    ).toBeInstanceOf(Forbidden);
  });
});

describe('quoting words in an instruction', () => {
  it('matches whole words only, so deleting "age" leaves "wage" alone', () => {
    expect(
      applyAmendment('A fair wage at any age.', { instructions: [{ op: 'delete', text: 'at any age' }] }),
    ).toBe('A fair wage.');
    expect(() => applyAmendment('A fair wage.', { instructions: [{ op: 'delete', text: 'age' }] })).toThrow(
      InvalidInput,
    );
  });
});
