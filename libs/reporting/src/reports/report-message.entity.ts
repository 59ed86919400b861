import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AnonymousReport } from './anonymous-report.entity';

export type MessageAuthor = 'psd' | 'reporter';

/**
 * A message between PSD and an anonymous reporter, sealed like the report and timed to the hour.
 * Its id is a random UUID and its order a position within its own report: a global sequence would
 * place a reporter's reply between other people's messages and so date it closer than the hour.
 */
@Entity('anonymous_report_messages')
@Index('ux_anonymous_report_messages_position', ['reportId', 'position'], { unique: true })
@Check(
  'ck_anonymous_report_messages_author',
  `author IN ('psd', 'reporter') AND (author = 'psd') = (staff_author_id IS NOT NULL)`,
)
export class ReportMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reportId: string;

  @ManyToOne(() => AnonymousReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_anonymous_report_messages_report' })
  report?: AnonymousReport;

  /** 1, 2, 3… within the report: messages are shown in this order. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  author: MessageAuthor;

  /** The member of staff who wrote a PSD message; never shown to the reporter. */
  @Column({ type: 'uuid', nullable: true })
  staffAuthorId: string | null;

  /** AES-256-GCM of the body, context `report-message:<report id>:<author>`. */
  @Column({ type: 'bytea' })
  sealed: Buffer;

  /** Truncated to the hour. */
  @Column({ type: 'timestamptz' })
  sentAt: Date;
}
