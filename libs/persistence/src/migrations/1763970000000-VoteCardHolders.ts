import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A card vote keeps the card holders it was opened with, `[{ bodyId, memberId }]`, as the chair named
 * them: the eligibility snapshot keeps a body only for a holder present at the opening, so a re-run of a
 * voided card vote, or the next card vote, starts from this list rather than from the snapshot.
 */
export class VoteCardHolders1763970000000 implements MigrationInterface {
  name = 'VoteCardHolders1763970000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE vote ADD COLUMN card_holders jsonb');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE vote DROP COLUMN card_holders');
  }
}
