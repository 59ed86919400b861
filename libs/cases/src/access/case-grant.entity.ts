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

/**
 * A case given explicitly to one person (a senior officer, a second investigator, a legal adviser):
 * who gave it, why, and until which day. Revoked grants are kept, with who revoked them and why.
 */
@Entity('case_grants')
@Index('ix_case_grants_case', ['caseId'])
@Index('ix_case_grants_user', ['userId'])
export class CaseGrant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_grants_case' })
  case?: Case;

  /** Who may open the case. */
  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'uuid' })
  grantedBy: string;

  @Column({ type: 'text' })
  reason: string;

  /** The last day the grant is in force (Europe/London). */
  @Column({ type: 'date' })
  until: string;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;

  @Column({ type: 'text', nullable: true })
  revokeReason: string | null;
}
