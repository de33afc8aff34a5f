import { Injectable } from '@nestjs/common';
import { assertLink, NotFound, Principal, resolutionName, statusFromLink } from '@agm/domain';
import type { ResolutionLinkCreateDto } from '@agm/contracts';
import { ResolutionRepository } from '@agm/persistence/resolutions';
import { assertCan } from '../../auth/access-control';
import { Transactions } from '../../events/transactions';
import { actorAccount, actorName } from '../resolution.mapper';

/**
 * A later resolution supersedes or rescinds an earlier one: the link is stored once and read both ways,
 * and the earlier one's status follows with the later one named as the reason.
 */
@Injectable()
export class LinkResolutions {
  constructor(
    private readonly transactions: Transactions,
    private readonly register: ResolutionRepository,
  ) {}

  async execute(principal: Principal, laterId: string, body: ResolutionLinkCreateDto): Promise<void> {
    assertCan(principal, 'register.manage');
    await this.transactions.run(async ({ manager, now }) => {
      // Locked in id order, so two links over the same pair never wait on each other in a circle.
      for (const id of [laterId, body.earlierId].sort()) await this.register.find(manager, id, true);
      const later = await this.register.find(manager, laterId);
      if (!later) throw new NotFound('No such resolution in the register.');
      const earlier = await this.register.find(manager, body.earlierId);
      if (!earlier) throw new NotFound('No such earlier resolution in the register.', { earlierId: 'Choose a resolution from the register.' });
      assertLink(later, earlier, body.kind);
      const effect = statusFromLink(later, body.kind);
      await this.register.insertLink(manager, { laterId, earlierId: earlier.id, kind: body.kind });
      await this.register.update(manager, earlier.id, { status: effect.status, statusReason: effect.reason }, now);
      const who = { actorAccountId: actorAccount(principal), actorName: actorName(principal), at: now };
      await this.register.audit(manager, { ...who, resolutionId: laterId, action: 'linked', detail: { said: [`${body.kind === 'rescinds' ? 'Rescinds' : 'Supersedes'} ${resolutionName(earlier)}`] } });
      await this.register.audit(manager, { ...who, resolutionId: earlier.id, action: 'linked', detail: { said: [effect.reason] } });
    });
  }
}
