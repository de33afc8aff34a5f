import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monitoring tables. Equality answers are UK GDPR special category data, so they live apart from any
 * identity: the row is keyed by a pseudonymous key (an HMAC of the member id under the server's secret,
 * computed only by the monitoring module), and holds no member id, no registration id and no timestamp
 * that could be lined up with a registration or a session. See docs/SECURITY-monitoring.md.
 */
export class Monitoring1763940000000 implements MigrationInterface {
  name = 'Monitoring1763940000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE monitoring_answer_set (
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        -- hex HMAC-SHA256: never a member id, never derivable from one without the server's secret
        pseudonymous_key text NOT NULL CHECK (pseudonymous_key ~ '^[0-9a-f]{64}$'),
        answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
        PRIMARY KEY (conference_id, pseudonymous_key)
      )`);
    // The union's own questions, added to the default form before the AGM opens.
    await db.query(`
      CREATE TABLE monitoring_form (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        union_questions jsonb NOT NULL CHECK (jsonb_typeof(union_questions) = 'array')
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE monitoring_form');
    await db.query('DROP TABLE monitoring_answer_set');
  }
}
