import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spoilt (rejected) hall papers (docs/elections.md "Spoilt papers"): the tellers record a paper as
 * spoilt with its reason, confirmed by a second teller like any paper. A spoilt paper names no candidate
 * (its preferences are empty) and is never written among the counted ballots; the count sheet lists it
 * as a rejected paper.
 */
export class SpoiltPapers1797610000000 implements MigrationInterface {
  name = 'SpoiltPapers1797610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE paper_election_ballot
        ADD COLUMN spoilt_reason text CHECK (spoilt_reason IN ('unmarked', 'too-many-marks', 'identifies-voter', 'uncertain')),
        ADD CONSTRAINT paper_election_ballot_spoilt_names_nobody CHECK ((spoilt_reason IS NULL) = (cardinality(preferences) > 0))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM paper_election_ballot WHERE spoilt_reason IS NOT NULL`);
    await db.query(`ALTER TABLE paper_election_ballot DROP CONSTRAINT paper_election_ballot_spoilt_names_nobody, DROP COLUMN spoilt_reason`);
  }
}
