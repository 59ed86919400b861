import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Outcome } from '../outcomes/outcome';
import { OutcomeRecord } from '../outcomes/outcome-record.entity';
import type { AppealGround, AppealResult } from './appeal-period.rules';

/** An appeal against an outcome: to the Police Appeals Tribunal, or internal for a meeting. */
export type Appellant = 'officer' | 'chief_officer';

@Entity('appeals')
@Index('ix_appeals_outcome', ['outcomeRecordId'])
export class Appeal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  outcomeRecordId: string;

  @ManyToOne(() => OutcomeRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outcome_record_id', foreignKeyConstraintName: 'fk_appeals_outcome' })
  outcomeRecord?: OutcomeRecord;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  body: 'internal_appeal' | 'police_appeals_tribunal';

  /** Who appeals: the officer, or (when switched on) the chief officer to the Tribunal. */
  @Column({ type: 'text', default: 'officer' })
  appellant: Appellant;

  @Column({ type: 'date' })
  lodgedOn: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'text', array: true })
  grounds: AppealGround[];

  @Column({ type: 'text' })
  details: string;

  @Column({ type: 'text', nullable: true })
  result: AppealResult | null;

  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ type: 'text', nullable: true })
  variedOutcome: Outcome | null;

  @Column({ type: 'text', nullable: true })
  reasons: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
