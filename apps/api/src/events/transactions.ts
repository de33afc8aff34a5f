import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventLogRepository, NewConferenceEvent, StoredConferenceEvent } from '@agm/persistence';
import { EventBus } from './event-bus';

export interface UnitOfWork {
  manager: EntityManager;
  /** Records an event to append to the conference log in this same transaction. */
  record(event: NewConferenceEvent): void;
  /** The transaction's clock: one instant for every event it records. */
  now: Date;
}

/**
 * How every command changes state: one transaction that writes the change and appends its events
 * to the log, then — only after the commit — publishes them. A use case never publishes by itself.
 */
@Injectable()
export class Transactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventLog: EventLogRepository,
    private readonly bus: EventBus,
  ) {}

  async run<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const now = new Date();
    let stored: StoredConferenceEvent[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const pending: NewConferenceEvent[] = [];
      const value = await work({ manager, now, record: (event) => pending.push(event) });
      stored = await this.eventLog.append(manager, pending, now);
      return value;
    });
    this.bus.publish(stored);
    return result;
  }

  /** Reads outside any write; for queries. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
