import { Injectable } from '@nestjs/common';
import { InvalidInput, NotFound, Principal } from '@agm/domain';
import { AccessRepository, RegistrationRepository } from '@agm/persistence';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { SessionRevocations } from '../../auth/session-revocations';
import { Transactions } from '../../events/transactions';
import { newAccessCode } from '../access-codes';
import { CodeNotices, noticeFor } from '../code-notices';
import { renderLettersPdf } from '../letters.pdf';

/**
 * Head office prints letters for the members whose code did not reach them by email: by default every
 * registration with a letter due (no email address, or SMTP off) or a failed email. Only hashes are kept,
 * so each letter carries a **new** code (the old one stops working); printing again issues new codes
 * again, and the registration screen says so before it prints.
 */
@Injectable()
export class PrintLetters {
  constructor(
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationRepository,
    private readonly access: AccessRepository,
    private readonly revocations: SessionRevocations,
    private readonly notices: CodeNotices,
  ) {}

  async execute(principal: Principal, conferenceId: string, chosen: string[] | undefined): Promise<{ pdf: Buffer; count: number }> {
    assertCan(principal, 'registration.manage', { conferenceId });
    const ids = chosen ?? (await this.registrations.awaitingLetters(this.transactions.manager, conferenceId));
    if (ids.length > 2000) throw new InvalidInput('Print at most 2,000 letters at a time.', { registrationIds: 'choose at most 2,000' });
    const codes = new Map<string, { code: string; hash: string }>();
    for (const id of ids) codes.set(id, await newAccessCode());
    let revoked: string[] = [];
    const targets = await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const found = await this.registrations.noticeTargets(manager, conferenceId, ids);
      if (found.length !== new Set(ids).size) throw new NotFound('A registration chosen is not in this conference.');
      for (const target of found) {
        await this.registrations.setAccessCode(manager, target.registrationId, (codes.get(target.registrationId) as { hash: string }).hash, now);
        revoked = revoked.concat(await this.access.revokeRegistrationSessions(manager, target.registrationId, now));
      }
      await this.registrations.setDelivery(manager, ids, 'letter_printed', now);
      if (found.length > 0) record({ conferenceId, type: 'access_code.letters_printed', payload: { count: found.length }, audience: 'admin', actorId: actorOf(principal) });
      return found;
    });
    this.revocations.publish(revoked);
    const notices = targets.map((target) => noticeFor(target, (codes.get(target.registrationId) as { code: string }).code, 'registered', this.notices.signInUrl));
    return { pdf: await renderLettersPdf(notices, `Access code letters: ${targets[0]?.conferenceName ?? ''}`), count: notices.length };
  }
}
