import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A secret vote's ballots while it is open (DESIGN "Voting at volume, and secrecy"). The choice and
 * the receipt are sealed (AES-256-GCM under a per-vote key derived from the server's TOKEN_SECRET,
 * which the database never holds), every sealed value the same length. A sealed row is written in the
 * same transaction as the voter's participation row, so it is linkable to them by xmin and physical
 * order; that links a member to a ciphertext only. At the close the sealed rows are opened, written to
 * `ballot` in one transaction in random order, and deleted: the counted ballots then share nothing
 * with the participation rows. `ballot_key_hash` finds a device's retry or change while the vote is open.
 */
export class SealedBallots1764300000000 implements MigrationInterface {
  name = 'SealedBallots1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sealed_ballot (
        vote_id uuid NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
        ballot_key_hash text NOT NULL,
        sealed bytea NOT NULL,
        PRIMARY KEY (vote_id, ballot_key_hash)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sealed_ballot');
  }
}
