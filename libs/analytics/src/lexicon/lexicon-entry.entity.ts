import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Category, Target } from '@precedent/exchange';

/** A lexicon entry: a term or phrase that suggests a category (and a target) for a comment. */
@Entity('lexicon_entries')
export class LexiconEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  term: string;

  @Column({ type: 'text' })
  category: Category;

  @Column({ type: 'text', nullable: true })
  target: Target | null;

  @Column({ type: 'text', default: '' })
  note: string;

  /** Retired entries suggest nothing but keep their history. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
