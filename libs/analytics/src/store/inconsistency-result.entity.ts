import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InconsistentPair } from '../services/inconsistency.service';

/** A stored list of inconsistent pairs, with when and on which data it was computed. */
@Entity('inconsistency_results')
export class InconsistencyResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  @Column({ type: 'bigint' })
  dataVersion: string;

  @Column({ type: 'integer' })
  precedents: number;

  /** Pairs kept nationally and for each force, most inconsistent first. */
  @Column({ type: 'jsonb' })
  pairs: InconsistentPair[];
}
