import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EvidenceItem } from './evidence-item.entity';

export const CUSTODY_ACTIONS = [
  'uploaded',
  'upload_repeated',
  'viewed',
  'downloaded',
  'verified',
  'processed',
  'processing_failed',
  'processing_requested',
  'date_order_chosen',
  'promoted',
  'exported',
] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/**
 * The chain of custody: who did what to an evidence item, when, and which hash they saw. Append-only:
 * the database refuses UPDATE, DELETE and TRUNCATE on this table.
 */
@Entity('evidence_custody_events')
@Index('ix_evidence_custody_events_item', ['evidenceId', 'id'])
export class CustodyEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  evidenceId: string;

  @ManyToOne(() => EvidenceItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_evidence_custody_events_item' })
  item?: EvidenceItem;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  action: CustodyAction;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorName: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  /** The hash the actor saw: the recorded one, or what a re-hash found (null when the bytes were missing). */
  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
