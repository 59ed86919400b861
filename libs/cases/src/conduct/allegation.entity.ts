import type { UseOfForceTest } from '../law/amendments.rules';
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
import type { Standard } from './exchange-values';
import { Subject } from './subject.entity';

/** Standards of Professional Behaviour a subject is said to have breached, and later the finding. */
@Entity('case_allegations')
@Index('ix_case_allegations_case', ['caseId'])
// GIN answers "standards @> ARRAY[...]": cases listed by a Standard
@Index('ix_case_allegations_standards', ['standards'], { type: 'gin' })
export class Allegation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_allegations_case' })
  case?: Case;

  @Column({ type: 'uuid' })
  subjectId: string;

  @ManyToOne(() => Subject, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_id', foreignKeyConstraintName: 'fk_case_allegations_subject' })
  subject?: Subject;

  @Column({ type: 'text', array: true })
  standards: Standard[];

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', nullable: true })
  finding: string | null;

  /** When the conduct happened, when known: decides which use-of-force test applies. */
  @Column({ type: 'date', nullable: true })
  conductOn: string | null;

  /** For an allegation under the Use of Force standard: the test it is assessed against (law/amendments.rules). */
  @Column({ type: 'text', nullable: true })
  useOfForceTest: UseOfForceTest | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
