/** What a member is told with their access code, by email or by letter. */
export interface AccessCodeNotice {
  memberName: string;
  membershipNumber: string;
  conferenceName: string;
  /** e.g. "Eastbourne, 2 to 3 October 2025" */
  whereAndWhen: string;
  attendanceMode: 'hall' | 'remote';
  accessCode: string;
  /** Why a new code: registered, reissued by head office, or asked for by the member. */
  occasion: 'registered' | 'reissued' | 'requested';
  /** The address members open; absent when the system does not know its public address. */
  signInUrl?: string;
}

const OPENING: Record<AccessCodeNotice['occasion'], string> = {
  registered: 'You are registered to attend',
  reissued: 'Head office has issued you a new access code for',
  requested: 'You asked for a new access code for',
};

/**
 * The words of the email and the letter, one source so both say the same. A reissued code replaces the
 * old one, which stops working: said plainly so a member who finds an old email is not puzzled.
 */
export function accessCodeMessage(notice: AccessCodeNotice): { subject: string; lines: string[] } {
  const attending =
    notice.attendanceMode === 'hall'
      ? 'You are registered to attend in the hall: bring this code to sign in on your phone there.'
      : 'You are registered to attend remotely: sign in with this code to confirm your attendance, speak and vote.';
  const lines = [
    `Dear ${notice.memberName},`,
    '',
    `${OPENING[notice.occasion]} ${notice.conferenceName} (${notice.whereAndWhen}).`,
    attending,
    '',
    `Membership number: ${notice.membershipNumber}`,
    `Access code: ${notice.accessCode}`,
    '',
    notice.signInUrl
      ? `Sign in at ${notice.signInUrl} : choose "${notice.conferenceName}", then enter your membership number and this code.`
      : `Sign in on the AGM's web page: choose "${notice.conferenceName}", then enter your membership number and this code.`,
    notice.occasion === 'registered'
      ? 'Keep the code private: anyone holding it can vote as you.'
      : 'Any code you were given before no longer works. Keep this one private: anyone holding it can vote as you.',
    'If you lose it, ask for a new one on the sign-in page with your membership number and email address.',
  ];
  return { subject: `Your access code for ${notice.conferenceName}`, lines };
}
