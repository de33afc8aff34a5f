import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19 item 4: a vote may need a majority of votes cast (abstentions included) or of those entitled
 * to vote, besides simple and two-thirds. The vote keeps the majority it opened under, so the check widens.
 */
export class MoreMajorities1797300000000 implements MigrationInterface {
  name = 'MoreMajorities1797300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE vote DROP CONSTRAINT IF EXISTS vote_majority_check`);
    await db.query(
      `ALTER TABLE vote ADD CONSTRAINT vote_majority_check CHECK (majority IN ('simple', 'two_thirds', 'votes_cast', 'entitled'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE vote DROP CONSTRAINT IF EXISTS vote_majority_check`);
    await db.query(`ALTER TABLE vote ADD CONSTRAINT vote_majority_check CHECK (majority IN ('simple', 'two_thirds'))`);
  }
}
