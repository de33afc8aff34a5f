import { Injectable } from '@nestjs/common';
import {
  BodyKind,
  Conflict,
  countWords,
  NotFound,
  parseResolutionsBooklet,
  Principal,
  StandingOrderViolation,
} from '@agm/domain';
import type { BookletImportReportDto } from '@agm/contracts';
import { BodyRow, MotionRepository } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { rulesetOf } from '../motion-steps';

/**
 * Imports a past conference's resolutions booklet as its carried resolutions: one section per heading
 * (owned by the committee of that name), one carried motion per resolution, numbered as printed, the
 * proposer line naming the submitting body (else the section's committee). All or nothing.
 */
@Injectable()
export class ImportBooklet {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, text: string): Promise<BookletImportReportDto> {
    assertCan(principal, 'conference.manage', { conferenceId });
    const parsed = parseResolutionsBooklet(text);
    const resolutions = parsed.sections.reduce((n, s) => n + s.resolutions.length, 0);
    if (resolutions === 0)
      throw new StandingOrderViolation(
        'booklet-import',
        'No numbered resolutions were found: each starts "1. Title" after a blank line, under a heading in capitals.',
      );
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const conference = await this.motions.conferenceSettings(manager, conferenceId, true);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      if ((await this.motions.countMotions(manager, conferenceId)) > 0) {
        throw new Conflict(
          'This conference already has motions; import a booklet only into a conference of its own, so nothing is doubled.',
        );
      }
      const ruleset = await rulesetOf(manager, conferenceId);
      const createdBodies: string[] = [];
      const bodyNamed = async (name: string, kind: BodyKind): Promise<BodyRow> => {
        const found = await this.motions.findBodyByName(manager, name);
        if (found) return found;
        createdBodies.push(name);
        const code = `IMPORT-${name
          .toUpperCase()
          .replace(/[^A-Z0-9]+/g, '-')
          .replace(/^-|-$/g, '')}`.slice(0, 60);
        return this.motions.insertBody(manager, { kind, code, name });
      };
      const existingSections = await this.motions.sections(manager, conferenceId);
      let nextPosition = existingSections.reduce((max, s) => Math.max(max, s.position), 0) + 1;
      const unplaced = [...parsed.unplaced];
      let position = 0;
      for (const section of parsed.sections) {
        if (!section.heading) {
          unplaced.push(
            ...section.resolutions.map((r) => `${r.number}. ${r.title} (no section heading above it)`),
          );
          continue;
        }
        const owner = await bodyNamed(titleCase(section.heading), 'committee');
        const existing = existingSections.find((s) => s.name === section.heading);
        const row =
          existing ??
          (await this.motions.insertSection(
            manager,
            conferenceId,
            section.heading,
            owner.id,
            nextPosition++,
          ));
        const ownerId = row.owningBodyId ?? owner.id;
        for (const resolution of section.resolutions) {
          const proposer = resolution.proposer
            ? await bodyNamed(resolution.proposer, guessKind(resolution.proposer))
            : null;
          const words = countWords(resolution.text, ruleset);
          position += 100;
          const id = await this.motions.insert(manager, {
            conferenceId,
            kind: 'motion',
            title: resolution.title,
            text: resolution.text,
            status: 'carried',
            sectionId: row.id,
            submittingBodyId: proposer?.id ?? ownerId,
            wordCount: words.words,
            overWordLimit: words.overLimit,
            createdBy: actorOf(principal),
            submittedAt: now,
            agendaNumber: resolution.number,
            agendaPosition: position,
            now,
          });
          await this.motions.audit(manager, {
            motionId: id,
            action: 'import',
            who: actorOf(principal),
            role: 'admin',
            at: now,
            why: `Imported from the resolutions booklet as Resolution ${resolution.number}`,
            fromStatus: null,
            toStatus: 'carried',
          });
        }
      }
      const report = {
        sections: parsed.sections.filter((s) => s.heading).length,
        resolutions,
        createdBodies,
        unplaced,
      };
      record({
        conferenceId,
        type: 'booklet.imported',
        payload: { ...report },
        audience: 'admin',
        actorId: actorOf(principal),
      });
      return report;
    });
  }
}

function titleCase(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/(^|[\s–-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase())
    .replace(/\b(And|Of|The|In|For)\b/g, (w) => w.toLowerCase());
}

function guessKind(name: string): BodyKind {
  if (/branch|section$/i.test(name)) return 'branch';
  if (/network/i.test(name)) return 'network';
  if (/forum/i.test(name)) return 'forum';
  return 'committee';
}
