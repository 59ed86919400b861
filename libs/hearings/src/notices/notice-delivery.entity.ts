import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryStatus = 'queued' | 'sent' | 'failed';
export type Recipient = 'officer' | 'panel_member';

/**
 * One email of a notice to one person: queued in the change's transaction, sent by the worker
 * through the outbox, failed with the mail server's answer (and retried), or sent with the day it
 * is deemed served. The text is kept: it is what the person was told.
 */
@Entity('notice_deliveries')
@Index('ix_notice_deliveries_case', ['caseId'])
// My work lists the undeliverable ones
@Index('ix_notice_deliveries_failed', ['createdAt'], { where: `status = 'failed'` })
export class NoticeDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid', nullable: true })
  hearingId: string | null;

  @Column({ type: 'uuid', nullable: true })
  noticeId: string | null;

  @Column({ type: 'text' })
  recipient: Recipient;

  @Column({ type: 'text' })
  recipientName: string;

  @Column({ type: 'text' })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** An iCalendar invitation sent with it. */
  @Column({ type: 'text', nullable: true })
  calendar: string | null;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  /** The mail server's last answer: its refusal when failed. */
  @Column({ type: 'text', nullable: true })
  serverAnswer: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** The day the notice is deemed served by email (law/amendments.rules); periods from service count from it. */
  @Column({ type: 'date', nullable: true })
  deemedServedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
