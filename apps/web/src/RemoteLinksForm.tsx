import { useEffect, useRef, useState } from 'react';
import type { RemoteLinksResponseDto } from '@agm/contracts';
import { get, put } from './api';
import { Outcome, useForm } from './forms';
import { InputField } from './ui';

/**
 * Head office's card on the set-up screen: where remote attendees watch the hall (the livestream) and the
 * room a called remote speaker joins to be heard (a Jitsi, Zoom or Teams meeting the union already uses).
 * Empty clears one. The api refuses anything but an https:// address, at the field.
 */
export function RemoteLinksForm({ base, revision }: { base: string; revision: number }) {
  const form = useForm();
  const [livestreamUrl, setLivestream] = useState('');
  const [roomUrl, setRoom] = useState('');
  // The form shows once the saved links are in; a change read later (another administrator's, or the
  // screen's first sync) replaces the fields only while nothing typed here is unsaved.
  const [loaded, setLoaded] = useState(false);
  const edited = useRef(false);
  useEffect(() => {
    let current = true;
    get<RemoteLinksResponseDto>(`${base}/remote-links`).then(
      (links) => {
        if (!current || edited.current) return;
        setLivestream(links.livestreamUrl ?? '');
        setRoom(links.roomUrl ?? '');
        setLoaded(true);
      },
      () => current && setLoaded(true), // offline or not allowed: the api says so when they save
    );
    return () => {
      current = false;
    };
  }, [base, revision]);
  const typed = (set: (value: string) => void) => (value: string) => {
    edited.current = true;
    set(value);
  };
  return (
    <section className="card" aria-labelledby="remote-links">
      <h2 id="remote-links">Remote attendance: livestream and speakers’ room</h2>
      {!loaded ? (
        <p className="muted">Loading…</p>
      ) : (
        <form
          onSubmit={form.onSubmit(
            () =>
              put<RemoteLinksResponseDto>(`${base}/remote-links`, {
                livestreamUrl: livestreamUrl.trim() || null,
                roomUrl: roomUrl.trim() || null,
              }).then((saved) => {
                edited.current = false;
                return saved;
              }),
            'Saved: remote attendees see the livestream, and a called remote speaker sees the room.',
          )}
        >
          <InputField
            label="Livestream address"
            hint="Where remote attendees watch the hall, e.g. a YouTube or Vimeo live page. Leave empty for none."
            type="url"
            inputMode="url"
            value={livestreamUrl}
            onChange={typed(setLivestream)}
            error={form.errorFor('livestreamUrl')}
          />
          <InputField
            label="Speakers’ room address"
            hint="The audio and video meeting a called remote speaker joins to be heard in the hall: a Jitsi, Zoom or Teams link. Only remote attendees and officials see it."
            type="url"
            inputMode="url"
            value={roomUrl}
            onChange={typed(setRoom)}
            error={form.errorFor('roomUrl')}
          />
          <button type="submit" disabled={form.busy}>
            Save the remote links
          </button>
          <Outcome of={form} />
        </form>
      )}
    </section>
  );
}
