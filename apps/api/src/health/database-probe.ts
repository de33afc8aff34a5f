import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How long a health check waits for the database's answer before calling it busy. */
const ANSWER_WITHIN_MS = 2000;
/** A ping still unanswered after this long means the database is not there, however busy. */
const DOWN_AFTER_MS = 30_000;

export interface DatabaseHealth {
  status: 'up' | 'busy' | 'down';
  /** How long the answer took, or has been awaited so far. */
  ms: number;
  message?: string;
}

/**
 * Tells a busy database from one that is down. A ping goes through the application's own pool, so
 * under a join storm it waits its turn: unanswered within 2 s is `busy` (still ready), a refused
 * connection or an error is `down`, and so is a ping unanswered for 30 s. At most one ping is in
 * flight, however often the load balancer asks, so health checks never add to the queue.
 */
@Injectable()
export class DatabaseProbe {
  private inFlight?: { startedAt: number; outcome: Promise<DatabaseHealth> };

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<DatabaseHealth> {
    if (!this.inFlight) {
      const startedAt = Date.now();
      const outcome = this.dataSource.query('SELECT 1').then(
        (): DatabaseHealth => ({ status: 'up', ms: Date.now() - startedAt }),
        (error: unknown): DatabaseHealth => ({ status: 'down', ms: Date.now() - startedAt, message: error instanceof Error ? error.message : String(error) }),
      );
      const ping = { startedAt, outcome };
      this.inFlight = ping;
      void outcome.then(() => {
        if (this.inFlight === ping) this.inFlight = undefined;
      });
    }
    const { startedAt, outcome } = this.inFlight;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ANSWER_WITHIN_MS);
    });
    const answer = await Promise.race([outcome, waited]);
    clearTimeout(timer);
    if (answer) return answer;
    const ms = Date.now() - startedAt;
    return ms < DOWN_AFTER_MS ? { status: 'busy', ms } : { status: 'down', ms, message: 'The database has not answered for 30 s.' };
  }
}
