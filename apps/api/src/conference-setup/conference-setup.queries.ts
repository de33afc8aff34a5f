import { Injectable } from '@nestjs/common';
import { formatInConferenceTime, NotFound, Principal } from '@agm/domain';
import { localParts } from '@agm/domain/conferences/deadlines.rules';
import type {
  DeadlineResponseDto,
  DeadlinesResponseDto,
  RoleAssignmentResponseDto,
  RulesetCategoryHoldersResponseDto,
  RulesetResponseDto,
  RulesetVersionResponseDto,
  SectionResponseDto,
} from '@agm/contracts';
import { MembershipRepository } from '@agm/persistence';
import { ConferenceSetupRepository, ConferenceSetupRow, SectionRow } from '@agm/persistence/conference-setup';
import { assertCan } from '../auth/access-control';
import { Transactions } from '../events/transactions';

/**
 * Reads of a conference's set-up. Everyone who may see the conference may read it; roles and the
 * register's category counts are for its admins.
 */
@Injectable()
export class ConferenceSetupQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly setup: ConferenceSetupRepository,
    private readonly membership: MembershipRepository,
  ) {}

  async deadlines(principal: Principal, conferenceId: string): Promise<DeadlinesResponseDto> {
    assertCan(principal, 'conference.view', { conferenceId });
    return deadlinesView(await this.conference(conferenceId));
  }

  async ruleset(principal: Principal, conferenceId: string): Promise<RulesetResponseDto> {
    assertCan(principal, 'conference.view', { conferenceId });
    const current = await this.setup.currentRuleset(this.transactions.manager, conferenceId);
    if (!current) throw new NotFound('No such conference, or it is not yours to see.');
    return { conferenceId, ...current };
  }

  async rulesetVersions(principal: Principal, conferenceId: string): Promise<RulesetVersionResponseDto[]> {
    assertCan(principal, 'conference.view', { conferenceId });
    await this.conference(conferenceId);
    const versions = await this.setup.rulesetVersions(this.transactions.manager, conferenceId);
    return versions.map((v) => ({ ...v, changedAt: v.changedAt.toISOString() }));
  }

  /**
   * The register's members by category, for those who may change the ruleset: what ChangeRuleset
   * checks a removed category against, so the screen can say so before the save.
   */
  async categoryHolders(
    principal: Principal,
    conferenceId: string,
  ): Promise<RulesetCategoryHoldersResponseDto> {
    assertCan(principal, 'conference.manage', { conferenceId });
    await this.conference(conferenceId);
    return { conferenceId, holders: await this.membership.categoryCounts(this.transactions.manager) };
  }

  async sections(principal: Principal, conferenceId: string): Promise<SectionResponseDto[]> {
    assertCan(principal, 'conference.view', { conferenceId });
    await this.conference(conferenceId);
    return (await this.setup.listSections(this.transactions.manager, conferenceId)).map(sectionView);
  }

  async roles(principal: Principal, conferenceId: string): Promise<RoleAssignmentResponseDto[]> {
    assertCan(principal, 'conference.manage', { conferenceId });
    await this.conference(conferenceId);
    return this.setup.listRoles(this.transactions.manager, conferenceId);
  }

  private async conference(conferenceId: string): Promise<ConferenceSetupRow> {
    const found = await this.setup.find(this.transactions.manager, conferenceId);
    if (!found) throw new NotFound('No such conference, or it is not yours to see.');
    return found;
  }
}

export function deadlinesView(c: ConferenceSetupRow): DeadlinesResponseDto {
  const view = (at: Date | null): DeadlineResponseDto | null =>
    at
      ? {
          at: at.toISOString(),
          local: localParts(at, c.timeZone),
          text: formatInConferenceTime(at, c.timeZone),
        }
      : null;
  return {
    conferenceId: c.id,
    timeZone: c.timeZone,
    motions: view(c.motionsDeadline),
    amendments: view(c.amendmentsDeadline),
    emergency: view(c.emergencyDeadline),
    acceptsConstitutionalAmendments: c.acceptsConstitutionalAmendments,
    openedAt: c.openedAt ? c.openedAt.toISOString() : null,
  };
}

export function sectionView(s: SectionRow): SectionResponseDto {
  return {
    id: s.id,
    name: s.name,
    position: s.position,
    owningBodyId: s.owningBodyId,
    owningBodyName: s.owningBodyName,
  };
}
