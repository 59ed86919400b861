import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Platform } from '@precedent/cases';
import type { EvidenceMediaType } from './evidence-type.rules';

export const EVIDENCE_STATUSES = ['queued', 'processing', 'processed', 'failed'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** What processing applies to an item: decided by its type when it arrives. */
export type ProcessingStep = 'thumbnail' | 'metadata' | 'ocr' | 'archive';

export type IntegrityStatus = 'unchecked' | 'intact' | 'mismatch' | 'missing';

/** What archive parsing found: the format, the entry read, how many posts, and how dates were read. */
export interface ArchiveSummary {
  format: 'whatsapp' | 'x' | 'facebook' | 'instagram';
  entry: string | null;
  entrySha256: string;
  posts: number;
  participants: string[];
  dateOrder?: string;
  dateOrderReason?: string;
  timeZoneAssumed?: string;
  /** For multi-file exports (X): each data file read, its hash and how many records it gave. */
  files?: { entry: string | null; sha256: string; kind: string; records: number }[];
}

export interface ArchiveMember {
  name: string;
  size: number;
  sha256: string;
}

export interface ImageMetadata {
  format: string;
  width: number | null;
  height: number | null;
  pages: number | null;
  orientation: number | null;
  exif: Record<string, string | number | number[]> | null;
}

/**
 * One file of evidence in a case, named by the SHA-256 of its bytes: the same bytes uploaded to
 * the same case again are this item, not another.
 */
@Entity('evidence_items')
@Unique('uq_evidence_items_case_sha256', ['caseId', 'sha256'])
@Index('ix_evidence_items_case_uploaded', ['caseId', 'uploadedAt'])
// "evidence jobs that failed" on the work list: a handful of rows among every item ever processed
@Index('ix_evidence_items_failed', ['uploadedAt'], { where: `status = 'failed'` })
export class EvidenceItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  originalName: string;

  /** Bytes; bigint because a file may exceed 2 GiB. */
  @Column({ type: 'bigint' })
  size: string;

  /** Detected from the content, never from the name. */
  @Column({ type: 'text' })
  mediaType: EvidenceMediaType;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  @Column({ type: 'text', nullable: true })
  uploadedByName: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  capturedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  capturedBy: string | null;

  @Column({ type: 'text', nullable: true })
  sourceUrl: string | null;

  @Column({ type: 'text', nullable: true })
  platform: Platform | null;

  @Column({ type: 'text', nullable: true })
  accountHandle: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', default: 'queued' })
  status: EvidenceStatus;

  @Column({ type: 'text', array: true, default: '{}' })
  steps: ProcessingStep[];

  /** Why processing failed, or why the last attempt failed while retries remain. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'int', default: 0 })
  processingAttempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  imageMetadata: ImageMetadata | null;

  @Column({ type: 'char', length: 64, nullable: true })
  thumbnailSha256: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  previewSha256: string | null;

  @Column({ type: 'jsonb', nullable: true })
  archiveSummary: ArchiveSummary | null;

  /** Every file inside a ZIP with its size and SHA-256, hashed when the archive is first processed. */
  @Column({ type: 'jsonb', nullable: true })
  archiveMembers: ArchiveMember[] | null;

  /** The investigator's day/month order for a chat whose dates cannot settle it (recorded on custody). */
  @Column({ type: 'text', nullable: true })
  chatDateOrder: 'dmy' | 'mdy' | null;

  @Column({ type: 'text', default: 'unchecked' })
  integrity: IntegrityStatus;

  @Column({ type: 'timestamptz', nullable: true })
  integrityCheckedAt: Date | null;
}
