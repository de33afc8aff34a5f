import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { StoredConferenceEvent } from '@agm/persistence';

/**
 * In-process publication of committed conference events. Only events that are already in the
 * database pass through here, so a subscriber (the realtime notifier) never pushes a change that
 * could still roll back.
 */
@Injectable()
export class EventBus {
  private readonly subject = new Subject<StoredConferenceEvent>();
  readonly events$ = this.subject.asObservable();
  private readonly commitSubject = new Subject<StoredConferenceEvent[]>();
  /** Each commit's events together, in seq order: the feed delivers them to sockets as one message. */
  readonly commits$ = this.commitSubject.asObservable();

  publish(events: StoredConferenceEvent[]): void {
    if (events.length > 0) this.commitSubject.next(events);
    for (const event of events) this.subject.next(event);
  }
}
