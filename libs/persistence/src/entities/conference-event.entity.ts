import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The conference event stream: gap-free and ordered per conference (seq taken under a per-conference
 * row lock in the same transaction as the change). It is also the audit trail and the source of the minutes.
 */
@Entity({ name: 'conference_event' })
export class ConferenceEventEntity {
  @PrimaryColumn({ name: 'conference_id', type: 'uuid' })
  conferenceId: string;

  /** bigint in the database; stays well inside Number.MAX_SAFE_INTEGER for any conference. */
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq: number;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** 'public' | 'chair' | 'soc' | 'monitors' | 'admin' | 'member:<id>' */
  @Column({ type: 'text' })
  audience: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
