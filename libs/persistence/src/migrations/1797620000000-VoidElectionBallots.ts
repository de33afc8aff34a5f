import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A post's ballot may be voided with a reason and held again (docs/elections.md "Voiding a ballot"): one
 * ballot per post at a time instead of one ever, so the unique post becomes a partial unique index over
 * ballots not voided; a voided ballot keeps who voided it, when and why, and its open/closed figures as
 * they stood. The old checks tied "closed" to closed_at and count; they now say the same for open and
 * closed and let a voided ballot keep either.
 */
export class VoidElectionBallots1797620000000 implements MigrationInterface {
  name = 'VoidElectionBallots1797620000000';

  async up(db: QueryRunner): Promise<void> {
    // The table's unnamed constraints (the state list, post_id UNIQUE, the two closed checks), by what they say.
    const constraints: Array<{ conname: string }> = await db.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'election_ballot'::regclass AND contype IN ('c', 'u')
          AND (pg_get_constraintdef(oid) LIKE '%closed%' OR pg_get_constraintdef(oid) LIKE 'UNIQUE (post_id)%')`,
    );
    for (const { conname } of constraints) await db.query(`ALTER TABLE election_ballot DROP CONSTRAINT "${conname}"`);
    await db.query(`
      ALTER TABLE election_ballot
        ADD COLUMN voided_by uuid,
        ADD COLUMN voided_at timestamptz,
        ADD COLUMN void_reason text,
        ADD CONSTRAINT election_ballot_state_check CHECK (state IN ('open', 'closed', 'voided')),
        ADD CONSTRAINT election_ballot_open_uncounted CHECK (state <> 'open' OR (closed_at IS NULL AND count IS NULL)),
        ADD CONSTRAINT election_ballot_closed_counted CHECK (state <> 'closed' OR (closed_at IS NOT NULL AND count IS NOT NULL)),
        ADD CONSTRAINT election_ballot_voided_why CHECK ((state = 'voided') = (voided_at IS NOT NULL AND void_reason IS NOT NULL))`);
    await db.query(`CREATE UNIQUE INDEX election_ballot_one_per_post ON election_ballot (post_id) WHERE state <> 'voided'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM election_ballot WHERE state = 'voided'`);
    await db.query(`DROP INDEX election_ballot_one_per_post`);
    await db.query(`
      ALTER TABLE election_ballot
        DROP CONSTRAINT election_ballot_voided_why,
        DROP CONSTRAINT election_ballot_closed_counted,
        DROP CONSTRAINT election_ballot_open_uncounted,
        DROP CONSTRAINT election_ballot_state_check,
        DROP COLUMN void_reason,
        DROP COLUMN voided_at,
        DROP COLUMN voided_by,
        ADD CONSTRAINT election_ballot_state_check CHECK (state IN ('open', 'closed')),
        ADD UNIQUE (post_id),
        ADD CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
        ADD CHECK ((state = 'closed') = (count IS NOT NULL))`);
  }
}
