import { Injectable, Logger } from '@nestjs/common';
import { AttendanceMode, InvalidInput, NotFound, Principal, type Ruleset } from '@agm/domain';
import { readMembershipNumbersCsv, type CsvProblem } from '@agm/domain/membership';
import { loadRuleset, RegistrationJobRepository, RegistrationJobRow, RegistrationRepository } from '@agm/persistence';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { refuseIfProblems } from '../../membership/register-import';
import { newAccessCode } from '../access-codes';
import { CodeNotices } from '../code-notices';

export interface BulkRegistrationRequest {
  attendanceMode: AttendanceMode;
  categories?: string[];
  bodyIds?: string[];
  membershipNumbersCsv?: string;
}

/** 'professional_associate' as a person reads it. */
const categoryWords = (code: string): string => code.replace(/_/g, ' ');

/** Members registered per transaction: small enough that the conference lock is held briefly. */
const BATCH = 25;

/**
 * Head office registers many members in one action: everyone who may attend, or those of some categories,
 * some bodies, or a CSV of membership numbers (each part narrows the selection). The request is checked
 * whole before anything starts (a CSV's problems are named line by line, as the register imports do), then
 * a job registers the members in batches on this instance, emails each new code and records its progress,
 * which any instance can report. Members already registered are counted and left as they are.
 */
@Injectable()
export class RegisterInBulk {
  private readonly log = new Logger(RegisterInBulk.name);
  /** The jobs running here, so a test or a shutdown can wait for them. */
  readonly running = new Set<Promise<void>>();

  constructor(
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationRepository,
    private readonly jobs: RegistrationJobRepository,
    private readonly notices: CodeNotices,
  ) {}

  async start(principal: Principal, conferenceId: string, request: BulkRegistrationRequest): Promise<RegistrationJobRow> {
    assertCan(principal, 'registration.manage', { conferenceId });
    const manager = this.transactions.manager;
    const ruleset = await loadRuleset(manager, conferenceId);
    if (!ruleset) throw new NotFound('No such conference, or it is not yours to see.');
    const categories = this.categoriesOf(ruleset, request.categories);
    await this.checkBodies(request.bodyIds);
    const membershipNumbers = request.membershipNumbersCsv === undefined ? undefined : await this.numbersOf(request.membershipNumbersCsv, ruleset);
    const members = await this.registrations.selectMembers(manager, { categories, bodyIds: request.bodyIds, membershipNumbers });
    if (members.length === 0) {
      throw new InvalidInput('No member of the register matches this selection, so nobody was registered. Widen the selection.', {
        selection: 'matches no member who may attend',
      });
    }
    const selection = await this.describe(request, categories);
    const jobId = await this.jobs.create(manager, { conferenceId, requestedBy: actorOf(principal), attendanceMode: request.attendanceMode, selection, total: members.length });
    const run = this.run(conferenceId, jobId, request.attendanceMode, members.map((m) => m.id), actorOf(principal)).finally(() => this.running.delete(run));
    this.running.add(run);
    return (await this.jobs.find(manager, conferenceId, jobId)) as RegistrationJobRow;
  }

