import { useEffect, useRef, useState } from 'react';
import type { RemoteLinksResponseDto } from '@agm/contracts';
import { get, post } from '../api';
import type { LiveConference, LiveState } from '../live';
import { Done, ErrorAlert, useAction } from '../ui';

/** The conference's livestream and speakers' room as this member may see them; read again when head office changes them. */
export function useRemoteLinks(live: LiveConference): RemoteLinksResponseDto | null {
  const [links, setLinks] = useState<RemoteLinksResponseDto | null>(null);
  const [reads, setReads] = useState(0);
  useEffect(
    () =>
      live.onEvent(
        (event) => (!event || event.type === 'conference.remote_links_changed') && setReads((n) => n + 1),
      ),
    [live],
  );
  useEffect(() => {
    let current = true;
    get<RemoteLinksResponseDto>(`/api/conferences/${live.conferenceId}/remote-links`).then(
      (loaded) => current && setLinks(loaded),
      () => undefined, // offline: the next join reads them again
    );
    return () => {
      current = false;
    };
  }, [live.conferenceId, reads]);
  return links;
}

/** A remote member watches the hall on the conference's livestream (an external service, in a new tab). */
export function Livestream({ links }: { links: RemoteLinksResponseDto | null }) {
  if (!links?.livestreamUrl) return null;
  return (
    <section className="card" aria-labelledby="livestream">
      <h2 id="livestream">Watch the hall</h2>
      <p>
        <a href={links.livestreamUrl} target="_blank" rel="noopener noreferrer" data-testid="livestream-link">
          Open the livestream
        </a>{' '}
        (opens in a new tab; keep this page open to ask to speak and to vote).
      </p>
    </section>
  );
}

/**
 * A remote member called to speak: "You are called — join the room", the room's link, and "I have joined"
 * so the chair knows they can be heard before starting the speech. Shown while the member is called or
 * speaking; it goes when the chair moves on.
 */
export function CalledToSpeak({
  live,
  state,
  memberId,
  links,
}: {
  live: LiveConference;
  state: LiveState;
  memberId: string | null | undefined;
  links: RemoteLinksResponseDto | null;
}) {
  const item = state.floor?.item;
  const calledNow = item?.speech?.memberId ?? item?.call?.memberId;
  const called = !!memberId && calledNow === memberId;
  const { busy, error, done, run } = useAction();
  // A new call (another item, or called again) asks again.
  const callKey = `${item?.itemId ?? ''}|${item?.call?.role ?? item?.speech?.role ?? ''}`;
  const [joinedFor, setJoinedFor] = useState<string | null>(null);
  // The button pressed goes: focus moves to what replaced it, not to the page's start.
  const joinedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (joinedFor) joinedRef.current?.focus();
  }, [joinedFor]);
  const joined = joinedFor === callKey;
  // Always in the page, empty until the call: screen readers announce a change to a region they know.
  const announcement = (
    <div className="visually-hidden" aria-live="assertive" data-testid="called-announcement">
      {called ? 'You are called — join the room' : ''}
    </div>
  );
  if (!called) return announcement;
  return (
    <>
      {announcement}
      <section className="card called" aria-labelledby="called" data-testid="called-to-speak">
        <h2 id="called">You are called — join the room</h2>
        {links?.roomUrl ? (
          <>
            <p>
              The chair has called you to speak. Join the speakers’ room so the hall can hear you:{' '}
              <a href={links.roomUrl} target="_blank" rel="noopener noreferrer" data-testid="room-link">
                Join the speakers’ room
              </a>
            </p>
            {joined ? (
              <p className="alert ok" role="status" data-testid="room-joined" ref={joinedRef} tabIndex={-1}>
                The chair can see you have joined. Wait for the chair to start your speech.
              </p>
            ) : (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await post(`/api/conferences/${live.conferenceId}/speaker-room/joined`);
                    setJoinedFor(callKey);
                  })
                }
              >
                I have joined
              </button>
            )}
          </>
        ) : (
          <p>
            The chair has called you to speak. No speakers’ room is set for this conference: the chair will
            tell you how you will be heard.
          </p>
        )}
        <ErrorAlert error={error} />
        <Done message={done} />
      </section>
    </>
  );
}
