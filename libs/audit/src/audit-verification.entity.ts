import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type VerificationStatus = 'queued' | 'running' | 'passed' | 'failed';

/** A request to check the audit chain in the background, and what the check found. */
@Entity('audit_verifications')
export class AuditVerification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  status: VerificationStatus;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'bigint', nullable: true })
  eventsChecked: string | null;

  @Column({ type: 'bigint', nullable: true })
  brokenEventId: string | null;

  @Column({ type: 'text', nullable: true })
  message: string | null;
}
