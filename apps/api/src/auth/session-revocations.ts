import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

export interface Revocation {
  sessionId: string;
  /** What the client is told in `session.ended`; a generic "session ended" when not given. */
  reason?: string;
}

/** Revoked session ids (and projector link ids), published after commit; the realtime gateway disconnects their sockets. */
@Injectable()
export class SessionRevocations {
  private readonly subject = new Subject<Revocation>();
  readonly revoked$ = this.subject.asObservable();

  publish(sessionIds: string[], reason?: string): void {
    for (const sessionId of sessionIds) this.subject.next({ sessionId, reason });
  }
}
