import { EntityManager } from 'typeorm';
import type { Ruleset } from '@agm/domain';
import { ConferenceEntity } from '../entities/conference.entity';

export interface ConferenceRecord {
  id: string;
  name: string;
  venue: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  format: ConferenceEntity['format'];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type ConferenceFields = Pick<ConferenceRecord, 'name' | 'venue' | 'timeZone' | 'startsOn' | 'endsOn' | 'format'>;

/** Conferences' SQL. Methods take the transaction's EntityManager so callers decide the unit of work. */
export class ConferenceRepository {
  async insert(manager: EntityManager, fields: ConferenceFields, ruleset: Ruleset): Promise<ConferenceRecord> {
    const saved = await manager.getRepository(ConferenceEntity).save(manager.create(ConferenceEntity, fields));
    await manager.query('INSERT INTO conference_event_counter (conference_id) VALUES ($1)', [saved.id]);
    await manager.query('UPDATE conference SET ruleset = $2 WHERE id = $1', [saved.id, JSON.stringify(ruleset)]);
    await manager.query('INSERT INTO ruleset_version (conference_id, version, ruleset, changed_at, reason) VALUES ($1, 1, $2, now(), $3)', [saved.id, JSON.stringify(ruleset), 'initial defaults']);
    return toRecord(saved);
  }

  async findById(manager: EntityManager, id: string, lock = false): Promise<ConferenceRecord | null> {
    const found = await manager.getRepository(ConferenceEntity).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    return found ? toRecord(found) : null;
  }

  async list(manager: EntityManager): Promise<ConferenceRecord[]> {
    const rows = await manager.getRepository(ConferenceEntity).find({ order: { startsOn: 'DESC', name: 'ASC' } });
    return rows.map(toRecord);
  }

  async update(manager: EntityManager, id: string, fields: Partial<ConferenceFields>): Promise<ConferenceRecord> {
    const repo = manager.getRepository(ConferenceEntity);
    const existing = await repo.findOneOrFail({ where: { id } });
    return toRecord(await repo.save(repo.merge(existing, fields)));
  }
}

function toRecord(entity: ConferenceEntity): ConferenceRecord {
  return { ...entity };
}

/** The ruleset in force for a conference. */
export async function loadRuleset(manager: EntityManager, conferenceId: string): Promise<Ruleset | null> {
  const rows = await manager.query('SELECT ruleset FROM conference WHERE id = $1', [conferenceId]);
  return rows.length ? rows[0].ruleset : null;
}
