import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventLogRepository, NewConferenceEvent } from '@agm/persistence';
import { EventBus } from './event-bus';
import { retryOnContention } from './transaction-retry';

export interface UnitOfWork {
  manager: EntityManager;
  /** Records an event to append to the conference log in this same transaction. */
  record(event: NewConferenceEvent): void;
  /** The transaction's clock: one instant for every event it records. */
  now: Date;
}

export interface RunOptions {
  /**
   * The conference this transaction writes to. Its lock (the event counter row, FOR UPDATE) is taken
   * first, before any conference, ruleset, section, registration, motion or vote row: the one lock order
   * of docs/DECISIONS.md ("Lock order"). Every transaction that records an event names its conference.
   */
  conferenceId?: string;
  /** The transaction creates the conference it records events for: no one else can hold its locks yet. */
  newConference?: boolean;
}

/**
 * How every command changes state: one transaction that writes the change and appends its events
 * to the log, then — only after the commit — publishes them. A use case never publishes by itself.
 * A transaction PostgreSQL aborts for contention (deadlock, serialization failure) is run again, a
 * few times, so `work` must do nothing outside the transaction that cannot be done twice.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger('Transactions');

  constructor(
    private readonly dataSource: DataSource,
    private readonly eventLog: EventLogRepository,
    private readonly bus: EventBus,
  ) {}

  async run<T>(work: (uow: UnitOfWork) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const now = new Date();
    const { value, stored } = await retryOnContention(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (options.conferenceId) await this.eventLog.lockConference(manager, options.conferenceId);
          const pending: NewConferenceEvent[] = [];
          const record = (event: NewConferenceEvent) => {
            assertLockedFirst(event, options);
            pending.push(event);
          };
          const result = await work({ manager, now, record });
          return { value: result, stored: await this.eventLog.append(manager, pending, now) };
        }),
      {
        onRetry: (error, attempt) =>
          this.logger.warn(
            `transaction${options.conferenceId ? ` for conference ${options.conferenceId}` : ''} aborted by PostgreSQL (${(error as { code?: string }).code}), attempt ${attempt}; running it again`,
          ),
      },
    );
    this.bus.publish(stored);
    return value;
  }

  /** `run` for a write to one conference, its lock taken first. */
  runFor<T>(conferenceId: string, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    return this.run(work, { conferenceId });
  }

  /** Reads outside any write; for queries. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}

/**
 * An event for a conference whose lock was not taken first would take it last, when appended: after
 * the rows the work locked, the opposite order to every other writer, which is how issue 22 deadlocked.
 * A programming error, refused before anything is committed.
 */
function assertLockedFirst(event: NewConferenceEvent, options: RunOptions): void {
  if (options.newConference || event.conferenceId === options.conferenceId) return;
  throw new Error(
    `An event for conference ${event.conferenceId} was recorded in a transaction that did not take that conference's lock first; run it with Transactions.runFor(conferenceId, ...).`,
  );
}
