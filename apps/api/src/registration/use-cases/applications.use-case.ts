import { Injectable, Logger } from '@nestjs/common';
import { AttendanceMode, Forbidden, InvalidInput, NotFound, Principal } from '@agm/domain';
import { ApplicationRepository, ApplicationRow, CodeDelivery, loadRuleset } from '@agm/persistence';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { Mailer } from '../../mail/mailer';
import { LostCodeThrottle } from '../lost-code-throttle';
import { RegisterAttendee } from './register-attendee.use-case';

/** The one answer to an application, whatever was found: nothing in it says whether the number exists. */
export const APPLICATION_ANSWER =
  'Thank you. If that membership number is in the register with that email address, and you are not registered yet, your application is with head office. You will hear by email whether it is approved; an approval brings your access code.';

const CLOSED =
  'This conference does not take applications from members: ask your branch secretary or head office to register you.';

/**
 * A member applies to attend, where the conference allows it, with their membership number and the email
 * address the register holds. As with a lost code, the answer is given before anything is looked up and the
 * work is done after it, so neither the answer nor its timing says whether the number exists, is registered
 * or has applied. Only whether the conference takes applications is said (that is public). The same
 * throttle as lost codes: 3 an hour per number, 20 per address.
 */
@Injectable()
export class ApplyToAttend {
  private readonly log = new Logger(ApplyToAttend.name);
  /** Work started after answering, so a test can wait for it. */
  readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly throttle: LostCodeThrottle,
    private readonly transactions: Transactions,
    private readonly applications: ApplicationRepository,
  ) {}

  async execute(conferenceId: string, membershipNumber: string, email: string, mode: AttendanceMode, address: string): Promise<{ message: string }> {
    const open = await this.applications.isOpen(this.transactions.manager, conferenceId);
    if (open === null) throw new NotFound('No such conference.');
    if (!open) throw new Forbidden(CLOSED);
    this.throttle.take(`apply:${conferenceId.toLowerCase()}:${membershipNumber.trim().toUpperCase()}`, `apply:${address}`, Date.now(), 'applications');
    const work = this.apply(conferenceId, membershipNumber.trim(), email.trim(), mode)
      .catch((error: unknown) => this.log.warn(`An application to attend failed: ${(error as Error).message}`))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return { message: APPLICATION_ANSWER };
  }

  private async apply(conferenceId: string, membershipNumber: string, email: string, mode: AttendanceMode): Promise<void> {
    await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const member = await this.applications.applicant(manager, conferenceId, membershipNumber, email);
      if (!member) return;
      // A member whose category may not attend is not offered to head office: the rules already say no.
      const ruleset = await loadRuleset(manager, conferenceId);
      if (!ruleset?.categories[member.category]?.mayAttend) return;
      const id = await this.applications.insert(manager, conferenceId, member.id, mode, now);
      if (id) record({ conferenceId, type: 'application.received', payload: { applicationId: id, attendanceMode: mode }, audience: 'admin', actorId: null });
    });
  }
}

/**
 * Head office's side: whether the conference takes applications, the ones waiting, and each decision. An
 * approval registers the member as head office registering them would (RegisterAttendee), so the access
 * code goes by email as in bulk registration; a decline emails the member the reason.
 */
@Injectable()
export class DecideApplications {
  constructor(
    private readonly transactions: Transactions,
    private readonly applications: ApplicationRepository,
    private readonly register: RegisterAttendee,
    private readonly mailer: Mailer,
  ) {}

  async setOpen(principal: Principal, conferenceId: string, open: boolean): Promise<{ open: boolean }> {
    assertCan(principal, 'registration.manage', { conferenceId });
    await this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      if (!(await this.applications.setOpen(manager, conferenceId, open))) throw new NotFound('No such conference, or it is not yours to see.');
      record({ conferenceId, type: 'applications.opened', payload: { open }, audience: 'admin', actorId: actorOf(principal) });
    });
    return { open };
  }

  async list(principal: Principal, conferenceId: string): Promise<{ open: boolean; applications: ApplicationRow[] }> {
    assertCan(principal, 'registration.manage', { conferenceId });
    const manager = this.transactions.manager;
    const open = await this.applications.isOpen(manager, conferenceId);
    if (open === null) throw new NotFound('No such conference, or it is not yours to see.');
    return { open, applications: await this.applications.pending(manager, conferenceId) };
  }

  async approve(principal: Principal, conferenceId: string, applicationId: string): Promise<{ name: string; delivery: CodeDelivery }> {
    assertCan(principal, 'registration.manage', { conferenceId });
    const application = await this.pendingOne(conferenceId, applicationId);
    // Registered (and the code emailed) by the one use case that registers; then the application is marked.
    const { registration, delivery } = await this.register.execute(principal, conferenceId, application.membershipNumber, application.attendanceMode);
    await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      await this.applications.decide(manager, applicationId, 'approved', null, now, actorOf(principal));
      record({ conferenceId, type: 'application.approved', payload: { applicationId, registrationId: registration.id }, audience: 'admin', actorId: actorOf(principal) });
    });
    return { name: application.name, delivery };
  }

  async decline(principal: Principal, conferenceId: string, applicationId: string, reason: string): Promise<{ name: string; emailed: boolean }> {
    assertCan(principal, 'registration.manage', { conferenceId });
    if (!reason.trim())
      throw new InvalidInput('Give the reason the application is declined: the member is told it.', { reason: 'is required, e.g. "not a member in good standing"' });
    let application: ApplicationRow | null = null;
    let conferenceName = '';
    await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      application = await this.applications.find(manager, conferenceId, applicationId, true);
      if (!application || application.state !== 'pending') throw new NotFound('No such application waiting for a decision: it may have been decided already.');
      await this.applications.decide(manager, applicationId, 'declined', reason.trim(), now, actorOf(principal));
      record({ conferenceId, type: 'application.declined', payload: { applicationId, reason: reason.trim() }, audience: 'admin', actorId: actorOf(principal) });
      const rows = await manager.query('SELECT name FROM conference WHERE id = $1', [conferenceId]);
      conferenceName = rows[0]?.name ?? 'the conference';
    });
    const declined = application as unknown as ApplicationRow;
    // After the commit: the member hears of a decision that stands.
    const emailed = this.mailer.enabled && declined.email !== ''
      ? await this.mailer.send({
          to: declined.email,
          subject: `Your application to attend ${conferenceName}`,
          text: [
            `Dear ${declined.name},`,
            '',
            `Head office has declined your application to attend ${conferenceName}.`,
            `Reason: ${reason.trim()}`,
            '',
            'If you think this is wrong, reply to head office.',
          ].join('\n'),
        })
      : false;
    return { name: declined.name, emailed };
  }

  private async pendingOne(conferenceId: string, applicationId: string): Promise<ApplicationRow> {
    const application = await this.applications.find(this.transactions.manager, conferenceId, applicationId);
    if (!application || application.state !== 'pending') throw new NotFound('No such application waiting for a decision: it may have been decided already.');
    return application;
  }
}
