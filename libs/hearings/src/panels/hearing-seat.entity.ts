import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Hearing } from '../hearings/hearing.entity';
import { PanelMember } from './panel-member.entity';
import type { PanelRole } from './panel-composition.rules';

/** A member's seat on one hearing's panel, in one role. */
@Entity('hearing_seats')
@Index('ux_hearing_seats_member', ['hearingId', 'panelMemberId'], { unique: true })
@Index('ix_hearing_seats_panel_member', ['panelMemberId'])
export class HearingSeat {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  hearingId: string;

  @ManyToOne(() => Hearing, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hearing_id', foreignKeyConstraintName: 'fk_hearing_seats_hearing' })
  hearing?: Hearing;

  @Column({ type: 'uuid' })
  panelMemberId: string;

  @ManyToOne(() => PanelMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'panel_member_id', foreignKeyConstraintName: 'fk_hearing_seats_member' })
  panelMember?: PanelMember;

  @Column({ type: 'text' })
  role: PanelRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
