import { Injectable } from '@nestjs/common';
import { Conflict, Principal, resolutionsFromBooklet } from '@agm/domain';
import type { ResolutionImportDto, ResolutionImportResultDto } from '@agm/contracts';
import { ResolutionRepository } from '@agm/persistence/resolutions';
import { assertCan } from '../../auth/access-control';
import { Transactions } from '../../events/transactions';
import { actorAccount, actorName } from '../resolution.mapper';

/**
 * A past year's resolutions booklet into the register, so the history is searchable and later resolutions
 * can supersede or rescind it. A year already in the register is refused whole: nothing is merged by guess.
 */
@Injectable()
export class ImportBookletResolutions {
  constructor(
    private readonly transactions: Transactions,
    private readonly register: ResolutionRepository,
  ) {}

  async execute(principal: Principal, body: ResolutionImportDto): Promise<ResolutionImportResultDto> {
    assertCan(principal, 'register.manage');
    const found = resolutionsFromBooklet(body.text);
    return this.transactions.run(async ({ manager, now }) => {
      await this.register.lockYear(manager, body.year);
      const last = await this.register.lastNumberOfYear(manager, body.year);
      if (last > 0) throw new Conflict(`The register already holds resolutions of ${body.year} (up to Resolution ${last}). Import a booklet only for a year not yet in the register.`);
      const bodyIds = await this.register.bodyIdsByName(manager, found.flatMap((r) => r.movedBy));
      const ids = await this.register.insertMany(
        manager,
        found.map((r) => ({
          year: body.year,
          number: r.number,
          title: r.title,
          text: r.text,
          sectionHeading: r.sectionHeading,
          conferenceId: null,
          motionId: null,
          movedBy: r.movedBy,
          moverBodyIds: r.movedBy.map((name) => bodyIds.get(name.toLowerCase())).filter((id): id is string => !!id),
          outcome: 'Carried',
          vote: null,
          topics: [],
        })),
      );
      for (const id of ids) await this.register.audit(manager, { resolutionId: id, actorAccountId: actorAccount(principal), actorName: actorName(principal), action: 'imported', detail: { year: body.year }, at: now });
      return { year: body.year, imported: ids.length, sectionHeadings: [...new Set(found.map((r) => r.sectionHeading))] };
    });
  }
}
