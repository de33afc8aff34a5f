import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { computeQuorum, NotFound, QuorumPart } from '@agm/domain';
import { loadRuleset, RegistrationRepository } from '@agm/persistence';

export interface QuorumFigure {
  presentCounting: number;
  required: number;
  met: boolean;
  presentHall: number;
  presentRemote: number;
  /** Each part the ruleset sets, met or not, in words. */
  parts: QuorumPart[];
  /** "Quorate: …" or "Not quorate: " with each part not met. */
  description: string;
}

/** The live quorum figure, from the ruleset in force and who is present now. */
@Injectable()
export class QuorumQueries {
  constructor(private readonly registrations: RegistrationRepository) {}

  async figure(manager: EntityManager, conferenceId: string): Promise<QuorumFigure> {
    const ruleset = await loadRuleset(manager, conferenceId);
    if (!ruleset) throw new NotFound('No such conference, or it is not yours to see.');
    const { present, registered, membershipByCategory } = await this.registrations.quorumInputs(
      manager,
      conferenceId,
    );
    const quorum = computeQuorum(present, membershipByCategory, ruleset, registered);
    return {
      presentCounting: quorum.presentCounting,
      required: quorum.required,
      met: quorum.met,
      presentHall: present.filter((p) => p.attendanceMode === 'hall').length,
      presentRemote: present.filter((p) => p.attendanceMode === 'remote').length,
      parts: quorum.parts,
      description: quorum.description,
    };
  }
}
