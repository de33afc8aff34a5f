import { DeadlinePassed, InvalidInput } from '../errors';
import {
  assertMayEditAnswers,
  assertValidMonitoringAnswers,
  defaultMonitoringQuestions,
  defineMonitoringQuestions,
  emptyMonitoringAnswers,
  PREFER_NOT_TO_SAY,
  validateMonitoringAnswers,
} from './monitoring.questions';

describe('the monitoring form', () => {
  it('asks about gender, ethnicity, disability, LGBT+, age band and first AGM ever', () => {
    expect(defaultMonitoringQuestions().map((q) => q.code)).toEqual([
      'gender',
      'ethnicity',
      'disability',
      'lgbt',
      'age_band',
      'first_agm',
    ]);
  });

  it('offers "prefer not to say" on every question, and uses it for every unanswered one', () => {
    const questions = defaultMonitoringQuestions();
    for (const question of questions)
      expect(question.answers.map((a) => a.code)).toContain(PREFER_NOT_TO_SAY);
    expect(Object.values(emptyMonitoringAnswers(questions))).toEqual(questions.map(() => PREFER_NOT_TO_SAY));
  });

  it('adds "prefer not to say" to a question the union adds without it', () => {
    const questions = defineMonitoringQuestions([
      {
        code: 'caring',
        label: 'Do you have caring responsibilities?',
        answers: [
          { code: 'yes', label: 'Yes' },
          { code: 'no', label: 'No' },
        ],
      },
    ]);
    expect(questions.find((q) => q.code === 'caring')?.answers.map((a) => a.code)).toEqual([
      'yes',
      'no',
      PREFER_NOT_TO_SAY,
    ]);
  });

  it('refuses a union question that reuses a code already on the form', () => {
    expect(() =>
      defineMonitoringQuestions([
        { code: 'gender', label: 'Gender again', answers: [{ code: 'x', label: 'X' }] },
      ]),
    ).toThrow(InvalidInput);
  });
});

describe('monitoring answers', () => {
  const questions = defaultMonitoringQuestions();

  it('accepts answers from the form, and fills the rest with "prefer not to say"', () => {
    expect(validateMonitoringAnswers(questions, { gender: 'woman', disability: 'yes' })).toEqual({});
    const completed = assertValidMonitoringAnswers(questions, { gender: 'woman' });
    expect(completed.gender).toBe('woman');
    expect(completed.ethnicity).toBe(PREFER_NOT_TO_SAY);
  });

  it('names each invalid answer code and each unknown question', () => {
    const errors = validateMonitoringAnswers(questions, {
      gender: 'female',
      age_band: '30',
      shoe_size: '9',
      lgbt: 'no',
    });
    expect(Object.keys(errors).sort()).toEqual(['age_band', 'gender', 'shoe_size']);
    expect(errors.gender).toContain("'female'");
    expect(errors.age_band).toContain("'30'");
    expect(errors.shoe_size).toContain('not a monitoring question');
  });

  it('refuses invalid answers with the field errors attached', () => {
    try {
      assertValidMonitoringAnswers(questions, { disability: 'maybe' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).errors).toHaveProperty('disability');
    }
  });
});

describe('editing monitoring answers', () => {
  const openedAt = new Date('2025-10-02T09:00:00Z');

  it('lets a member change their answers before the AGM opens', () => {
    expect(() => assertMayEditAnswers(openedAt, new Date('2025-10-02T08:59:59Z'))).not.toThrow();
    expect(() => assertMayEditAnswers(null, new Date('2025-10-02T12:00:00Z'))).not.toThrow();
  });

  it('does not let a member change their answers once the AGM has opened', () => {
    expect(() => assertMayEditAnswers(openedAt, openedAt)).toThrow(DeadlinePassed);
    expect(() => assertMayEditAnswers(openedAt, new Date('2025-10-03T10:00:00Z'))).toThrow(
      /once the AGM has opened/,
    );
  });
});
