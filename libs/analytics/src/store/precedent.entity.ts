import { Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PrecedentRecord } from '@precedent/exchange';

export type PrecedentSource = 'imported' | 'internal';

/**
 * One decided subject in a case, anonymised (docs/analytics-method.md §1): the exchange record as it came,
 * and its comparable features coded for the in-memory index, so loading a million precedents reads
 * small integers instead of parsing every record.
 */
@Entity('precedents')
@Index('precedents_force_ref', ['force', 'ref'], { unique: true })
@Index('ix_precedents_feed_seq', ['feedSeq'], { unique: true, where: '"feed_seq" IS NOT NULL' })
export class Precedent {
  /** A compact number: the index holds it in 32 bits. */
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'text' })
  force: string;

  @Column({ type: 'text' })
  ref: string;

  @Column({ type: 'date' })
  decidedOn: string;

  @Column({ type: 'text' })
  forum: string;

  @Column({ type: 'text' })
  finding: string;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'smallint' })
  step: number;

  /** The record as read, in the format's field order (json keeps it; jsonb would not): what an export writes. */
  @Column({ type: 'json' })
  record: PrecedentRecord;

  @Column({ type: 'text', default: 'imported' })
  source: PrecedentSource;

  /** The case an internal precedent came from, for users allowed to open it. */
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'smallint' })
  categoryMask: number;

  @Column({ type: 'smallint' })
  targetMask: number;

  /** Reach rank in bits 0–1, identifiable as police in bit 2. */
  @Column({ type: 'smallint' })
  audience: number;

  @Column({ type: 'smallint' })
  platformMask: number;

  @Column({ type: 'smallint' })
  participation: number;

  /** Subject role in bits 0–3, former officer in bit 4. */
  @Column({ type: 'smallint' })
  role: number;

  @Column({ type: 'integer' })
  factorMask: number;

  /** Culpability × 4 + harm (0 unknown, 1–3 low–high). */
  @Column({ type: 'smallint' })
  levels: number;

  /** (Audience size bucket + 1) × 8 + message bucket. */
  @Column({ type: 'smallint' })
  volume: number;

  /** The 128-bit SimHash of the comments' text; null when no text was shared. */
  @Column({ type: 'bytea', nullable: true })
  fingerprint: Buffer | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** What the precedent feed calls it: opaque, unlike ref, which carries the case reference. */
  @Column({ type: 'uuid' })
  @Generated('uuid')
  feedRef: string;

  /** Internal precedents only: raised at every write, the feed's cursor (docs/precedent-network.md). */
  @Column({ type: 'bigint', nullable: true })
  feedSeq: string | null;
}
