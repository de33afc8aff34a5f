import type { DebateFloorView } from '@agm/contracts';
import { ReasonCommand } from '../ChairControls';

type Speech = NonNullable<NonNullable<DebateFloorView['item']>['speech']>;

/**
 * The chair's ruling on a point of order. While the point is being heard the form is open under its
 * timer, and recording the ruling ends the point: one step, not "end" then "rule" (issue 19).
 * Otherwise it waits folded, for a point already ended.
 */
export function PointRuling({
  speech,
  onRule,
  disabled,
}: {
  speech: Speech | null | undefined;
  onRule: (ruling: string) => Promise<unknown> | void;
  disabled: boolean;
}) {
  const hearing = speech?.role === 'point_of_order';
  return (
    <ReasonCommand
      testId="point-ruling"
      {...(hearing
        ? {
            heading: `Point of order from ${speech.name ?? 'a member'}`,
            explanation: 'Your ruling ends the point and is recorded in the minutes.',
            buttonText: 'Rule on the point',
          }
        : { summary: 'Rule on a point of order', buttonText: 'Record the ruling' })}
      fieldLabel="Ruling (recorded in the minutes)"
      maxLength={2000}
      onSubmit={onRule}
      disabled={disabled}
    />
  );
}
