import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Background work recorded in the same transaction as the change that needs it. The relay in the
 * worker moves pending rows to BullMQ, so a Redis outage delays work and never loses it.
 */
@Entity('outbox_messages')
@Index('ix_outbox_messages_pending', ['id'], { where: 'dispatched_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'text' })
  jobName: string;

  /** BullMQ job id: enqueueing the same id twice is one job, so a relay retry never doubles work. */
  @Column({ type: 'text', nullable: true })
  jobId: string | null;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz', nullable: true })
  delayUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  /**
   * Work asked for by an anonymous reporter: its row is created at the hour, held here until
   * `delayUntil` (BullMQ would otherwise date the job to the second it was added), and its
   * dispatch recorded to the hour only.
   */
  @Column({ type: 'boolean', default: false })
  timesToTheHour: boolean;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
