import type { AccessCodeResponseDto } from '@agm/contracts';

/** A code just issued: shown once, with whether the email carried it too. */
export function IssuedCode({ issued }: { issued: AccessCodeResponseDto }) {
  const { registration, accessCode, delivery } = issued;
  return (
    <p role="status" className="alert ok">
      {registration.name} has a new access code (shown once): <code className="receipt">{accessCode}</code>.{' '}
      {delivery === 'emailed'
        ? 'It was emailed to them too.'
        : delivery === 'email_failed'
          ? 'The email could not be sent: give them this code, or print a letter.'
          : 'The register has no email address for them: give them this code, or print a letter.'}
    </p>
  );
}
