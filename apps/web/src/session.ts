import { useEffect, useState } from 'react';
import type { ConferenceResponseDto, PrincipalResponseDto } from '@agm/contracts';
import { get, loadSession, post, saveSession } from './api';
import { navigate } from './router';

const ENDED_KEY = 'agm.ended';

/** Back to sign-in with the reason shown there (a revoked code, an expired session, signing out). */
export function endSession(reason: string | null): void {
  saveSession(null);
  if (reason) sessionStorage.setItem(ENDED_KEY, reason);
  navigate('/', true);
}

export function takeEndedReason(): string | null {
  const reason = sessionStorage.getItem(ENDED_KEY);
  sessionStorage.removeItem(ENDED_KEY);
  return reason;
}

export async function signOut(): Promise<void> {
  await post('/api/auth/sign-out').catch(() => undefined);
  endSession('You signed out.');
}

let mePromise: Promise<PrincipalResponseDto> | null = null;
let meToken: string | null = null;
export function fetchMe(): Promise<PrincipalResponseDto> {
  const token = loadSession()?.token ?? null;
  if (!mePromise || meToken !== token) {
    meToken = token;
    mePromise = get<PrincipalResponseDto>('/api/auth/me');
    mePromise.catch(() => (mePromise = null));
  }
  return mePromise;
}

export function useMe(): PrincipalResponseDto | null {
  const [me, setMe] = useState<PrincipalResponseDto | null>(null);
  useEffect(() => {
    if (loadSession()) fetchMe().then(setMe, () => setMe(null));
  }, []);
  return me;
}

const conferences = new Map<string, Promise<ConferenceResponseDto>>();
const conferenceListeners = new Set<(conference: ConferenceResponseDto) => void>();
export function fetchConference(id: string): Promise<ConferenceResponseDto> {
  if (!conferences.has(id)) {
    const promise = get<ConferenceResponseDto>(`/api/conferences/${id}`);
    promise.catch(() => conferences.delete(id));
    conferences.set(id, promise);
  }
  return conferences.get(id)!;
}

/** A conference as changed (by this page or, live, by someone else): every screen showing it follows. */
export function rememberConference(conference: ConferenceResponseDto): void {
  conferences.set(conference.id, Promise.resolve(conference));
  conferenceListeners.forEach((listener) => listener(conference));
}

/** Reads the conference again (its name, dates or zone changed) and tells every screen showing it. */
export async function refreshConference(id: string): Promise<ConferenceResponseDto> {
  conferences.delete(id);
  const conference = await fetchConference(id);
  rememberConference(conference);
  return conference;
}

export function useConference(id: string): ConferenceResponseDto | null {
  const [conference, setConference] = useState<ConferenceResponseDto | null>(null);
  useEffect(() => {
    if (!id) return;
    fetchConference(id).then(setConference, () => setConference(null));
    const listener = (changed: ConferenceResponseDto) => changed.id === id && setConference(changed);
    conferenceListeners.add(listener);
    return () => void conferenceListeners.delete(listener);
  }, [id]);
  return conference;
}
