import { isCurrent } from '../live';
import { useMe } from '../session';
import { Frame, useLiveConference } from '../ui';
import { useElections } from '../elections/useElections';
import { PaperDesk } from './PaperDesk';

/**
 * The tellers' paper-entry screen for election ballots (docs/elections.md "Entering the hall's papers").
 * Only a teller's own official account sees it: a member signed in on their phone is told so and given
 * no form (the api refuses them too), so a paper ballot is never entered on a member's device.
 */
export function PaperBallotsScreen({ conferenceId }: { conferenceId: string }) {
  const me = useMe();
  const { live, state } = useLiveConference(conferenceId);
  const elections = useElections(live);
  const teller = me?.kind === 'account' && (me.roles ?? []).some((r) => r.conferenceId === conferenceId && r.role === 'teller');
  const open = Object.values(elections.ballots)
    .filter((b) => b.state === 'open')
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  return (
    <Frame conferenceId={conferenceId} role="Tellers: election papers" state={state}>
      {!me ? (
        <p className="muted">Loading…</p>
      ) : !teller ? (
        <p className="alert info" data-testid="tellers-only">
          Only the tellers enter the hall’s paper ballots, each signed in with their own teller account, never on a member’s phone.
        </p>
      ) : open.length === 0 ? (
        <p className="card muted">No election ballot is open. A ballot appears here when the returning officer opens it.</p>
      ) : (
        open.map((ballot) => (
          <PaperDesk
            key={ballot.postId}
            live={live}
            ballot={ballot}
            offline={!isCurrent(state)}
            onChanged={() => void elections.reload(ballot.postId).catch(() => undefined)}
          />
        ))
      )}
    </Frame>
  );
}
