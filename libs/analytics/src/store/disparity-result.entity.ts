import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DisparityAnalysis } from '../consistency/disparity-analysis';
import type { StageDrift } from '../consistency/stage-drift.rules';
import type { StoredSimilarity } from '../comparables/similarity-learning';

/** A stored consistency and disparity computation, with when and on which data it was made. */
@Entity('disparity_results')
export class DisparityResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  @Column({ type: 'bigint' })
  dataVersion: string;

  @Column({ type: 'integer' })
  precedents: number;

  @Column({ type: 'jsonb' })
  analysis: DisparityAnalysis & { stageDrift?: StageDrift[]; similarity?: StoredSimilarity };
}
