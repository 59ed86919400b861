import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Case } from '../cases/case.entity';
import type { Audience, Category, Participation, Platform, Target } from './exchange-values';

/** A comment, post or message at issue, with the features the analytics compare. */
@Entity('conduct_items')
@Index('ix_conduct_items_case', ['caseId'])
// cases listed by platform and by category; case_id last so the platform filter reads only the index
@Index('ix_conduct_items_platform', ['platform', 'caseId'])
@Index('ix_conduct_items_categories', ['categories'], { type: 'gin' })
// trigram GIN (gin_trgm_ops) for near-identical text at intake; made by its migration, which TypeORM cannot express
@Index('ix_conduct_items_text_trgm', { synchronize: false })
export class ConductItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_conduct_items_case' })
  case?: Case;

  @Column({ type: 'text' })
  platform: Platform;

  @Column({ type: 'text' })
  audience: Audience;

  @Column({ type: 'int', nullable: true })
  audienceSize: number | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'timestamptz', nullable: true })
  postedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', array: true })
  categories: Category[];

  @Column({ type: 'text', array: true, default: '{}' })
  targets: Target[];

  @Column({ type: 'boolean', nullable: true })
  offDuty: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  identifiableAsPolice: boolean | null;

  @Column({ type: 'text', default: 'author' })
  participation: Participation;

  @Column({ type: 'int', nullable: true })
  messageCount: number | null;

  /** The evidence the item was promoted from, with the hash of the file at that moment. */
  @Column({ type: 'uuid', nullable: true })
  sourceEvidenceId: string | null;

  @Column({ type: 'uuid', nullable: true })
  sourceArchivePostId: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sourceSha256: string | null;

  /** Where in the evidence: the archive post's locator, or the OCR passage (words and their boxes). */
  @Column({ type: 'jsonb', nullable: true })
  sourceLocator: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
