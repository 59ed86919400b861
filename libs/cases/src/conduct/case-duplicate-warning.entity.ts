import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DuplicateKind } from './duplicate.rules';

/**
 * A possible duplicate found when a subject or conduct item was added: one row for each side of the
 * pair, so each case shows the other. Found at write time, so opening a case reads only its own rows.
 */
@Entity('case_duplicate_warnings')
@Index('ix_case_duplicate_warnings_other', ['otherCaseId'])
export class CaseDuplicateWarning {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_case_duplicate_warnings' })
  caseId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_case_duplicate_warnings' })
  otherCaseId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_case_duplicate_warnings' })
  kind: DuplicateKind;

  /** Why, from this case's side: what in the other case looks the same. */
  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  detectedAt: Date;
}
