import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { EvidenceItem } from '../items/evidence-item.entity';

export interface OcrWord {
  text: string;
  confidence: number;
  /** Pixel box in the original image: left, top, right, bottom. */
  box: [number, number, number, number];
  line: number;
}

/** The text read from an image, with each word's box so a passage can be highlighted. */
@Entity('evidence_ocr_results')
// trigram GIN on the letters, written in the migration (TypeORM cannot declare an operator class)
@Index('ix_evidence_ocr_results_letters', { synchronize: false })
export class OcrResult {
  @PrimaryColumn({ type: 'uuid' })
  evidenceId: string;

  @OneToOne(() => EvidenceItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_evidence_ocr_results_item' })
  item?: EvidenceItem;

  @Column({ type: 'text' })
  text: string;

  /** Letters only (see ArchivePost.searchLetters): finds lightly obfuscated words. */
  @Column({ type: 'text', default: '' })
  searchLetters: string;

  @Column({ type: 'real' })
  confidence: number;

  @Column({ type: 'jsonb' })
  words: OcrWord[];

  @Column({ type: 'text' })
  engine: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recognisedAt: Date;
}
