import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
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
export class OcrResult {
  @PrimaryColumn({ type: 'uuid' })
  evidenceId: string;

  @OneToOne(() => EvidenceItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_evidence_ocr_results_item' })
  item?: EvidenceItem;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'real' })
  confidence: number;

  @Column({ type: 'jsonb' })
  words: OcrWord[];

  @Column({ type: 'text' })
  engine: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recognisedAt: Date;
}
