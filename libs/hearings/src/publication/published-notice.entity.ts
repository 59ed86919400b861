import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PUBLISHED_KINDS = ['hearing_notice', 'outcome_report'] as const;
export type PublishedKind = (typeof PUBLISHED_KINDS)[number];

/**
 * What the public may read, and nothing more: the words the chair decided to publish, copied here when
 * the decision is recorded. The public app reads only this table; it holds no case, subject, hearing
 * or reporter id, so nothing in it leads back to the case file.
 */
@Entity('published_notices')
@Index('ix_published_notices_showing', ['publishFrom', 'removeOn'])
export class PublishedNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: PublishedKind;

  /** The kind of proceedings in words: "Misconduct hearing", "Accelerated misconduct hearing". */
  @Column({ type: 'text' })
  forum: string;

  /** Null when the chair withheld the officer's name. */
  @Column({ type: 'text', nullable: true })
  officerName: string | null;

  /** Null when the chair withheld the rank. */
  @Column({ type: 'text', nullable: true })
  officerRank: string | null;

  @Column({ type: 'date' })
  hearingOn: string;

  /** Local time in England and Wales, HH:MM. */
  @Column({ type: 'text', nullable: true })
  startsAt: string | null;

  @Column({ type: 'text', nullable: true })
  place: string | null;

  /** The conduct alleged, in the chair's public wording. */
  @Column({ type: 'text' })
  conduct: string;

  /** An outcome report's outcome, in words. */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  /** An outcome report's summary of findings and reasons, in the chair's public wording. */
  @Column({ type: 'text', nullable: true })
  outcomeSummary: string | null;

  /** The first day it is shown. */
  @Column({ type: 'date' })
  publishFrom: string;

  /** The day it comes down: shown on the days before, never on or after it. */
  @Column({ type: 'date' })
  removeOn: string;

  /** When it was taken down (its period ended, or a later decision replaced it); kept, never deleted. */
  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawnReason: 'period_ended' | 'replaced' | null;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt: Date;
}
