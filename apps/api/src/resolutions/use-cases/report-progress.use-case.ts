import { Injectable } from '@nestjs/common';
import { Forbidden, mayReportProgress, NotFound, Principal, resolutionName } from '@agm/domain';
import type { ResolutionProgressCreateDto, ResolutionProgressDto } from '@agm/contracts';
import { ResolutionRepository } from '@agm/persistence/resolutions';
import { assertCan } from '../../auth/access-control';
import { Transactions } from '../../events/transactions';
import { actorAccount, actorName } from '../resolution.mapper';

/** The owner (or head office) reports dated progress on a resolution; a resolution not started is then in progress. */
@Injectable()
export class ReportProgress {
  constructor(
    private readonly transactions: Transactions,
    private readonly register: ResolutionRepository,
  ) {}

  async execute(principal: Principal, id: string, body: ResolutionProgressCreateDto): Promise<ResolutionProgressDto> {
    assertCan(principal, 'register.read');
    return this.transactions.run(async ({ manager, now }) => {
      const resolution = await this.register.find(manager, id, true);
      if (!resolution) throw new NotFound('No such resolution in the register.');
      if (!mayReportProgress(principal, resolution)) {
        throw new Forbidden(`Only ${resolution.ownerName ?? 'its owner'} and head office report progress on ${resolutionName(resolution)}.`);
      }
      const text = body.text.trim();
      const progressId = await this.register.insertProgress(manager, { resolutionId: id, reportedOn: body.reportedOn, text, authorAccountId: actorAccount(principal), authorName: actorName(principal) });
      if (resolution.status === 'not_started') await this.register.update(manager, id, { status: 'in_progress' }, now);
      await this.register.audit(manager, { resolutionId: id, actorAccountId: actorAccount(principal), actorName: actorName(principal), action: 'progress', detail: { said: [`Progress reported for ${body.reportedOn}`] }, at: now });
      return { id: progressId, reportedOn: body.reportedOn, text, authorName: actorName(principal) };
    });
  }
}
