import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Hearing } from './hearing.entity';

/** Every proposed, fixed, adjourned or rescheduled date of a hearing, kept as history. */
@Entity('hearing_date_changes')
@Index('ix_hearing_date_changes_hearing', ['hearingId', 'id'])
export class HearingDateChange {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  hearingId: string;

  @ManyToOne(() => Hearing, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hearing_id', foreignKeyConstraintName: 'fk_hearing_date_changes_hearing' })
  hearing?: Hearing;

  @Column({ type: 'text' })
  kind: 'proposed' | 'fixed' | 'adjourned';

  @Column({ type: 'date', nullable: true })
  date: string | null;

  @Column({ type: 'text', nullable: true })
  startsAt: string | null;

  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Column({ type: 'text', nullable: true })
  remoteLink: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
