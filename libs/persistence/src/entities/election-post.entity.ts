import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CountingMethod, NominationStatus, ReservedSeats } from '@agm/domain';

/** A post the conference elects (docs/elections.md, "Posts and nominations"); the close's outcome is kept on it. */
@Entity({ name: 'election_post' })
export class ElectionPostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  conferenceId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'integer' })
  seats: number;

  @Column({ type: 'text' })
  method: CountingMethod;

  @Column({ name: 'eligible_categories', type: 'text', array: true, default: () => "'{}'" })
  eligibleCategories: string[];

  @Column({ name: 'eligible_body_ids', type: 'uuid', array: true, default: () => "'{}'" })
  eligibleBodyIds: string[];

  @Column({ name: 'nominating_body_ids', type: 'uuid', array: true, default: () => "'{}'" })
  nominatingBodyIds: string[];

  @Column({ name: 'nominations_open_at', type: 'timestamptz' })
  nominationsOpenAt: Date;

  @Column({ name: 'nominations_close_at', type: 'timestamptz' })
  nominationsCloseAt: Date;

  @Column({ name: 'statement_word_limit', type: 'integer', default: 250 })
  statementWordLimit: number;

  @Column({ name: 'reserved_seats', type: 'jsonb', default: () => "'[]'" })
  reservedSeats: ReservedSeats[];

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome: 'uncontested' | 'ballot' | null;

  /** The close's outcome in words: the ballot needed, or who is elected unopposed and what stays vacant. */
  @Column({ name: 'result_summary', type: 'text', nullable: true })
  resultSummary: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A member nominated for a post by a body, and what became of it: accepted (with the statement) or withdrawn. */
@Entity({ name: 'nomination' })
export class NominationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @Column({ name: 'candidate_member_id', type: 'uuid' })
  candidateMemberId: string;

  @Column({ name: 'nominating_body_id', type: 'uuid' })
  nominatingBodyId: string;

  /** The account of the officer who made it. */
  @Column({ name: 'nominated_by', type: 'uuid' })
  nominatedBy: string;

  @Column({ name: 'nominated_at', type: 'timestamptz' })
  nominatedAt: Date;

  @Column({ type: 'text', default: 'nominated' })
  status: NominationStatus;

  @Column({ type: 'text', nullable: true })
  statement: string | null;

  /** The reserved groups the candidate self-identifies as; null where the post reserves no seats. */
  @Column({ name: 'declared_groups', type: 'text', array: true, nullable: true })
  declaredGroups: string[] | null;

  @Column({ name: 'declaration_public', type: 'boolean', nullable: true })
  declarationPublic: boolean | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  /** The candidate's own id, or the returning officer's account when they recorded a paper acceptance. */
  @Column({ name: 'acceptance_recorded_by', type: 'uuid', nullable: true })
  acceptanceRecordedBy: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason: string | null;
}
