import { Injectable } from '@nestjs/common';
import type { BodyMemberDto, BodyResponseDto, JointPartnerQueryDto, MemberListQueryDto, MemberPageDto } from '@agm/contracts';
import { Forbidden, InvalidInput, mayViewConference, NotFound, type Principal } from '@agm/domain';
import { loadRuleset, MembershipRepository } from '@agm/persistence';
import { Transactions } from '../events/transactions';

@Injectable()
export class MembershipQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly membership: MembershipRepository,
  ) {}

  async members(query: MemberListQueryDto): Promise<MemberPageDto> {
    const page = await this.membership.findMembers(this.transactions.manager, query);
    return {
      items: page.items.map((member) => ({ ...member, createdAt: member.createdAt.toISOString() })),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  bodyMembers(bodyId: string): Promise<BodyMemberDto[]> {
    return this.membership.bodyMembers(this.transactions.manager, bodyId);
  }

  /**
   * The other member of a joint submission, found by membership number and surname together: only a
   * member who could submit jointly themselves may ask, and the answer is the name and number they gave
   * (no category, email or branch). A number and surname that do not match are one "not found".
   */
  async jointPartner(principal: Principal, query: JointPartnerQueryDto): Promise<BodyMemberDto> {
    const manager = this.transactions.manager;
    if (!principal.memberId) {
      throw new Forbidden('A joint submission is made by a member: sign in with an account linked to your membership.');
    }
    if (!mayViewConference(principal, query.conferenceId)) throw new NotFound('No such conference, or it is not yours to see.');
    const ruleset = await loadRuleset(manager, query.conferenceId);
    if (!ruleset) throw new NotFound('No such conference, or it is not yours to see.');
    const allowed = ruleset.submission.jointSubmissionCategories;
    if (allowed.length === 0) throw new Forbidden('This conference takes no joint motions: submit for a body you are an officer of.');
    const self = await this.membership.memberCategory(manager, { id: principal.memberId });
    if (!self || !allowed.includes(self.category)) {
      throw new Forbidden(`Only ${inWords(allowed)} members may submit jointly; you are ${self ? `${/^[aeiou]/i.test(self.category) ? 'an' : 'a'} ${self.category.replace(/_/g, ' ')} member` : 'not in the register'}.`);
    }
    const partner = await this.membership.memberCategory(manager, { membershipNumber: query.membershipNumber.trim() });
    const surname = query.surname.trim().toLowerCase();
    if (!partner || partner.name.trim().toLowerCase().split(/\s+/).at(-1) !== surname) {
      throw new NotFound('No member with that membership number and surname is in the register: check both with the member.', {
        membershipNumber: 'no member with this number and surname',
        surname: 'no member with this number and surname',
      });
    }
    if (partner.id === principal.memberId) {
      throw new InvalidInput('That is you: a joint submission names the other member.', { membershipNumber: 'your own number: give the other member\'s' });
    }
    if (!allowed.includes(partner.category)) {
      throw new InvalidInput(`${partner.name} cannot submit jointly: only ${inWords(allowed)} members may.`, {
        membershipNumber: `${partner.name} is not a ${inWords(allowed)} member`,
      });
    }
    return { id: partner.id, membershipNumber: partner.membershipNumber, name: partner.name };
  }

  bodies(): Promise<BodyResponseDto[]> {
    return this.membership.listBodies(this.transactions.manager);
  }
}

/** Category codes as people say them: `professional_associate` or `full` reads "professional associate or full". */
function inWords(categories: readonly string[]): string {
  return categories.map((c) => c.replace(/_/g, ' ')).join(' or ');
}
