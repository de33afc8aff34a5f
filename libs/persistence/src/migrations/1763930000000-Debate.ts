import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Debate: no tables of its own. The debate state is a fold over the conference event log, and each
 * command re-reads the conference's debate entries, so they get a partial index: reading them costs
 * the debate's size, not the whole log's (presence, votes and the rest share the same table).
 */
export class Debate1763930000000 implements MigrationInterface {
  name = 'Debate1763930000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX conference_event_debate_idx ON conference_event (conference_id, seq) WHERE type LIKE 'debate.%'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX conference_event_debate_idx');
  }
}
