import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Conflict,
  InvalidInput,
  NotFound,
  Principal,
  rotateSections,
  StandingOrderViolation,
} from '@agm/domain';
import type { SectionResponseDto } from '@agm/contracts';
import { ConferenceSetupRepository } from '@agm/persistence/conference-setup';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions, UnitOfWork } from '../../events/transactions';
import { sectionView } from '../conference-setup.queries';

type SectionChange = 'created' | 'updated' | 'deleted' | 'reordered';

/**
 * Sections are the committee headings motions are grouped under, in an order ([Napo] alphabetical,
 * rotated each year). That order is the one the order of business is published in (the SOC may move
 * sections too, before and after publication); once published only the SOC changes it, on the order of
 * business with a reason, so set-up's reorder and rotate are refused then. Every change publishes the
 * whole new list as 'sections.changed', so a client never has to merge partial updates. Changes to one
 * conference's sections queue on its row lock.
 */
@Injectable()
export class ManageSections {
  constructor(
    private readonly transactions: Transactions,
    private readonly setup: ConferenceSetupRepository,
  ) {}

  create(
    principal: Principal,
    conferenceId: string,
    input: { name: string; owningBodyId?: string | null },
  ): Promise<SectionResponseDto> {
    return this.change(principal, conferenceId, 'created', async ({ manager }) => {
      const name = input.name.trim();
      await this.assertNameFree(manager, conferenceId, name);
      await this.assertOwningBody(manager, input.owningBodyId ?? null);
      return this.setup.insertSection(manager, conferenceId, name, input.owningBodyId ?? null);
    });
  }

  update(
    principal: Principal,
    conferenceId: string,
    sectionId: string,
    input: { name?: string; owningBodyId?: string | null },
  ): Promise<SectionResponseDto> {
    return this.change(principal, conferenceId, 'updated', async ({ manager }) => {
      await this.existing(manager, conferenceId, sectionId);
      const name = input.name?.trim();
      if (name !== undefined) await this.assertNameFree(manager, conferenceId, name, sectionId);
      if (input.owningBodyId) await this.assertOwningBody(manager, input.owningBodyId);
      await this.setup.updateSection(manager, sectionId, { name, owningBodyId: input.owningBodyId });
      return sectionId;
    });
  }

  async delete(principal: Principal, conferenceId: string, sectionId: string): Promise<void> {
    await this.change(principal, conferenceId, 'deleted', async ({ manager }) => {
      await this.existing(manager, conferenceId, sectionId);
      try {
        await manager.query('SAVEPOINT section_delete');
        await this.setup.deleteSection(manager, sectionId);
      } catch (error) {
        // 23503: motions are filed under it (a foreign key from another table).
        if ((error as { code?: string }).code === '23503') {
          await manager.query('ROLLBACK TO SAVEPOINT section_delete');
          throw new Conflict(
            'Motions are filed under this section. Move them to another section before deleting it.',
          );
        }
        throw error;
      }
      const rest = await this.setup.listSections(manager, conferenceId);
      await this.setup.setSectionOrder(
        manager,
        conferenceId,
        rest.map((s) => s.id),
      );
      return sectionId;
    });
  }

  reorder(principal: Principal, conferenceId: string, sectionIds: string[]): Promise<SectionResponseDto[]> {
    return this.changeAll(principal, conferenceId, async ({ manager }) => {
      await this.assertNotPublished(manager, conferenceId);
      const current = await this.setup.listSections(manager, conferenceId);
      const known = new Set(current.map((s) => s.id));
      const given = new Set(sectionIds);
      const errors: Record<string, string> = {};
      if (given.size !== sectionIds.length) errors.sectionIds = 'lists a section more than once';
      const unknown = sectionIds.filter((id) => !known.has(id));
      if (unknown.length)
        errors.sectionIds = `names ${unknown.length} section(s) not in this conference`;
      const missing = current.filter((s) => !given.has(s.id));
      if (missing.length)
        errors.sectionIds = `leaves out ${missing.map((s) => `'${s.name}'`).join(', ')}; list every section once`;
      if (Object.keys(errors).length) throw new InvalidInput('The sections were not reordered.', errors);
      await this.setup.setSectionOrder(manager, conferenceId, sectionIds);
    });
  }

