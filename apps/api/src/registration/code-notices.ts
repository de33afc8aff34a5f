import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@agm/config';
import { accessCodeMessage, type AccessCodeNotice } from '@agm/domain';
import { RegistrationRepository, type CodeDelivery, type NoticeTarget } from '@agm/persistence';
import { APP_CONFIG } from '../common/app-config.token';
import { Transactions } from '../events/transactions';
import { Mailer } from '../mail/mailer';

export type NoticeOccasion = AccessCodeNotice['occasion'];

/** "Eastbourne, 2 to 3 October 2025": the conference as a member reads it. */
export function whereAndWhen(target: Pick<NoticeTarget, 'venue' | 'startsOn' | 'endsOn'>): string {
  const [y1, m1, d1] = target.startsOn.split('-').map(Number);
  const [y2, m2, d2] = target.endsOn.split('-').map(Number);
  const month = (m: number) => MONTHS[m - 1];
  const dates =
    target.startsOn === target.endsOn
      ? `${d1} ${month(m1)} ${y1}`
      : y1 === y2 && m1 === m2
        ? `${d1} to ${d2} ${month(m1)} ${y1}`
        : y1 === y2
          ? `${d1} ${month(m1)} to ${d2} ${month(m2)} ${y1}`
          : `${d1} ${month(m1)} ${y1} to ${d2} ${month(m2)} ${y2}`;
  return `${target.venue}, ${dates}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function noticeFor(target: NoticeTarget, accessCode: string, occasion: NoticeOccasion, signInUrl: string | undefined): AccessCodeNotice {
  return {
    memberName: target.memberName,
    membershipNumber: target.membershipNumber,
    conferenceName: target.conferenceName,
    whereAndWhen: whereAndWhen(target),
    attendanceMode: target.attendanceMode,
    accessCode,
    occasion,
    signInUrl,
  };
}

export interface DeliveryTally {
  emailed: number;
  emailFailed: number;
  lettersDue: number;
}

/**
 * Sends fresh access codes to their members by email, after the transaction that stored their hashes
 * committed, and records how each reached (or did not reach) its member: a member with no email address,
 * or with SMTP not configured, is due a letter; a failed send is marked so head office can print one.
 */
@Injectable()
export class CodeNotices {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: Mailer,
    private readonly registrations: RegistrationRepository,
    private readonly transactions: Transactions,
  ) {}

  get signInUrl(): string | undefined {
    return this.config.publicUrl ? `${this.config.publicUrl}/` : undefined;
  }

  /**
   * `unsent` is what a code that no email carried becomes: a letter due (bulk, lost code), or 'shown'
   * when head office has it on screen to hand over (one registration, a reissue).
   */
  async deliver(conferenceId: string, codes: Map<string, string>, occasion: NoticeOccasion, unsent: 'letter_due' | 'shown' = 'letter_due'): Promise<DeliveryTally & { byRegistration: Map<string, CodeDelivery> }> {
    const manager = this.transactions.manager;
    const targets = await this.registrations.noticeTargets(manager, conferenceId, [...codes.keys()]);
    const byRegistration = new Map<string, CodeDelivery>();
    await Promise.all(
      targets.map(async (target) => {
        if (!this.mailer.enabled || target.email === '') return byRegistration.set(target.registrationId, unsent);
        const { subject, lines } = accessCodeMessage(noticeFor(target, codes.get(target.registrationId) as string, occasion, this.signInUrl));
        const sent = await this.mailer.send({ to: target.email, subject, text: lines.join('\n') });
        return byRegistration.set(target.registrationId, sent ? 'emailed' : 'email_failed');
      }),
    );
    const now = new Date();
    const tally: DeliveryTally = { emailed: 0, emailFailed: 0, lettersDue: 0 };
    for (const delivery of ['emailed', 'email_failed', 'letter_due', 'shown'] as const) {
      const ids = [...byRegistration].filter(([, d]) => d === delivery).map(([id]) => id);
      await this.registrations.setDelivery(manager, ids, delivery, now);
    }
    for (const delivery of byRegistration.values()) {
      if (delivery === 'emailed') tally.emailed++;
      else if (delivery === 'email_failed') tally.emailFailed++;
      else if (delivery === 'letter_due') tally.lettersDue++;
    }
    return { ...tally, byRegistration };
  }
}
