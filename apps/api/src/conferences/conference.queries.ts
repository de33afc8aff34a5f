import { Injectable } from '@nestjs/common';
import { NotFound } from '@agm/domain';
import { ConferenceRecord, ConferenceRepository } from '@agm/persistence';
import type { ConferenceResponseDto } from '@agm/contracts';
import { Transactions } from '../events/transactions';

@Injectable()
export class ConferenceQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
  ) {}

  async get(id: string): Promise<ConferenceRecord> {
    const conference = await this.conferences.findById(this.transactions.manager, id);
    if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
    return conference;
  }

  list(): Promise<ConferenceRecord[]> {
    return this.conferences.list(this.transactions.manager);
  }
}

export function toConferenceResponse(record: ConferenceRecord): ConferenceResponseDto {
  return { ...record, createdAt: record.createdAt.toISOString(), updatedAt: record.updatedAt.toISOString() };
}
