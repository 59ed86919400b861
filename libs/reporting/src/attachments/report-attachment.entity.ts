import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AnonymousReport } from '../reports/anonymous-report.entity';
import type { AttachmentMediaType } from './attachment-type.rules';

/**
 * A screenshot a reporter attached, with its identifying metadata already removed (attachment-cleaning.ts)
 * and sealed. The original name is not kept: file names often carry a person's name or a phone's
 * model and date. Timed to the hour like everything else a reporter does.
 */
@Entity('anonymous_report_attachments')
@Index('ix_anonymous_report_attachments_report', ['reportId', 'receivedAt'])
@Check(
  'ck_anonymous_report_attachments_type',
  `media_type IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')`,
)
export class ReportAttachment {
  /** Chosen before sealing: part of the sealed bytes' authenticated data. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  reportId: string;

  @ManyToOne(() => AnonymousReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_anonymous_report_attachments_report' })
  report?: AnonymousReport;

  @Column({ type: 'text' })
  mediaType: AttachmentMediaType;

  /** Bytes of the cleaned file, before sealing. */
  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  /** AES-256-GCM of the cleaned file, context `report-attachment:<report id>:<id>`. */
  @Column({ type: 'bytea' })
  sealed: Buffer;

  /** Truncated to the hour. */
  @Column({ type: 'timestamptz' })
  receivedAt: Date;
}
