// The domain's pure wall-clock rules (Intl only), the same the api applies to the deadlines.
import { localParts, wallClockToInstant } from '@agm/domain/conferences/deadlines.rules';
import { ApiError } from './api';
import { InputField, SelectField } from './ui';

/** How the chair announces a vote's close: not at all (they close it), in a while, or at a time of day. */
export type CloseTimeMode = 'none' | 'minutes' | 'seconds' | 'at';
export interface CloseTimeChoice {
  mode: CloseTimeMode;
  /** Minutes or seconds from now, as typed. */
  amount: string;
  /** "HH:MM", today in the conference's time zone. */
  at: string;
}
export const NO_CLOSE_TIME: CloseTimeChoice = { mode: 'none', amount: '', at: '' };

/**
 * `closesAt` for `POST /votes`: from the server's clock (ours corrected by `serverNowMs`), so "in 5
 * minutes" means five minutes on the hall's clock, and a time of day is today's in the conference's zone.
 * Whether it is in the future is the api's to say (shown at the field); a blank amount or time is
 * refused here in the api's shape, at the same field.
 */
export function closesAtOf(
  choice: CloseTimeChoice,
  serverNowMs: number,
  zone: string,
  /** Where the api's answer would name it: `closesAt`, or `vote.closesAt` in putTheQuestion's options. */
  field = 'closesAt',
): string | undefined {
  if (choice.mode === 'none') return undefined;
  if (choice.mode === 'at') {
    if (!zone)
      throw new ApiError(0, 'The conference’s time zone is not known yet: wait a moment and try again.');
    if (!/^\d{2}:\d{2}$/.test(choice.at))
      throw new ApiError(400, 'Give the time the vote closes, or choose no announced close time.', {
        [field]: 'give a time, e.g. 14:30',
      });
    const today = localParts(new Date(serverNowMs), zone).date;
    const resolved = wallClockToInstant({ date: today, time: choice.at }, zone);
    // The hour skipped when the clocks go forward names no moment: said at the field, as for a deadline.
    if ('problem' in resolved)
      throw new ApiError(400, 'That close time does not exist today.', { [field]: resolved.problem });
    return resolved.instant.toISOString();
  }
  const amount = Number(choice.amount);
  if (choice.amount.trim() === '' || !Number.isFinite(amount))
    throw new ApiError(
      400,
      `Give the number of ${choice.mode} until the vote closes, or choose no announced close time.`,
      {
        [field]: `give a number of ${choice.mode}`,
      },
    );
  return new Date(serverNowMs + amount * (choice.mode === 'minutes' ? 60_000 : 1000)).toISOString();
}

const MODES: Array<readonly [CloseTimeMode, string]> = [
  ['none', 'None: you close it'],
  ['minutes', 'In a number of minutes'],
  ['seconds', 'In a number of seconds'],
  ['at', 'At a time today'],
];

/**
 * The announced close time: the vote closes by itself then (docs/voting.md, "Closing at the announced
 * time"), and every screen counts down to it. The api's refusal (`closesAt`: in the past) is shown at the
 * field that gave the time.
 */
export function CloseTimeField({
  label = 'Announced close time',
  value,
  onChange,
  zone,
  error,
  disabled,
}: {
  /** The choice's label; the minutes, seconds or time field is named after it (unique on the console). */
  label?: string;
  value: CloseTimeChoice;
  onChange: (value: CloseTimeChoice) => void;
  zone: string;
  error?: string;
  disabled?: boolean;
}) {
  return (
    <>
      <SelectField
        label={label}
        hint="The vote closes by itself at that time; you can still close it earlier."
        value={value.mode}
        options={MODES}
        onChange={(mode) => onChange({ ...value, mode: mode as CloseTimeMode })}
        disabled={disabled}
      />
      {(value.mode === 'minutes' || value.mode === 'seconds') && (
        <InputField
          label={`${label}: ${value.mode} from now`}
          type="number"
          inputMode="numeric"
          min={1}
          value={value.amount}
          onChange={(amount) => onChange({ ...value, amount })}
          error={error}
          disabled={disabled}
        />
      )}
      {value.mode === 'at' && (
        <InputField
          label={`${label}: time today (${zone || 'the conference’s time'})`}
          hint="Today, on the conference’s clock."
          type="time"
          value={value.at}
          onChange={(at) => onChange({ ...value, at })}
          error={error}
          disabled={disabled}
        />
      )}
    </>
  );
}
