import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One order of sections per conference: `section.position` (the set-up screen's, which publication now
 * follows). The SOC's separate plan (`agenda_section_plan`) is folded into it, its sections first in the
 * SOC's order and any added since after them in their old order, then dropped (docs/DECISIONS.md).
 */
export class OneSectionOrder1763980000000 implements MigrationInterface {
  name = 'OneSectionOrder1763980000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE section s SET position = ranked.ord
        FROM (SELECT x.id, row_number() OVER (PARTITION BY x.conference_id ORDER BY COALESCE(array_position(p.section_ids, x.id), 1000000 + x.position)) AS ord
                FROM section x JOIN agenda_section_plan p ON p.conference_id = x.conference_id) ranked
       WHERE s.id = ranked.id`);
    await db.query('DROP TABLE agenda_section_plan');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agenda_section_plan (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        section_ids uuid[] NOT NULL,
        arranged_by uuid NOT NULL,
        arranged_at timestamptz NOT NULL
      )`);
  }
}
