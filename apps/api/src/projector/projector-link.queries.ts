import { Injectable } from '@nestjs/common';
import type { Principal } from '@agm/domain';
import type { ProjectorLinkResponseDto } from '@agm/contracts';
import { ProjectorLinkRepository, ProjectorLinkRow } from '@agm/persistence';
import { assertCan } from '../auth/access-control';
import { Transactions } from '../events/transactions';

/** The links in force, for the chair and administrators to see and revoke (never their keys). */
@Injectable()
export class ProjectorLinkQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly links: ProjectorLinkRepository,
  ) {}

  async list(principal: Principal, conferenceId: string): Promise<ProjectorLinkResponseDto[]> {
    assertCan(principal, 'projector.manage', { conferenceId });
    return (await this.links.listLive(this.transactions.manager, conferenceId, new Date())).map(toProjectorLinkResponse);
  }
}

export function toProjectorLinkResponse(row: ProjectorLinkRow): ProjectorLinkResponseDto {
  return { id: row.id, conferenceId: row.conferenceId, label: row.label, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() };
}
