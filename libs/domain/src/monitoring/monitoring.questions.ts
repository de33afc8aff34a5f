import { DeadlinePassed, FieldErrors, InvalidInput } from '../errors';

/**
 * The equality monitoring form as data. Answering is voluntary and self-declared: every question offers
 * 'prefer_not_to_say', which is also what an unanswered question counts as. Answers are UK GDPR special
 * category data, so they are keyed by a pseudonymous attendee key, never by a member.
 */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

/** The self-declared "is this your first AGM ever?" question; first-time-at-this-AGM is derived instead. */
export const FIRST_AGM_QUESTION_CODE = 'first_agm';
export const FIRST_AGM_YES = 'yes';

export interface MonitoringAnswerOption {
  code: string;
  label: string;
}

export interface MonitoringQuestion {
  code: string;
  label: string;
  /** Answer codes in display order; always includes 'prefer_not_to_say'. */
  answers: MonitoringAnswerOption[];
}

/** questionCode → answerCode, for one registered attendee. */
export type MonitoringAnswers = Record<string, string>;

const preferNotToSay: MonitoringAnswerOption = { code: PREFER_NOT_TO_SAY, label: 'Prefer not to say' };
const yesNo = (yes: string, no: string): MonitoringAnswerOption[] => [
  { code: 'yes', label: yes },
  { code: 'no', label: no },
  preferNotToSay,
];

/** The questions DOMAIN.md lists. A union adds its own with `defineMonitoringQuestions`. */
export function defaultMonitoringQuestions(): MonitoringQuestion[] {
  return [
    {
      code: 'gender',
      label: 'Gender',
      answers: [
        { code: 'woman', label: 'Woman' },
        { code: 'man', label: 'Man' },
        { code: 'non_binary', label: 'Non-binary' },
        // No free-text self-description: a unique description would identify its author.
        { code: 'another_term', label: 'I use another term' },
        preferNotToSay,
      ],
    },
    {
      code: 'ethnicity',
      label: 'Ethnic group',
      // The ONS high-level groups: finer groups would make most cells too small to publish.
      answers: [
        { code: 'asian', label: 'Asian or Asian British' },
        { code: 'black', label: 'Black, Black British, Caribbean or African' },
        { code: 'mixed', label: 'Mixed or multiple ethnic groups' },
        { code: 'white', label: 'White' },
        { code: 'other', label: 'Other ethnic group' },
        preferNotToSay,
      ],
    },
    { code: 'disability', label: 'Do you consider yourself disabled?', answers: yesNo('Yes', 'No') },
    { code: 'lgbt', label: 'Do you identify as LGBT+?', answers: yesNo('Yes', 'No') },
    {
      code: 'age_band',
      label: 'Age band',
      answers: [
        { code: 'under_25', label: 'Under 25' },
        { code: '25_34', label: '25 to 34' },
        { code: '35_44', label: '35 to 44' },
        { code: '45_54', label: '45 to 54' },
        { code: '55_64', label: '55 to 64' },
        { code: '65_plus', label: '65 and over' },
        preferNotToSay,
      ],
    },
    {
      code: FIRST_AGM_QUESTION_CODE,
      label: 'Is this the first AGM you have attended?',
      answers: yesNo('Yes', 'No'),
    },
  ];
}

/**
 * The default questions plus the union's own. A union question without 'prefer not to say' gets it
 * appended: monitoring is voluntary, so no question may force an answer.
 */
export function defineMonitoringQuestions(unionQuestions: MonitoringQuestion[]): MonitoringQuestion[] {
  const questions = [...defaultMonitoringQuestions(), ...unionQuestions.map(withPreferNotToSay)];
  const errors = findQuestionProblems(questions);
  if (Object.keys(errors).length > 0) throw new InvalidInput('The monitoring questions are invalid.', errors);
  return questions;
}

function withPreferNotToSay(question: MonitoringQuestion): MonitoringQuestion {
  if (question.answers.some((a) => a.code === PREFER_NOT_TO_SAY)) return question;
  return { ...question, answers: [...question.answers, preferNotToSay] };
}

function findQuestionProblems(questions: MonitoringQuestion[]): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  for (const question of questions) {
    if (!/^[a-z0-9_]+$/.test(question.code))
      errors[question.code] = 'a question code uses only a-z, 0-9 and _';
    else if (seen.has(question.code))
      errors[question.code] = 'is asked twice; each question needs its own code';
    seen.add(question.code);
    const codes = question.answers.map((a) => a.code);
    if (new Set(codes).size !== codes.length) errors[question.code] = 'lists the same answer code twice';
    if (codes.length < 2) errors[question.code] = 'needs at least one answer besides "prefer not to say"';
  }
  return errors;
}

/** What an attendee who answers nothing has said: 'prefer not to say' to every question. */
export function emptyMonitoringAnswers(questions: MonitoringQuestion[]): MonitoringAnswers {
  return Object.fromEntries(questions.map((q) => [q.code, PREFER_NOT_TO_SAY]));
}

/** Fills every unanswered question with 'prefer not to say'. */
export function completeMonitoringAnswers(
  questions: MonitoringQuestion[],
  answers: MonitoringAnswers,
): MonitoringAnswers {
  return { ...emptyMonitoringAnswers(questions), ...answers };
}

/** Names each invalid code, keyed by the question code it was given for; empty when all are valid. */
export function validateMonitoringAnswers(
  questions: MonitoringQuestion[],
  answers: MonitoringAnswers,
): FieldErrors {
  const errors: FieldErrors = {};
  const byCode = new Map(questions.map((q) => [q.code, q]));
  for (const [questionCode, answerCode] of Object.entries(answers)) {
    const question = byCode.get(questionCode);
    if (!question) {
      errors[questionCode] = `'${questionCode}' is not a monitoring question of this conference`;
    } else if (!question.answers.some((a) => a.code === answerCode)) {
      const allowed = question.answers.map((a) => a.code).join(', ');
      errors[questionCode] =
        `'${String(answerCode)}' is not an answer to '${questionCode}'; choose one of ${allowed}`;
    }
  }
  return errors;
}

/** Throws `InvalidInput` naming each invalid code; returns the answers completed with 'prefer not to say'. */
export function assertValidMonitoringAnswers(
  questions: MonitoringQuestion[],
  answers: MonitoringAnswers,
): MonitoringAnswers {
  const errors = validateMonitoringAnswers(questions, answers);
  if (Object.keys(errors).length > 0)
    throw new InvalidInput('Some monitoring answers are not on the form.', errors);
  return completeMonitoringAnswers(questions, answers);
}

/**
 * Answers are fixed once the AGM opens, so the profile the speakers are compared with cannot shift
 * during or after the debate (and nobody can probe a live table by changing their own answer).
 */
export function assertMayEditAnswers(conferenceOpenedAt: Date | null, now: Date): void {
  if (conferenceOpenedAt !== null && now.getTime() >= conferenceOpenedAt.getTime()) {
    throw new DeadlinePassed(
      'Monitoring answers cannot be changed once the AGM has opened; they stay as they were when it opened.',
    );
  }
}
