import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: stewards (a role head office assigns) put hall members without a device in the speakers'
 * queue, as the chair can; and a member's voting-card number, recorded at hall check-in or on the
 * register, finds them. A card number is one member's within a conference.
 */
export class StewardsAndCards1797630000000 implements MigrationInterface {
  name = 'StewardsAndCards1797630000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE role_assignment DROP CONSTRAINT IF EXISTS role_assignment_role_check');
    await db.query(
      `ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_role_check CHECK (role IN ('admin', 'soc', 'chair', 'teller', 'monitor', 'returning_officer', 'steward'))`,
    );
    await db.query('ALTER TABLE registration ADD COLUMN card_number text CHECK (length(card_number) BETWEEN 1 AND 20)');
    await db.query(
      'CREATE UNIQUE INDEX registration_card_number_unique ON registration (conference_id, lower(card_number)) WHERE card_number IS NOT NULL',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX registration_card_number_unique');
    await db.query('ALTER TABLE registration DROP COLUMN card_number');
    await db.query("DELETE FROM role_assignment WHERE role = 'steward'");
    await db.query('ALTER TABLE role_assignment DROP CONSTRAINT role_assignment_role_check');
    await db.query(
      `ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_role_check CHECK (role IN ('admin', 'soc', 'chair', 'teller', 'monitor', 'returning_officer'))`,
    );
  }
}
