import { Injectable } from '@nestjs/common';
import { AccessRepository } from '@agm/persistence';
import { Transactions } from '../../events/transactions';
import { SessionRevocations } from '../session-revocations';

/** Ends a session: its token stops working on HTTP and its live sockets are disconnected. */
@Injectable()
export class SignOut {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: AccessRepository,
    private readonly revocations: SessionRevocations,
  ) {}

  async execute(sessionId: string): Promise<void> {
    await this.transactions.run(({ manager, now }) => this.access.revokeSession(manager, sessionId, now));
    this.revocations.publish([sessionId]);
  }
}
