import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Case } from '../cases/case.entity';
import type { SubjectRole } from './exchange-values';

/** An officer or member of staff the case is about. Personal data: shown only to those who may open the case. */
@Entity('case_subjects')
@Index('ix_case_subjects_case', ['caseId'])
@Index('ix_case_subjects_staff_number', ['staffNumber'])
export class Subject {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_subjects_case' })
  case?: Case;

  @Column({ type: 'text' })
  name: string;

  /** Collar or staff number. */
  @Column({ type: 'text' })
  staffNumber: string;

  @Column({ type: 'text' })
  role: SubjectRole;

  @Column({ type: 'text', nullable: true })
  rank: string | null;

  @Column({ type: 'text' })
  force: string;

  @Column({ type: 'date', nullable: true })
  serviceStart: string | null;

  @Column({ type: 'boolean', default: false })
  formerOfficer: boolean;

  /** Where notices to the officer are emailed (from 28 May 2025 email is a way of serving them). */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
