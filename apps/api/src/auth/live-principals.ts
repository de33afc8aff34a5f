import { Injectable } from '@nestjs/common';
import type { Principal } from '@agm/domain';
import { Authenticator } from './authenticator';

/** How long a principal read for a socket message is reused before it is read again. */
export const PRINCIPAL_TTL_MS = 1000;

interface Entry {
  principal: Principal;
  readAt: number;
}

/**
 * The principal behind a socket's token, re-read for its messages rather than trusted from the
 * handshake. A lookup is reused for PRINCIPAL_TTL_MS so a burst of messages costs one read, and
 * concurrent reads of one token share one query. Changes the system makes itself (a role removed,
 * a session or access code revoked) drop the entry at once (`forgetAccount`, `forgetSession`), so the
 * next message reads the database again whatever the entry's age.
 */
@Injectable()
export class LivePrincipals {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new Map<string, Promise<Principal>>();
  /** Bumped by every forget: a read that started before a change must not store what it read. */
  private generation = 0;

  constructor(private readonly authenticator: Authenticator) {}

  /**
   * The current principal for `token`. `fresh: false` (the ballot path) reuses any entry not
   * dropped by a change, however old: the vote storm must not add a read per ballot, and the
   * ballot's own use case checks the registration in its transaction.
   */
  async current(token: string, options: { fresh: boolean } = { fresh: true }): Promise<Principal> {
    const entry = this.entries.get(token);
    if (entry && (!options.fresh || Date.now() - entry.readAt < PRINCIPAL_TTL_MS)) return entry.principal;
    return this.read(token);
  }

  /** Keeps the handshake's own lookup, so a socket's first message costs no second read. */
  remember(token: string, principal: Principal): void {
    this.entries.set(token, { principal, readAt: Date.now() });
  }

  forgetAccount(accountId: string): void {
    this.dropReads();
    for (const [token, { principal }] of this.entries)
      if (principal.kind === 'account' && principal.accountId === accountId) this.entries.delete(token);
  }

  forgetSession(sessionId: string): void {
    this.dropReads();
    for (const [token, { principal }] of this.entries)
      if (principal.sessionId === sessionId) this.entries.delete(token);
  }

  /** Drops the entry of a token no socket on this instance uses any more. */
  forgetToken(token: string): void {
    this.entries.delete(token);
  }

  private dropReads(): void {
    this.generation++;
    this.reading.clear();
  }

  private read(token: string): Promise<Principal> {
    const pending = this.reading.get(token);
    if (pending) return pending;
    const generation = this.generation;
    const reading = this.authenticator
      .authenticate(token)
      .then(
        (principal) => {
          if (generation === this.generation) this.remember(token, principal);
          return principal;
        },
        (error: unknown) => {
          this.entries.delete(token);
          throw error;
        },
      )
      .finally(() => {
        if (this.reading.get(token) === reading) this.reading.delete(token);
      });
    this.reading.set(token, reading);
    return reading;
  }
}
