import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type LexiconChange = 'created' | 'updated' | 'retired';

/** Every version of every lexicon entry, as it was after each edit: who changed what, and when. */
@Entity('lexicon_entry_versions')
@Index(['entryId', 'version'], { unique: true })
export class LexiconEntryVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  entryId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  change: LexiconChange;

  @Column({ type: 'jsonb' })
  snapshot: { term: string; category: string; target: string | null; note: string; active: boolean };

  /** Null for the starting lexicon shipped with Precedent. */
  @Column({ type: 'uuid', nullable: true })
  changedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
