import { useEffect, useState } from 'react';
import type { ProjectorLinkIssuedDto, ProjectorLinkResponseDto } from '@agm/contracts';
import { get, post, request, saveSession } from './api';
import { match } from './router';
import { Done, ErrorAlert, Field, useAction } from './ui';

/** How long the tab keeps a projector key; the server decides when the link really ends (expiry, revocation). */
const KEPT_FOR_MS = 7 * 86_400_000;

/**
 * `/projector/:id#key=…`: the hall's projector PC opens a read-only link. The key comes in the
 * fragment (never sent to the server, logs or a Referer); it is kept as this tab's session in
 * sessionStorage and taken out of the address bar, so the projector needs nobody's sign-in.
 */
export function adoptProjectorKey(): void {
  const found = match('/projector/:conferenceId', location.pathname);
  const key = new URLSearchParams(location.hash.slice(1)).get('key');
  if (!found || !key) return;
  saveSession({
    token: key,
    kind: 'projector',
    conferenceId: found.conferenceId,
    expiresAt: new Date(Date.now() + KEPT_FOR_MS).toISOString(),
  });
  history.replaceState(null, '', location.pathname);
}

const when = (instant: string) =>
  new Date(instant).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The chair's "Projector link": creates a read-only link for the hall's projector, shows it once, and revokes links. */
export function ProjectorLinkCard({ conferenceId }: { conferenceId: string }) {
  const { busy, error, done, run } = useAction();
  const [issued, setIssued] = useState<ProjectorLinkIssuedDto | null>(null);
  const [links, setLinks] = useState<ProjectorLinkResponseDto[]>([]);
  const base = `/api/conferences/${conferenceId}/projector-links`;
  const reload = () => get<ProjectorLinkResponseDto[]>(base).then(setLinks, () => undefined);
  useEffect(() => {
    void get<ProjectorLinkResponseDto[]>(base).then(setLinks, () => undefined);
  }, [base]);
  const url = issued ? `${location.origin}${issued.path}` : '';

  const create = () =>
    run(async () => {
      setIssued(await post<ProjectorLinkIssuedDto>(base, {}));
      await reload();
    }, 'Projector link created. Copy it now: it is shown only this once.');
  const revoke = (link: ProjectorLinkResponseDto) =>
    run(async () => {
      await request<void>('DELETE', `${base}/${link.id}`);
      if (issued?.id === link.id) setIssued(null);
      await reload();
    }, `${link.label} link revoked: that screen goes blank.`);

  return (
    <section className="card" aria-labelledby="projector-link">
      <h2 id="projector-link">Projector link</h2>
      <p className="hint">
        A read-only link for the hall’s projector PC: it shows the floor, the votes and the quorum without
        anyone’s sign-in. Open it in the projector’s browser.
      </p>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void create()}>
          Create projector link
        </button>
        {issued && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => navigator.clipboard.writeText(url), 'Link copied.')}
          >
            Copy link
          </button>
        )}
      </div>
      {issued && (
        <Field
          label="Projector link (shown once)"
          hint="Anyone with this link sees the hall screen until it is revoked."
        >
          {(id, describedBy) => (
            <input
              id={id}
              readOnly
              value={url}
              aria-describedby={describedBy}
              data-testid="projector-link-url"
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
        </Field>
      )}
      <ErrorAlert error={error} />
      <Done message={done} />
      {links.length > 0 && (
        <ul className="plain" aria-label="Projector links in force">
          {links.map((link) => (
            <li key={link.id}>
              {link.label}, created {when(link.createdAt)}, until {when(link.expiresAt)}{' '}
              <button type="button" className="small" disabled={busy} onClick={() => void revoke(link)}>
                Revoke<span className="visually-hidden"> the link created {when(link.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