  private async run(conferenceId: string, jobId: string, mode: AttendanceMode, memberIds: string[], actorId: string | null): Promise<void> {
    try {
      for (let at = 0; at < memberIds.length; at += BATCH) {
        const batch = memberIds.slice(at, at + BATCH);
        const issued = new Map<string, { code: string; hash: string }>();
        for (const memberId of batch) issued.set(memberId, await newAccessCode());
        const made = await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
          const ids = await this.registrations.insertMany(manager, conferenceId, batch.map((memberId) => ({ memberId, codeHash: (issued.get(memberId) as { hash: string }).hash })), mode, now);
          if (ids.length > 0) {
            record({ conferenceId, type: 'registrations.created', payload: { jobId, count: ids.length, attendanceMode: mode }, audience: 'admin', actorId });
          }
          return ids;
        });
        const codes = new Map<string, string>();
        for (const { registrationId, memberId } of made) codes.set(registrationId, (issued.get(memberId) as { code: string }).code);
        const tally = await this.notices.deliver(conferenceId, codes, 'registered');
        await this.jobs.advance(this.transactions.manager, jobId, {
          processed: batch.length,
          registered: made.length,
          alreadyRegistered: batch.length - made.length,
          emailed: tally.emailed,
          emailFailed: tally.emailFailed,
          lettersDue: tally.lettersDue,
        });
      }
      await this.jobs.finish(this.transactions.manager, jobId, null);
    } catch (error) {
      this.log.error(`Bulk registration ${jobId} stopped: ${(error as Error).message}`);
      await this.jobs
        .finish(this.transactions.manager, jobId, 'The registration stopped part way. Those counted as registered are; start it again with the same selection to register the rest.')
        .catch(() => undefined);
    }
  }

  /** The categories chosen (all that may attend by default); a category that may not attend, or is unknown, is refused by name. */
  private categoriesOf(ruleset: Ruleset, chosen: string[] | undefined): string[] {
    const mayAttend = Object.entries(ruleset.categories).filter(([, rules]) => rules.mayAttend).map(([code]) => code);
    if (!chosen || chosen.length === 0) return mayAttend;
    const refused = chosen.filter((code) => !mayAttend.includes(code));
    if (refused.length > 0) {
      throw new InvalidInput(`Members of ${refused.map((code) => categoryWords(code)).join(', ')} may not attend this conference under its standing orders, or the category is unknown.`, {
        categories: `choose among ${mayAttend.map((code) => categoryWords(code)).join(', ')}`,
      });
    }
    return chosen;
  }

  private async checkBodies(bodyIds: string[] | undefined): Promise<void> {
    if (!bodyIds?.length) return;
    const rows: Array<{ id: string }> = await this.transactions.manager.query('SELECT id FROM body WHERE id = ANY($1::uuid[])', [bodyIds]);
    if (rows.length !== new Set(bodyIds).size) throw new InvalidInput('A body chosen is not in the register.', { bodyIds: 'choose bodies from the register' });
  }

  /** The CSV's numbers, each checked against the register: unknown or not allowed to attend, named at its line. */
  private async numbersOf(csv: string, ruleset: Ruleset): Promise<string[]> {
    const { rows, problems } = readMembershipNumbersCsv(csv);
    const numbers = rows.map((row) => row.membershipNumber);
    const found: Array<{ membership_number: string; category: string }> = await this.transactions.manager.query(
      'SELECT membership_number, category FROM member WHERE membership_number = ANY($1::text[])',
      [numbers],
    );
    const categoryOf = new Map(found.map((row) => [row.membership_number, row.category]));
    const more: CsvProblem[] = [];
    for (const row of rows) {
      const category = categoryOf.get(row.membershipNumber);
      if (category === undefined) more.push({ line: row.line, column: 'membership_number', message: `no member has the number ${row.membershipNumber}; check the register` });
      else if (!ruleset.categories[category]?.mayAttend) more.push({ line: row.line, column: 'membership_number', message: `${row.membershipNumber} is a ${categoryWords(category)} member, who may not attend under the standing orders` });
    }
    refuseIfProblems([...problems, ...more].sort((a, b) => a.line - b.line), rows.length, 'membership numbers');
    return numbers;
  }

  private async describe(request: BulkRegistrationRequest, categories: string[]): Promise<string> {
    const parts: string[] = [];
    if (request.categories?.length) parts.push(`categories: ${categories.map((code) => categoryWords(code)).join(', ')}`);
    if (request.bodyIds?.length) {
      const rows: Array<{ name: string }> = await this.transactions.manager.query('SELECT name FROM body WHERE id = ANY($1::uuid[]) ORDER BY name', [request.bodyIds]);
      parts.push(`bodies: ${rows.map((row) => row.name).join(', ')}`);
    }
    if (request.membershipNumbersCsv !== undefined) parts.push('membership numbers from a file');
    const who = parts.length ? `Members by ${parts.join('; ')}` : 'Everyone who may attend';
    return `${who}, ${request.attendanceMode === 'hall' ? 'in the hall' : 'remote'}`;
  }
}
