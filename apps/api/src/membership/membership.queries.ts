import { Injectable } from '@nestjs/common';
import type { BodyMemberDto, BodyResponseDto, MemberListQueryDto, MemberPageDto } from '@agm/contracts';
import { MembershipRepository } from '@agm/persistence';
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

  bodies(): Promise<BodyResponseDto[]> {
    return this.membership.listBodies(this.transactions.manager);
  }
}
