import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PUBLICATION_STAGES = ['notice', 'outcome'] as const;
export type PublicationStage = (typeof PUBLICATION_STAGES)[number];

/**
 * The chair's decision on what of a public hearing is published (reg 39, reg 43): who decided, when,
 * what was withheld and why. Internal: the public app never reads it.
 */
@Entity('publication_decisions')
@Index('ix_publication_decisions_hearing', ['hearingId', 'subjectId', 'stage'])
export class PublicationDecision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  hearingId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'text' })
  stage: PublicationStage;

  /** False: the chair decided nothing of this stage is published. */
  @Column({ type: 'boolean' })
  publish: boolean;

  /** What was kept off the public page: officer_name, officer_rank, and anything the chair named. */
  @Column({ type: 'text', array: true })
  withheld: string[];

  /** Anything else the chair withheld, in their words. */
  @Column({ type: 'text', nullable: true })
  withheldOther: string | null;

  /** Why: required whenever anything is withheld or nothing is published. */
  @Column({ type: 'text', nullable: true })
  reasons: string | null;

  @Column({ type: 'uuid' })
  decidedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  decidedAt: Date;

  /** The public entry it produced; null when nothing was published. */
  @Column({ type: 'uuid', nullable: true })
  publishedNoticeId: string | null;
}
