import { AttendanceMode, SpeechRole } from '../enums';
import { balanceIndicator, BalanceSpeech, defaultBalanceWindow } from './balance-indicator';

const start = new Date('2025-10-02T10:00:00Z').getTime();
/** Speeches in the order given, one every five minutes. */
function run(...speeches: [SpeechRole, AttendanceMode, string?][]): BalanceSpeech[] {
  return speeches.map(([role, attendanceMode, motionId = 'motion-1'], i) => ({
    role,
    attendanceMode,
    motionId,
    startedAt: new Date(start + i * 300_000),
  }));
}

describe("the chair's balance indicator", () => {
  const window = defaultBalanceWindow(); // last 6 speeches, a run of 5 on one side

  it('says when no remote speaker has been called in the last 6 speeches', () => {
    const speeches = run(
      ['mover', 'hall'],
      ['seconder', 'hall'],
      ['against', 'hall'],
      ['for', 'hall'],
      ['against', 'hall'],
      ['for', 'hall'],
    );
    expect(balanceIndicator(speeches, window).map((s) => s.message)).toEqual([
      'No remote speaker in the last 6 speeches.',
    ]);
  });

  it('says nothing about the hall and remote while fewer than 6 have spoken, or once a remote speaker is called', () => {
    expect(
      balanceIndicator(run(['mover', 'hall'], ['seconder', 'hall'], ['against', 'hall']), window),
    ).toEqual([]);
    const mixed = run(
      ['mover', 'hall'],
      ['seconder', 'hall'],
      ['against', 'remote'],
      ['for', 'hall'],
      ['against', 'hall'],
      ['for', 'hall'],
    );
    expect(balanceIndicator(mixed, window)).toEqual([]);
  });

  it('says when no speaker from the hall has been called, and only in a hybrid AGM', () => {
    const speeches = run(
      ['mover', 'remote'],
      ['seconder', 'remote'],
      ['against', 'remote'],
      ['for', 'remote'],
      ['against', 'remote'],
      ['for', 'remote'],
    );
    expect(balanceIndicator(speeches, window).map((s) => s.kind)).toEqual(['no_hall_speaker']);
    expect(balanceIndicator(speeches, { ...window, hallAndRemote: false })).toEqual([]);
  });

  it('says when the last 5 speakers on this motion were all for it', () => {
    const speeches = run(
      ['mover', 'hall'],
      ['seconder', 'remote'],
      ['for', 'hall'],
      ['for', 'remote'],
      ['for', 'hall'],
    );
    expect(balanceIndicator(speeches, window)).toEqual([
      {
        kind: 'one_sided_debate',
        stance: 'for',
        speeches: 5,
        message: 'The last 5 speakers on this motion were all for it.',
      },
    ]);
  });

  it('says when the last 5 speakers were all against it', () => {
    const speeches = run(
      ['mover', 'hall'],
      ['against', 'remote'],
      ['against', 'hall'],
      ['against', 'remote'],
      ['against', 'hall'],
      ['against', 'remote'],
    );
    expect(balanceIndicator(speeches, window).map((s) => s.message)).toEqual([
      'The last 5 speakers on this motion were all against it.',
    ]);
  });

  it('does not count the previous motion, or a speaker "to" the motion, in a run', () => {
    const acrossMotions = run(
      ['for', 'hall', 'motion-1'],
      ['for', 'remote', 'motion-1'],
      ['mover', 'hall', 'motion-2'],
      ['seconder', 'remote', 'motion-2'],
      ['for', 'hall', 'motion-2'],
    );
    expect(balanceIndicator(acrossMotions, window)).toEqual([]);
    const broken = run(
      ['mover', 'hall'],
      ['seconder', 'remote'],
      ['to', 'hall'],
      ['for', 'remote'],
      ['for', 'hall'],
    );
    expect(balanceIndicator(broken, window)).toEqual([]);
  });

  it('leaves out points of order and requests for information, which are not called from the floor (SO 14)', () => {
    const speeches = run(
      ['mover', 'hall'],
      ['seconder', 'hall'],
      ['point_of_order', 'remote'],
      ['for', 'hall'],
      ['request_for_information', 'remote'],
      ['for', 'hall'],
      ['for', 'hall'],
      ['against', 'hall'],
    );
    // Six called speakers (mover, seconder, for x3, against), all in the hall; the remote interventions do not count.
    expect(balanceIndicator(speeches, window).map((s) => s.kind)).toEqual(['no_remote_speaker']);
  });

  it('reveals no individual and no equality data: only counts, modes and stances', () => {
    const speeches = run(
      ['mover', 'hall'],
      ['seconder', 'hall'],
      ['for', 'hall'],
      ['for', 'hall'],
      ['for', 'hall'],
      ['for', 'hall'],
    );
    const signals = balanceIndicator(speeches, window);
    expect(signals).toHaveLength(2);
    for (const signal of signals)
      expect(Object.keys(signal).sort()).toEqual(expect.arrayContaining(['kind', 'message', 'speeches']));
    for (const signal of signals)
      expect(Object.keys(signal).every((k) => ['kind', 'message', 'speeches', 'stance'].includes(k))).toBe(
        true,
      );
  });
});
