import { useEffect, useState } from 'react';
import type { MotionResponseDto } from '@agm/contracts';
import { get } from '../api';
import { TextChanges } from '../TextChanges';
import { motionStateWords, MOTION_STATE_WORDS } from './labels';

type Loaded = MotionResponseDto[] | null | 'none';

/** Motions the conference has let onto its business; drafts and refused motions a member's own body sees stay off this list. */
const ON_THE_BUSINESS = new Set(
  Object.keys(MOTION_STATE_WORDS).filter((s) => s !== 'withdrawn' && s !== 'composited'),
);

/** Agenda order where there is one (Motion 1, 2, ...; emergency motions after), else by title. */
function byAgenda(a: MotionResponseDto, b: MotionResponseDto): number {
  const rank = (m: MotionResponseDto) =>
    (m.agendaNumber ?? Number.MAX_SAFE_INTEGER) + (m.kind === 'emergency_motion' ? 1e6 : 0);
  return rank(a) - rank(b) || a.title.localeCompare(b.title);
}

/**
 * Every motion's and amendment's words, to read before the debate: what the api lets any member of the
 * conference read (admitted and later). An amendment shows its own words and the motion as it would read.
 */
export function MotionTexts({ conferenceId, revision }: { conferenceId: string; revision: number }) {
  const [motions, setMotions] = useState<Loaded>(null);
  useEffect(() => {
    let current = true;
    get<MotionResponseDto[]>(`/api/conferences/${conferenceId}/motions`).then(
      (loaded) => current && setMotions(loaded),
      () => current && setMotions('none'),
    );
    return () => {
      current = false;
    };
  }, [conferenceId, revision]);
  const readable = motions && motions !== 'none' ? motions.filter((m) => ON_THE_BUSINESS.has(m.status)) : [];
  const main = readable.filter((m) => m.kind !== 'amendment').sort(byAgenda);
  return (
    <section className="card" aria-labelledby="motions-heading">
      <h2 id="motions-heading">Motions and amendments</h2>
      {motions === null && <p className="muted">Loading…</p>}
      {motions === 'none' && (
        <p className="alert info">The motions could not be read just now; try again shortly.</p>
      )}
      {motions && motions !== 'none' && main.length === 0 && (
        <p className="muted">No motions have been admitted to the conference’s business yet.</p>
      )}
      {main.map((motion) => (
        <MotionText
          key={motion.id}
          motion={motion}
          amendments={readable.filter((a) => a.kind === 'amendment' && a.parentMotionId === motion.id)}
        />
      ))}
    </section>
  );
}

function MotionText({ motion, amendments }: { motion: MotionResponseDto; amendments: MotionResponseDto[] }) {
  const headingId = `motion-${motion.id}`;
  return (
    <article className="motion-reading" aria-labelledby={headingId} data-testid="motion-reading">
      <h3 id={headingId}>
        {motion.agendaLabel ? `${motion.agendaLabel}: ` : ''}
        {motion.title}
      </h3>
      <p className="muted">{motionStateWords(motion.status)}</p>
      <p className="reading-text">{motion.text}</p>
      {motion.amendedText && motion.amendedText !== motion.text && (
        <>
          <p className="badge info">As amended</p>
          <p className="reading-text">{motion.amendedText}</p>
        </>
      )}
      {amendments.map((amendment, i) => (
        <div key={amendment.id} className="amendment-reading" data-testid="amendment-reading">
          <h4>
            Amendment {i + 1}
            {amendment.title && amendment.title !== motion.title ? `: ${amendment.title}` : ''}
          </h4>
          <p className="muted">{motionStateWords(amendment.status)}</p>
          <p className="reading-text">{amendment.text}</p>
          {amendment.amendedText && (
            <>
              <p>With this amendment the motion would read:</p>
              <TextChanges before={motion.text} after={amendment.amendedText} />
            </>
          )}
        </div>
      ))}
    </article>
  );
}
