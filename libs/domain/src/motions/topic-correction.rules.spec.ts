import { InvalidInput, StandingOrderViolation } from '../errors';
import { correctTopics } from './topic-correction.rules';

describe('the SOC corrects a motion’s topics', () => {
  const topics = ['pay_and_conditions', 'industrial_action', 'constitutional', 'general'];

  it('records from, to and the reason in words, in the ruleset’s order', () => {
    expect(
      correctTopics({ status: 'admitted', topics: ['general'] }, ['industrial_action', 'pay_and_conditions'], ' Calls for a ballot ', topics),
    ).toEqual({
      from: ['general'],
      to: ['pay_and_conditions', 'industrial_action'],
      reason: 'Calls for a ballot',
      why: 'Topics changed from general to pay and conditions, industrial action: Calls for a ballot',
    });
    expect(correctTopics({ status: 'placed', topics: ['general'] }, [], 'Not about any topic', topics).why).toBe(
      'Topics changed from general to none: Not about any topic',
    );
  });

  it('names an unknown topic and a missing reason at their fields', () => {
    try {
      correctTopics({ status: 'submitted', topics: [] }, ['pensions'], ' ', topics);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInput);
      expect((e as InvalidInput).errors).toEqual({
        topics: expect.stringContaining('pensions is not among'),
        reason: expect.stringContaining('say why'),
      });
    }
  });

  it('refuses a change to nothing, and a motion already debated or decided', () => {
    expect(() => correctTopics({ status: 'admitted', topics: ['general'] }, ['general'], 'Same', topics)).toThrow(/not changed/);
    for (const status of ['debated', 'carried', 'draft', 'withdrawn'] as const)
      expect(() => correctTopics({ status, topics: [] }, ['general'], 'Late', topics)).toThrow(StandingOrderViolation);
  });
});
