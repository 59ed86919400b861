import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AnalyticsJobKind = 'import' | 'recompute';
export type AnalyticsJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A background import or recomputation: its progress while it runs and its result after. */
@Entity('analytics_jobs')
export class AnalyticsJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: AnalyticsJobKind;

  @Column({ type: 'text' })
  status: AnalyticsJobStatus;

  @Column({ type: 'integer', default: 0 })
  done: number;

  @Column({ type: 'integer', nullable: true })
  total: number | null;

  /** What the job works on: an uploaded file's path and options, for an import. */
  @Column({ type: 'jsonb', default: {} })
  input: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