  /** [Napo] the sections alphabetically, rotated by one place each year, so each heading leads in turn. */
  rotate(
    principal: Principal,
    conferenceId: string,
    year: number | undefined,
  ): Promise<SectionResponseDto[]> {
    return this.changeAll(principal, conferenceId, async ({ manager }) => {
      await this.assertNotPublished(manager, conferenceId);
      const conference = await this.setup.find(manager, conferenceId);
      const current = await this.setup.listSections(manager, conferenceId);
      const order = rotateSections(
        current.map((s) => s.name),
        year ?? Number(conference!.startsOn.slice(0, 4)),
      );
      const byName = new Map(current.map((s) => [s.name, s.id]));
      await this.setup.setSectionOrder(
        manager,
        conferenceId,
        order.map((name) => byName.get(name)!),
      );
    });
  }

  private async change(
    principal: Principal,
    conferenceId: string,
    what: SectionChange,
    work: (uow: UnitOfWork) => Promise<string>,
  ): Promise<SectionResponseDto> {
    let sectionId = '';
    const all = await this.run(principal, conferenceId, what, async (uow) => {
      sectionId = await work(uow);
      return sectionId;
    });
    return all.find((s) => s.id === sectionId) ?? ({ id: sectionId } as SectionResponseDto);
  }

  private changeAll(
    principal: Principal,
    conferenceId: string,
    work: (uow: UnitOfWork) => Promise<void>,
  ): Promise<SectionResponseDto[]> {
    return this.run(principal, conferenceId, 'reordered', async (uow) => {
      await work(uow);
      return null;
    });
  }

  private async run(
    principal: Principal,
    conferenceId: string,
    what: SectionChange,
    work: (uow: UnitOfWork) => Promise<string | null>,
  ): Promise<SectionResponseDto[]> {
    assertCan(principal, 'conference.manage', { conferenceId });
    return this.transactions.runFor(conferenceId, async (uow) => {
      if (!(await this.setup.find(uow.manager, conferenceId, true)))
        throw new NotFound('No such conference, or it is not yours to see.');
      const sectionId = await work(uow);
      const sections = (await this.setup.listSections(uow.manager, conferenceId)).map(sectionView);
      uow.record({
        conferenceId,
        type: 'sections.changed',
        payload: { change: what, sectionId, sections },
        audience: 'public',
        actorId: actorOf(principal),
      });
      return sections;
    });
  }

  /** Once the order of business is published its sections move only there, with the SOC's reason. */
  private async assertNotPublished(manager: EntityManager, conferenceId: string): Promise<void> {
    if (await this.setup.agendaPublished(manager, conferenceId)) {
      throw new StandingOrderViolation(
        'agenda',
        'The order of business is published, in this order of sections: the Standing Orders Committee now moves sections on it (with a reason shown to the conference).',
        { sectionIds: 'fixed by the published order of business' },
      );
    }
  }

  private async existing(manager: EntityManager, conferenceId: string, sectionId: string): Promise<void> {
    if (!(await this.setup.findSection(manager, conferenceId, sectionId)))
      throw new NotFound('No such section in this conference.');
  }

  private async assertNameFree(
    manager: EntityManager,
    conferenceId: string,
    name: string,
    exceptId?: string,
  ): Promise<void> {
    if (!name) throw new InvalidInput('A section needs a name.', { name: 'must not be blank' });
    if (await this.setup.sectionNameTaken(manager, conferenceId, name, exceptId)) {
      throw new Conflict(
        `This conference already has a section called '${name}'. Section names must differ.`,
      );
    }
  }

  private async assertOwningBody(manager: EntityManager, bodyId: string | null): Promise<void> {
    if (!bodyId) return;
    const body = await this.setup.findBody(manager, bodyId);
    if (!body)
      throw new InvalidInput('The owning body does not exist.', {
        owningBodyId: 'no such body; import it with the bodies file first',
      });
    if (body.kind === 'joint_members') {
      throw new InvalidInput('A section is owned by a committee, network, forum or branch.', {
        owningBodyId: `${body.name} is a joint submission, not a body that owns a subject`,
      });
    }
  }
}
