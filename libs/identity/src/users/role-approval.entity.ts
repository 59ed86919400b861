import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './role';

/**
 * A role that reads case content, asked for by one administrator and held back until a second
 * administrator approves it (or refuses it). Kept after the decision, so who asked and who approved
 * stays on record beside the audit log.
 */
@Entity('role_approvals')
@Index('ux_role_approvals_pending', ['userId', 'role'], { unique: true, where: 'decided_at IS NULL' })
export class RoleApproval {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The user who would hold the role. */
  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'uuid' })
  requestedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** True approved, false refused (or withdrawn by a later change of roles), null still pending. */
  @Column({ type: 'boolean', nullable: true })
  approved: boolean | null;
}
