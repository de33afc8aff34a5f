import { useEffect, useState } from 'react';
import type { RegistrationResponseDto } from '@agm/contracts';
import { get } from '../../api';
import { Frame, LiveSection, useLiveConference } from '../../ui';
import { QuorumFigure } from '../../views';
import { Applications } from './Applications';
import { BulkRegister } from './BulkRegister';
import { PrintLetters } from './PrintLetters';
import { RegisterImport } from './RegisterImport';
import { RegisterOne } from './RegisterOne';
import { RegistrationList } from './RegistrationList';

/**
 * Head office's registration screen: the register imported, members registered one at a time or in
 * bulk with their codes emailed, letters for those without email, and the desk's work on each
 * registration (check-in, hall or remote, reissue, revoke).
 */
export function RegistrationScreen({ conferenceId }: { conferenceId: string }) {
  const { state } = useLiveConference(conferenceId);
  const [registrations, setRegistrations] = useState<RegistrationResponseDto[]>([]);
  const base = `/api/conferences/${conferenceId}`;
  const reload = () =>
    get<RegistrationResponseDto[]>(`${base}/registrations`).then(setRegistrations, () => undefined);
  useEffect(() => {
    void reload();
  }, [conferenceId, state.quorum?.presentCounting, state.quorum?.presentHall]);
  const lettersDue = registrations.filter(
    (r) => !r.codeRevoked && (r.codeDelivery === 'letter_due' || r.codeDelivery === 'email_failed'),
  ).length;
  return (
    <Frame conferenceId={conferenceId} role="Registration and check-in" state={state} wide>
      <div className="grid two">
        <LiveSection state={state} title="Quorum">
          <QuorumFigure state={state} />
        </LiveSection>
        <RegisterOne base={base} onDone={() => void reload()} />
      </div>
      <div className="grid two">
        <BulkRegister base={base} onProgress={() => void reload()} />
        <PrintLetters base={base} due={lettersDue} onDone={() => void reload()} />
      </div>
      <Applications base={base} onRegistered={() => void reload()} />
      <RegistrationList base={base} registrations={registrations} onChange={() => void reload()} />
      <RegisterImport onDone={() => void reload()} />
    </Frame>
  );
}
