/**
 * A request's field as a person reads it on a form: `membershipNumber` is "Membership number", `email` is
 * "Email address". Validation messages and the web's error summaries name fields this way, never by the
 * property name a developer typed. Plain TypeScript (no decorators), so the web bundles it too.
 */
const WORDS: Record<string, string> = {
  email: 'Email address',
  attendanceMode: 'Hall or remote',
  accessCode: 'Access code',
  agmYear: 'AGM year',
  closesAt: 'Closing time',
  endsAt: 'Ending time',
  endsOn: 'Last day',
  startsOn: 'First day',
  timeZone: 'Time zone',
  roomUrl: 'Room link',
  livestreamUrl: 'Livestream link',
  membershipNumbersCsv: 'File of membership numbers',
  jointWithMemberId: 'The other member',
  moverMemberId: 'Mover',
  seconderMemberId: 'Seconder',
  proposerMemberId: 'Proposer',
  holderMemberId: 'Card holder',
  candidateMemberId: 'Candidate',
  owningBodyId: 'Owning body',
  ownerBodyId: 'Owning body',
  ownerAccountId: 'Owner',
  nominationsOpenAt: 'Nominations open',
  nominationsCloseAt: 'Nominations close',
  speechLimitSeconds: 'Speech time limit',
  limitSeconds: 'Time limit',
  q: 'Search',
  showPublicly: 'Show publicly',
  idempotencyKey: 'Ballot key',
  expectedSeq: 'Version of the screen',
  expectedVersion: 'Version of the screen',
  reason: 'Reason',
};

export function fieldInWords(property: string): string {
  if (WORDS[property]) return WORDS[property];
  // `conferenceId` is the conference, `sectionIds` the sections: the id is how it travels, not what it is.
  const bare = property.replace(/Ids$/, 's').replace(/Id$/, '');
  const words = bare.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A path of the errors map (`ruleset.categories.full.name`, `cardHolders.<id>`) as words: its last part
 * that is a field, not an index, a code or an id.
 */
export function pathInWords(path: string): string {
  const parts = path.split('.').filter((part) => /^[a-zA-Z]+$/.test(part) && !/[0-9a-f]{8}/.test(part));
  return fieldInWords(parts.at(-1) ?? path);
}

/**
 * A validation message that begins with its property's name (class-validator's own and ours alike:
 * "email must be an email") with the field in words instead: "Email address must be an email".
 */
export function messageInWords(property: string, message: string): string {
  if (message.startsWith(`${property} `)) return `${fieldInWords(property)}${message.slice(property.length)}`;
  if (message.startsWith(`each value in ${property} `))
    return `Each value in ${fieldInWords(property).toLowerCase()}${message.slice(`each value in ${property}`.length)}`;
  if (message.startsWith(`property ${property} should not exist`))
    return `${fieldInWords(property)} is not a field of this form; leave it out.`;
  return message;
}
