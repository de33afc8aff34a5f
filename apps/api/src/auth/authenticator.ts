import { Injectable } from '@nestjs/common';
import { Principal, Unauthenticated } from '@agm/domain';
import { AccessRepository, LiveSession, ProjectorLinkRepository } from '@agm/persistence';
import { DataSource } from 'typeorm';
import { Batched } from '../common/batched';
import { SessionTokens } from './session-tokens';

export const SIGNED_OUT = 'You are not signed in, or your session has ended. Sign in again.';
export const PROJECTOR_LINK_ENDED = 'This projector link was revoked or has expired. Ask the chair for a new one.';
/** Projector link keys start with this, so a token is looked up only where it can be. */
export const PROJECTOR_KEY_PREFIX = 'p.';

/** The one authentication function: the HTTP guard and the socket handshake both call it. */
@Injectable()
export class Authenticator {
  /**
   * Sessions are looked up many at a time, with their attendee in the same read: a hall reconnecting
   * after a Wi-Fi blip is thousands of handshakes in a second, and one query each (two for an
   * attendee) queued behind each other on the pool until the phones' connects timed out and retried.
   */
  private readonly sessions: Batched<string, LiveSession | null>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessRepository,
    private readonly tokens: SessionTokens,
    private readonly projectorLinks: ProjectorLinkRepository,
  ) {
    this.sessions = new Batched(
      (hashes) => this.access.findLiveSessions(this.dataSource.manager, hashes, new Date()),
      null,
    );
  }

  async authenticate(token: string | undefined): Promise<Principal> {
    if (!token) throw new Unauthenticated(SIGNED_OUT);
    const manager = this.dataSource.manager;
    if (token.startsWith(PROJECTOR_KEY_PREFIX)) {
      const link = await this.projectorLinks.findLive(manager, this.tokens.hash(token), new Date());
      if (!link) throw new Unauthenticated(PROJECTOR_LINK_ENDED);
      return { kind: 'projector', sessionId: link.id, projectorLinkId: link.id, conferenceId: link.conferenceId, name: link.label, memberId: null };
    }
    const session = await this.sessions.load(this.tokens.hash(token));
    if (!session) throw new Unauthenticated(SIGNED_OUT);

    if (session.registrationId) {
      const attendee = session.attendee;
      if (!attendee || attendee.codeRevoked) throw new Unauthenticated(SIGNED_OUT);
      return {
        kind: 'attendee',
        sessionId: session.sessionId,
        registrationId: attendee.registrationId,
        memberId: attendee.memberId,
        conferenceId: attendee.conferenceId,
        name: attendee.name,
        attendanceMode: attendee.attendanceMode,
      };
    }
    const account = session.accountId ? await this.access.findAccount(manager, session.accountId) : null;
    if (!account) throw new Unauthenticated(SIGNED_OUT);
    return {
      kind: 'account',
      sessionId: session.sessionId,
      accountId: account.id,
      memberId: account.memberId,
      name: account.name,
      isHeadOffice: account.isHeadOffice,
      roles: await this.access.rolesOf(manager, account.id),
      officerOf: account.memberId ? await this.access.officesOf(manager, account.memberId) : [],
    };
  }
}

/** `Authorization: Bearer <token>` → token. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
