import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conference set-up constraints on the tables the Membership migration made: the deadlines keep
 * their order, and each section holds one place in its conference's order (deferred, so a reorder
 * can swap places inside one transaction).
 */
export class ConferenceSetup1763900000000 implements MigrationInterface {
  name = 'ConferenceSetup1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE conference
        ADD CONSTRAINT conference_amendments_after_motions CHECK (amendments_deadline IS NULL OR motions_deadline IS NULL OR amendments_deadline >= motions_deadline),
        ADD CONSTRAINT conference_emergency_after_amendments CHECK (emergency_deadline IS NULL OR amendments_deadline IS NULL OR emergency_deadline >= amendments_deadline),
        ADD CONSTRAINT conference_amendments_need_motions CHECK (amendments_deadline IS NULL OR motions_deadline IS NOT NULL)`);
    await db.query(`
      ALTER TABLE section
        ADD CONSTRAINT section_position_positive CHECK (position >= 1),
        ADD CONSTRAINT section_position_uq UNIQUE (conference_id, position) DEFERRABLE INITIALLY DEFERRED,
        ADD CONSTRAINT section_name_not_blank CHECK (length(btrim(name)) > 0)`);
    await db.query('CREATE INDEX role_assignment_conference_idx ON role_assignment(conference_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX role_assignment_conference_idx');
    await db.query(
      'ALTER TABLE section DROP CONSTRAINT section_name_not_blank, DROP CONSTRAINT section_position_uq, DROP CONSTRAINT section_position_positive',
    );
    await db.query(
      'ALTER TABLE conference DROP CONSTRAINT conference_amendments_need_motions, DROP CONSTRAINT conference_emergency_after_amendments, DROP CONSTRAINT conference_amendments_after_motions',
    );
  }
}
