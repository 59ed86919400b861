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
import type { NoticeKind } from './notice-plan.rules';

/** A notice or reminder planned for a working day, sent by the worker; cancelled when the date moves. */
@Entity('hearing_notices')
@Index('ix_hearing_notices_hearing', ['hearingId'])
export class HearingNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  hearingId: string;

  @ManyToOne(() => Hearing, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hearing_id', foreignKeyConstraintName: 'fk_hearing_notices_hearing' })
  hearing?: Hearing;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  kind: NoticeKind;

  /** The subject a notice is about (their outcome): its email goes to them alone. */
  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  status: 'scheduled' | 'sent' | 'cancelled';

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
