import { Frame, LiveSection, useLiveConference } from './ui';
import { QuorumFigure } from './views';

/**
 * Equality monitors. The monitoring statistics API is not there yet (docs/web.md): until it lands this
 * screen shows the live attendance only.
 */
export function Monitor({ conferenceId }: { conferenceId: string }) {
  const { state } = useLiveConference(conferenceId);
  return (
    <Frame conferenceId={conferenceId} role="Monitoring statistics" state={state}>
      <LiveSection state={state} title="Attendance">
        <QuorumFigure state={state} />
      </LiveSection>
      <section className="card" aria-labelledby="stats">
        <h2 id="stats">Speaker statistics</h2>
        <p>
          The speaker monitoring statistics will appear here when the monitoring service is available. They
          are shown in aggregate only, with small numbers suppressed.
        </p>
      </section>
    </Frame>
  );
}
