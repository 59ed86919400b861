import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { PanelMember } from './panel-member.entity';

/**
 * A recorded relationship that bars a member from a panel: they line-manage an officer (by force and
 * staff number), or they took part in a case in a way the system does not see (e.g. a witness).
 */
@Entity('panel_member_relationships')
@Index('ix_panel_member_relationships_member', ['panelMemberId'])
export class PanelRelationship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  panelMemberId: string;

  @ManyToOne(() => PanelMember, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panel_member_id', foreignKeyConstraintName: 'fk_panel_member_relationships_member' })
  panelMember?: PanelMember;

  @Column({ type: 'text' })
  kind: 'line_manages' | 'took_part';

  @Column({ type: 'text', nullable: true })
  force: string | null;

  @Column({ type: 'text', nullable: true })
  staffNumber: string | null;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
