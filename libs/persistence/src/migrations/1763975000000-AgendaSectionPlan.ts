import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SOC's own order of the sections before the agenda is published (`POST /agenda/move-section`):
 * section ids, first to last. Without a row publication rotates the sections alphabetically by the year;
 * once published, `motion_agenda.section_order` is the order in force.
 */
export class AgendaSectionPlan1763975000000 implements MigrationInterface {
  name = 'AgendaSectionPlan1763975000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agenda_section_plan (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        section_ids uuid[] NOT NULL,
        arranged_by uuid NOT NULL,
        arranged_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE agenda_section_plan');
  }
}
