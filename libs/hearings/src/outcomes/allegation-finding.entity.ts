import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Finding } from './outcome';
import { OutcomeRecord } from './outcome-record.entity';

/** The finding on one allegation: proven or not, and at which level. */
@Entity('allegation_findings')
@Index('ux_allegation_findings_allegation', ['allegationId'], { unique: true })
@Index('ix_allegation_findings_outcome', ['outcomeRecordId'])
export class AllegationFinding {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  outcomeRecordId: string;

  @ManyToOne(() => OutcomeRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outcome_record_id', foreignKeyConstraintName: 'fk_allegation_findings_outcome' })
  outcomeRecord?: OutcomeRecord;

  @Column({ type: 'uuid' })
  allegationId: string;

  @Column({ type: 'text' })
  finding: Finding;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
