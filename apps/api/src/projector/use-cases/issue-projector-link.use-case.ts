import { Injectable } from '@nestjs/common';
import { NotFound, Principal } from '@agm/domain';
import type { ProjectorLinkIssuedDto } from '@agm/contracts';
import { ProjectorLinkRepository } from '@agm/persistence';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { PROJECTOR_KEY_PREFIX } from '../../auth/authenticator';
import { SessionTokens } from '../../auth/session-tokens';
import { Transactions } from '../../events/transactions';
import { toProjectorLinkResponse } from '../projector-link.queries';

/** Long enough for a conference's days and its set-up; a link is revoked as soon as it is not needed. */
export const PROJECTOR_LINK_DAYS = 7;

/**
 * The chair or head office issues a read-only link for the hall's projector PC, so that PC never holds
 * an official's credentials. The key is 256 random bits, shown once; only its HMAC is stored.
 */
@Injectable()
export class IssueProjectorLink {
  constructor(
    private readonly transactions: Transactions,
    private readonly links: ProjectorLinkRepository,
    private readonly tokens: SessionTokens,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    label = 'Hall projector',
  ): Promise<ProjectorLinkIssuedDto> {
    assertCan(principal, 'projector.manage', { conferenceId });
    const key = `${PROJECTOR_KEY_PREFIX}${this.tokens.issue().token}`;
    const actorId = actorOf(principal);
    const link = await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const [conference] = await manager.query('SELECT id FROM conference WHERE id = $1', [conferenceId]);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      const expiresAt = new Date(now.getTime() + PROJECTOR_LINK_DAYS * 86_400_000);
      const row = await this.links.insert(manager, {
        conferenceId,
        tokenHash: this.tokens.hash(key),
        label,
        createdBy: principal.kind === 'account' ? principal.accountId : null,
        createdAt: now,
        expiresAt,
      });
      record({
        conferenceId,
        type: 'projector_link.issued',
        payload: { linkId: row.id, label, expiresAt: expiresAt.toISOString() },
        audience: 'admin',
        actorId,
      });
      return row;
    });
    // The key goes in the fragment: browsers never send it to the server, to logs or in a Referer.
    return {
      ...toProjectorLinkResponse(link),
      key,
      path: `/projector/${conferenceId}#key=${encodeURIComponent(key)}`,
    };
  }
}
