import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AuditResult = 'success' | 'failure' | 'denied';

/**
 * One event in the tamper-evident log. Rows are hash-chained (each holds the hash of the one before
 * and of its own content) and the database refuses UPDATE, DELETE and TRUNCATE on this table.
 */
@Entity('audit_events')
@Index('ix_audit_events_entity', ['entityType', 'entityId', 'id'])
@Index('ix_audit_events_actor', ['actorId', 'id'])
export class AuditEvent {
  /** Assigned under the chain lock, so id order is chain order. */
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorName: string | null;

  /** A verb phrase such as `case.read`, `user.create`, `auth.login`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'text' })
  result: AuditResult;

  /** JSON text exactly as hashed; never personal content, only what changed and ids. */
  @Column({ type: 'text', nullable: true })
  details: string | null;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
