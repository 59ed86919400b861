import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Platform } from '@precedent/cases';
import { EvidenceItem } from '../items/evidence-item.entity';

/** Where a post came from: the evidence file, the archive entry inside it, and the place in that entry. */
export interface PostLocator {
  /** The ZIP entry the post was read from, when the evidence is an archive. */
  entry: string | null;
  /** SHA-256 of that entry's bytes (or of the whole file when there is no entry). */
  entrySha256: string;
  /** First line (from 1) and line count, for line-based exports. */
  line?: number;
  lines?: number;
  /** Index in a JSON array, for JSON exports. */
  index?: number;
}

/**
 * A post, comment or message read from a social-media export: who, when, what, and the way back to
 * the exact place in the evidence. Markers the export carries (deleted, edited, forwarded, media
 * omitted, system line) are facts on the post.
 */
@Entity('archive_posts')
@Unique('uq_archive_posts_item_seq', ['evidenceId', 'seq'])
@Index('ix_archive_posts_case_posted', ['caseId', 'postedAt'])
// trigram GIN on the letters, written in the migration (TypeORM cannot declare an operator class)
@Index('ix_archive_posts_letters', { synchronize: false })
export class ArchivePost {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  evidenceId: string;

  @ManyToOne(() => EvidenceItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_archive_posts_item' })
  item?: EvidenceItem;

  @Column({ type: 'uuid' })
  caseId: string;

  /** Order within its evidence item. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  platform: Platform;

  @Column({ type: 'text' })
  kind: 'message' | 'system' | 'post' | 'comment';

  @Column({ type: 'text', nullable: true })
  author: string | null;

  /** The instant, when the export gives one or it can be derived (WhatsApp: London time assumed). */
  @Column({ type: 'timestamptz', nullable: true })
  postedAt: Date | null;

  /** The time exactly as the export wrote it, resolved to `YYYY-MM-DDTHH:MM:SS` with no zone. */
  @Column({ type: 'text', nullable: true })
  postedAtLocal: string | null;

  @Column({ type: 'text' })
  text: string;

  /** Letters only, lower case, look-alikes mapped and repeats collapsed: finds lightly obfuscated words. */
  @Column({ type: 'text' })
  searchLetters: string;

  /** The source lines or record exactly as exported, invisible marks included. */
  @Column({ type: 'text' })
  raw: string;

  @Column({ type: 'text', nullable: true })
  postRef: string | null;

  @Column({ type: 'text', nullable: true })
  replyTo: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  media: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  facts: string[];

  @Column({ type: 'jsonb' })
  locator: PostLocator;
}
