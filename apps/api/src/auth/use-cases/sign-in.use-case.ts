import { Injectable } from '@nestjs/common';
import { Unauthenticated } from '@agm/domain';
import { AccessRepository } from '@agm/persistence';
import { Transactions } from '../../events/transactions';
import { attendeeIdentifier, LoginThrottle, officialIdentifier } from '../login-throttle';
import { hashSecret, NO_SUCH_CODE_HASH, verifyAccessCode, verifySecret } from '../passwords';
import { SessionTokens } from '../session-tokens';

/** One message for every wrong detail, so a failed sign-in reveals nothing about what exists. */
export const WRONG_DETAILS = 'Those sign-in details are not right. Check them and try again.';

const SESSION_HOURS = 72;

export interface SignedIn {
  token: string;
  expiresAt: string;
}

/** An official signs in with email and password (argon2id). */
@Injectable()
export class SignInOfficial {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: AccessRepository,
    private readonly tokens: SessionTokens,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute(email: string, password: string, callerAddress: string): Promise<SignedIn> {
    const attempt = { identifier: officialIdentifier(email), address: callerAddress };
    await this.throttle.beforeAttempt(attempt);
    const account = await this.access.findAccountByEmail(this.transactions.manager, email);
    // Verify against a dummy hash when there is no account, so timing does not reveal which emails exist.
    const ok = await verifySecret(account?.passwordHash ?? (await dummyHash()), password);
    if (!account || !ok) {
      this.throttle.recordFailure(attempt);
      throw new Unauthenticated(WRONG_DETAILS);
    }
    this.throttle.recordSuccess(attempt);
    return openSession(this.transactions, this.access, this.tokens, { accountId: account.id });
  }
}

/** An attendee signs in with membership number and the access code issued at registration. */
@Injectable()
export class SignInAttendee {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: AccessRepository,
    private readonly tokens: SessionTokens,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute(conferenceId: string, membershipNumber: string, accessCode: string, callerAddress: string): Promise<SignedIn> {
    const attempt = { identifier: attendeeIdentifier(conferenceId, membershipNumber), address: callerAddress };
    await this.throttle.beforeAttempt(attempt);
    const attendee = await this.access.findAttendee(this.transactions.manager, conferenceId, membershipNumber);
    const hash = attendee && !attendee.codeRevoked ? attendee.accessCodeHash : null;
    const ok = await verifyAccessCode(hash ?? NO_SUCH_CODE_HASH, normaliseAccessCode(accessCode));
    if (!attendee || !hash || !ok) {
      this.throttle.recordFailure(attempt);
      throw new Unauthenticated(WRONG_DETAILS);
    }
    this.throttle.recordSuccess(attempt);
    return openSession(this.transactions, this.access, this.tokens, { registrationId: attendee.registrationId });
  }
}

/** Codes are shown grouped ("K7QF-3MZD-8XWP"); people type them with or without dashes, in any case. */
export function normaliseAccessCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

async function openSession(transactions: Transactions, access: AccessRepository, tokens: SessionTokens, subject: { accountId?: string; registrationId?: string }): Promise<SignedIn> {
  const { token, hash } = tokens.issue();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await transactions.run(({ manager }) => access.insertSession(manager, hash, subject, expiresAt));
  return { token, expiresAt: expiresAt.toISOString() };
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  return (dummy ??= hashSecret('no-such-account'));
}
