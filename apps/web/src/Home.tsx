import { useEffect, useState } from 'react';
import type { ConferenceResponseDto } from '@agm/contracts';
import { get } from './api';
import { NewConference } from './ConferenceForm';
import { navigate } from './router';
import { useMe } from './session';
import { Frame, label, OFFICIAL_ROLE_LABEL } from './ui';

/** Which screens a role opens. */
const SCREENS: Record<string, Array<{ path: string; label: string }>> = {
  chair: [
    { path: 'chair', label: 'Chair’s console' },
    { path: 'projector', label: 'Projector' },
  ],
  soc: [{ path: 'soc', label: 'Standing Orders Committee' }],
  teller: [
    { path: 'teller', label: 'Teller: hall counts' },
    { path: 'papers', label: 'Tellers: election papers' },
  ],
  monitor: [{ path: 'monitor', label: 'Monitoring statistics' }],
  steward: [{ path: 'steward', label: 'Steward: add a hall member to the speakers’ queue' }],
  admin: [
    { path: 'admin', label: 'Registration and check-in' },
    { path: 'setup', label: 'Conference set-up' },
  ],
};

/** Roles in words; a body's secretary is not a conference role but opens their body's motions. */
const HOME_ROLE_LABEL: Record<string, string> = { ...OFFICIAL_ROLE_LABEL, secretary: 'Secretary of a branch or body' };

export const screenPath = (conferenceId: string, screen: string) =>
  screen === 'projector' ? `/projector/${conferenceId}` : `/c/${conferenceId}/${screen}`;

/** An official's start page: their conferences and the screens their roles open. */
export function Home() {
  const me = useMe();
  const [conferences, setConferences] = useState<ConferenceResponseDto[]>([]);
  useEffect(() => {
    get<ConferenceResponseDto[]>('/api/conferences').then(setConferences, () => undefined);
  }, []);
  if (me?.kind === 'attendee' && me.conferenceId) navigate(`/c/${me.conferenceId}/attendee`, true);
  const rolesByConference = new Map<string, Set<string>>();
  for (const { conferenceId, role } of me?.roles ?? [])
    rolesByConference.set(conferenceId, (rolesByConference.get(conferenceId) ?? new Set()).add(role));
  if (me?.isHeadOffice)
    for (const c of conferences)
      rolesByConference.set(c.id, (rolesByConference.get(c.id) ?? new Set()).add('admin'));
  if ((me?.officerOf?.length ?? 0) > 0)
    for (const c of conferences)
      rolesByConference.set(c.id, (rolesByConference.get(c.id) ?? new Set()).add('secretary'));
  return (
    <Frame role="Your conferences">
      <p>Signed in as {me?.name ?? '…'}.</p>
      <p>
        <a
          href="/resolutions"
          onClick={(e) => {
            e.preventDefault();
            navigate('/resolutions');
          }}
        >
          Resolution register
        </a>
        : what the AGMs decided and how far each resolution has got.
      </p>
      {conferences
        .filter((c) => rolesByConference.has(c.id))
        .map((c) => {
          const roles = [...(rolesByConference.get(c.id) ?? [])];
          const links = roles.flatMap((r) =>
            r === 'secretary'
              ? [{ path: 'secretary', label: 'Motions for my branch or body' }]
              : (SCREENS[r] ?? []),
          );
          if (roles.some((r) => r !== 'secretary')) links.push({ path: 'projector', label: 'Projector' });
          const unique = links.filter((l, i) => links.findIndex((x) => x.path === l.path) === i);
          return (
            <section key={c.id} className="card" aria-labelledby={`conf-${c.id}`}>
              <h2 id={`conf-${c.id}`}>{c.name}</h2>
              <p className="muted">
                {c.venue} · {c.startsOn} to {c.endsOn} · your roles: {roles.map((r) => label(HOME_ROLE_LABEL, r)).join(', ')}
              </p>
              <ul className="link-list">
                {unique.map((l) => (
                  <li key={l.path}>
                    <a
                      href={screenPath(c.id, l.path)}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(screenPath(c.id, l.path));
                      }}
                    >
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      {me?.isHeadOffice && <NewConference />}
      {me && rolesByConference.size === 0 && !me.isHeadOffice && (
        <p>You have no role in any conference yet. Head office assigns roles.</p>
      )}
    </Frame>
  );
}
