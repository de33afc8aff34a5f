import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

/**
 * Accounts whose roles changed, published after the commit. The realtime gateway re-reads their
 * principal at once and takes their open sockets out of the audiences they no longer hold, on every
 * instance: a removed chair must not keep receiving the chair's events until their next message.
 */
@Injectable()
export class AccessChanges {
  private readonly subject = new Subject<{ accountId: string }>();
  readonly changed$ = this.subject.asObservable();

  publish(accountId: string): void {
    this.subject.next({ accountId });
  }
}
