import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19 item 5: a hall count is declared only once a second teller confirms it, or the chair accepts
 * it unconfirmed with a reason (shown with the result and minuted). The acceptance is kept with the count
 * and cleared, like the confirmation, when the count is entered again.
 */
export class TellerCountAcceptance1765100000000 implements MigrationInterface {
  name = 'TellerCountAcceptance1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE vote_teller_count
        ADD COLUMN accepted_unconfirmed_reason text,
        ADD COLUMN accepted_unconfirmed_by uuid,
        ADD COLUMN accepted_unconfirmed_at timestamptz,
        ADD CONSTRAINT vote_teller_count_acceptance_whole
          CHECK ((accepted_unconfirmed_reason IS NULL) = (accepted_unconfirmed_by IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE vote_teller_count
        DROP CONSTRAINT vote_teller_count_acceptance_whole,
        DROP COLUMN accepted_unconfirmed_reason,
        DROP COLUMN accepted_unconfirmed_by,
        DROP COLUMN accepted_unconfirmed_at`);
  }
}
