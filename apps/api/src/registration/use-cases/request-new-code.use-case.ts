import { Injectable, Logger } from '@nestjs/common';
import { AccessRepository, RegistrationRepository } from '@agm/persistence';
import { SessionRevocations } from '../../auth/session-revocations';
import { Transactions } from '../../events/transactions';
import { newAccessCode } from '../access-codes';
import { CodeNotices } from '../code-notices';
import { LostCodeThrottle } from '../lost-code-throttle';

/** The one answer, whatever was found: nothing in it, its status or its timing says whether the number exists. */
export const LOST_CODE_ANSWER =
  'If that membership number is registered for this conference with that email address, a new access code is on its way there, and the old one no longer works. If nothing arrives within an hour, ask head office.';

/**
 * A member who lost their code asks for a new one with their membership number and the email address the
 * register holds. The answer is sent before anything is looked up, and the work is done after it, so the
 * answer and its timing are the same whether the number exists, is registered, or the address matches.
 * Only the registered address ever receives a code. A code head office revoked stays revoked.
 */
@Injectable()
export class RequestNewCode {
  private readonly log = new Logger(RequestNewCode.name);
  /** Work started after answering, so a test can wait for it. */
  readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly throttle: LostCodeThrottle,
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationRepository,
    private readonly access: AccessRepository,
    private readonly revocations: SessionRevocations,
    private readonly notices: CodeNotices,
  ) {}

  execute(conferenceId: string, membershipNumber: string, email: string, address: string): { message: string } {
    this.throttle.take(`${conferenceId.toLowerCase()}:${membershipNumber.trim().toUpperCase()}`, address);
    const work = this.reissue(conferenceId, membershipNumber.trim(), email.trim())
      .catch((error: unknown) => this.log.warn(`A lost-code request failed: ${(error as Error).message}`))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return { message: LOST_CODE_ANSWER };
  }

  private async reissue(conferenceId: string, membershipNumber: string, email: string): Promise<void> {
    const registrationId = await this.registrations.findByNumberAndEmail(this.transactions.manager, conferenceId, membershipNumber, email);
    if (!registrationId) return;
    const { code, hash } = await newAccessCode();
    let revoked: string[] = [];
    await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      await this.registrations.setAccessCode(manager, registrationId, hash, now);
      revoked = await this.access.revokeRegistrationSessions(manager, registrationId, now);
      record({ conferenceId, type: 'access_code.requested', payload: { registrationId }, audience: 'admin', actorId: null });
    });
    this.revocations.publish(revoked);
    await this.notices.deliver(conferenceId, new Map([[registrationId, code]]), 'requested');
  }
}
