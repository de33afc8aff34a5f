import type { DebateCommandResponseDto } from '@agm/contracts';
import { isCurrent } from '../live';
import {
  Done,
  ErrorAlert,
  Frame,
  LiveSection,
  STANCE_LABEL,
  label,
  useAction,
  useLiveConference,
} from '../ui';
import { FloorView } from '../views';
import { AddSpeaker } from '../chair/AddSpeaker';
import { addWhyNot } from './addWhyNot';

/**
 * The steward's screen (docs/debate.md "Stewards"), made for a phone held in the hall: what is being
 * debated, and the chair's own form to put a member without a device in the speakers' queue by name,
 * membership number or the number on their voting card. The standing orders apply as to anyone: the api
 * refuses in words (already spoken, the mover, already waiting) and the refusal is shown here.
 */
export function StewardScreen({ conferenceId }: { conferenceId: string }) {
  const { live, state } = useLiveConference(conferenceId);
  const action = useAction();
  const offline = !isCurrent(state);
  const item = state.floor?.item ?? null;
  const why = addWhyNot(state.floor?.item ?? null, state.floor?.report ?? null, offline);
  const add = (member: string, stance: string) =>
    action.run(
      async () => {
        const answer = await live.send<DebateCommandResponseDto>('debate.command', {
          conferenceId,
          command: {
            type: 'addToQueue',
            itemId: item?.itemId,
            expectedSeq: state.debateVersion,
            member,
            stance,
          },
        });
        live.noteDebateVersion(answer.version);
        return answer;
      },
      `${member} is in the queue to speak ${stance === 'to' ? 'to the motion' : label(STANCE_LABEL, stance).toLowerCase()}. The chair calls them from the queue.`,
    );
  return (
    <Frame conferenceId={conferenceId} role="Steward" state={state}>
      <ErrorAlert error={action.error} />
      <Done message={action.done} />
      <LiveSection state={state} title="Add a hall member without a device">
        <p className="muted">
          A member in the hall without a phone who wishes to speak: ask for their membership number, the
          number on their voting card, or their name as registered.
        </p>
        <AddSpeaker open disabled={action.busy || why !== null} disabledWhy={why} onAdd={add} />
      </LiveSection>
      <LiveSection state={state} title="On the floor">
        <FloorView state={state} showText={false} />
      </LiveSection>
    </Frame>
  );
}
