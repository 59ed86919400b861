import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReportStatus } from './report-status.rules';

/**
 * A report made through the anonymous portal. Nothing here identifies the reporter: no address, user
 * agent or exact time (received to the hour, so it cannot be matched to network logs), and the
 * receipt code only as a keyed digest and an argon2id verifier. What was reported is sealed.
 */
@Entity('anonymous_reports')
@Index('ux_anonymous_reports_lookup', ['lookupDigest'], { unique: true })
@Index('ix_anonymous_reports_received', ['receivedAt', 'id'])
@Index('ix_anonymous_reports_case', ['caseId'])
@Check('ck_anonymous_reports_status', `status IN ('received', 'in_review', 'case_opened', 'closed')`)
export class AnonymousReport {
  /** Chosen before sealing: the id is part of the sealed content's authenticated data. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** HMAC-SHA256 of the receipt code's digits under a configured key. */
  @Column({ type: 'text' })
  lookupDigest: string;

  /** argon2id of the receipt code's digits. */
  @Column({ type: 'text' })
  verifier: string;

  @Column({ type: 'text' })
  status: ReportStatus;

  /** AES-256-GCM of the report's content as JSON (ReportContent), context `report:<id>`. */
  @Column({ type: 'bytea' })
  sealed: Buffer;

  /** Truncated to the hour. */
  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  /**
   * The case made from this report. No foreign key: the reporter process loads these entities
   * without the cases library, and cases are never deleted.
   */
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;
}
