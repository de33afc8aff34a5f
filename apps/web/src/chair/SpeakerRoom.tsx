import { useEffect, useState } from 'react';
import type { SpeakerRoomResponseDto } from '@agm/contracts';
import { get } from '../api';
import type { LiveConference } from '../live';

/**
 * The chair's line under the item when a remote member is called: whether they said they have joined
 * the speakers' room (so the speech can start), read again on each call and each "I have joined".
 */
export function SpeakerRoom({ live }: { live: LiveConference }) {
  const [room, setRoom] = useState<SpeakerRoomResponseDto | null>(null);
  const [reads, setReads] = useState(0);
  useEffect(
    () =>
      live.onEvent(
        (event) =>
          (!event || event.type === 'speaker.room_joined' || event.type === 'debate.floor') &&
          setReads((n) => n + 1),
      ),
    [live],
  );
  useEffect(() => {
    let current = true;
    get<SpeakerRoomResponseDto>(`/api/conferences/${live.conferenceId}/speaker-room`).then(
      (loaded) => current && setRoom(loaded),
      () => undefined, // offline: read again on the next event
    );
    return () => {
      current = false;
    };
  }, [live.conferenceId, reads]);
  const called = room?.called;
  if (!called?.remote) return null;
  const name = called.name ?? 'The member called';
  return (
    <p className={called.joinedAt ? 'alert ok' : 'alert info'} role="status" data-testid="speaker-room">
      {called.joinedAt
        ? `${name} (remote) has joined the speakers’ room.`
        : room?.roomUrl
          ? `${name} is remote and has not yet said they have joined the speakers’ room.`
          : `${name} is remote, and no speakers’ room is set for this conference (head office sets one on the set-up screen).`}
    </p>
  );
}
