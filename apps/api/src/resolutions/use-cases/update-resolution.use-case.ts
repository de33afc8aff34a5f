import { Injectable } from '@nestjs/common';
import { assertStatusChange, InvalidInput, NotFound, Principal, RESOLUTION_STATUS_WORDS } from '@agm/domain';
import type { ResolutionSummaryDto, ResolutionUpdateDto } from '@agm/contracts';
import { ResolutionChange, ResolutionRepository } from '@agm/persistence/resolutions';
import { assertCan } from '../../auth/access-control';
import { Transactions } from '../../events/transactions';
import { actorAccount, actorName, toResolutionSummary } from '../resolution.mapper';

/** Head office assigns a resolution's owner and target date and sets its status (with the reason where one is needed). */
@Injectable()
export class UpdateResolution {
  constructor(
    private readonly transactions: Transactions,
    private readonly register: ResolutionRepository,
  ) {}

  async execute(principal: Principal, id: string, body: ResolutionUpdateDto): Promise<ResolutionSummaryDto> {
    assertCan(principal, 'register.manage');
    await this.transactions.run(async ({ manager, now }) => {
      const current = await this.register.find(manager, id, true);
      if (!current) throw new NotFound('No such resolution in the register.');
      const change: ResolutionChange = {};
      const said: string[] = [];
      if (body.ownerBodyId !== undefined) {
        const name = body.ownerBodyId ? await this.register.bodyName(manager, body.ownerBodyId) : null;
        if (body.ownerBodyId && !name) throw new InvalidInput('No such body in the membership register.', { ownerBodyId: 'Choose the NEC, a committee or another body from the list.' });
        change.ownerBodyId = body.ownerBodyId;
        said.push(name ? `Owner: ${name}` : 'Owning body removed');
      }
      if (body.ownerAccountId !== undefined) {
        const name = body.ownerAccountId ? await this.register.accountName(manager, body.ownerAccountId) : null;
        if (body.ownerAccountId && !name) throw new InvalidInput('No such official.', { ownerAccountId: 'Choose an officer from the list.' });
        change.ownerAccountId = body.ownerAccountId;
        said.push(name ? `Owning officer: ${name}` : 'Owning officer removed');
      }
      if (body.targetDate !== undefined) {
        change.targetDate = body.targetDate;
        said.push(body.targetDate ? `Target date: ${body.targetDate}` : 'Target date removed');
      }
      if (body.status !== undefined && body.status !== current.status) {
        assertStatusChange(current.status, body.status, body.statusReason);
        change.status = body.status;
        change.statusReason = body.statusReason?.trim() || null;
        said.push(`Status changed from ${RESOLUTION_STATUS_WORDS[current.status]} to ${RESOLUTION_STATUS_WORDS[body.status]}${change.statusReason ? `: ${change.statusReason}` : ''}`);
      }
      if (said.length === 0) return;
      await this.register.update(manager, id, change, now);
      await this.register.audit(manager, { resolutionId: id, actorAccountId: actorAccount(principal), actorName: actorName(principal), action: 'updated', detail: { said }, at: now });
    });
    const row = await this.register.find(this.transactions.manager, id);
    return toResolutionSummary(row!, principal);
  }
}
