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

  publish(events: StoredConferenceEvent[]): void {
    for (const event of events) this.subject.next(event);
  }
}
