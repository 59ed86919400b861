import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type NotificationAudience = 'user' | 'anonymous_inbox';

/**
 * Something a member of staff should look at: addressed to one person, or to everyone who triages
 * the anonymous inbox. Names what happened and to what, never content. No email is sent.
 */
@Entity('staff_notifications')
@Index('ix_staff_notifications_recipient', ['recipientId', 'createdAt'])
@Check(
  'ck_staff_notifications_audience',
  `(audience = 'user') = (recipient_id IS NOT NULL) AND audience IN ('user', 'anonymous_inbox')`,
)
export class StaffNotification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  audience: NotificationAudience;

  @Column({ type: 'uuid', nullable: true })
  recipientId: string | null;

  /** For example `anonymous_report.reply`. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
