import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

/** Revoked session ids, published after commit; the realtime gateway disconnects their sockets. */
@Injectable()
export class SessionRevocations {
  private readonly subject = new Subject<string>();
  readonly revoked$ = this.subject.asObservable();

  publish(sessionIds: string[]): void {
    for (const id of sessionIds) this.subject.next(id);
  }
}
