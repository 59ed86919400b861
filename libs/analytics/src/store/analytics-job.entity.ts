import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportCheckpoint, ImportProblem } from './precedent-store.service';

export type AnalyticsJobKind = 'import' | 'recompute';
export type AnalyticsJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A background import or recomputation: its progress while it runs and its result after. */
@Entity('analytics_jobs')
@Index('ix_analytics_jobs_kind_requested', ['kind', 'requestedAt'])
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

  // An import's counts as it runs, written as it goes: a failed import still shows how far it got.
  /** Lines read from the file so far (blank lines not counted). */
  @Column({ type: 'integer', default: 0 })
  recordsRead: number;

  /** New precedents committed to the store so far. */
  @Column({ type: 'integer', default: 0 })
  recordsImported: number;

  /** Existing precedents rewritten so far. */
  @Column({ type: 'integer', default: 0 })
  recordsUpdated: number;

  @Column({ type: 'integer', default: 0 })
  recordsRejected: number;

  /** The first problems found, by line and field. */
  @Column({ type: 'jsonb', default: [] })
  problems: ImportProblem[];

  /** Where an import has committed up to: a run started again resumes from here. */
  @Column({ type: 'jsonb', nullable: true })
  checkpoint: ImportCheckpoint | null;

  /** The run that owns the job now: a run another has taken over writes nothing more. */
  @Column({ type: 'uuid', nullable: true })
  runToken: string | null;

  /** Written every few seconds by the run: a running job whose heartbeat stops has lost its worker. */
  @Column({ type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null;

  /** How many times a run stopped before finishing (its worker died or was stopped) and was taken up again. */
  @Column({ type: 'integer', default: 0 })
  interruptions: number;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
