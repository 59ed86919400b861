import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row: the version of the precedent data, raised by every import in the same transaction,
 * so the comparables index knows when to reload and results say what data they were computed on.
 */
@Entity('analytics_state')
export class AnalyticsState {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'bigint', default: 0 })
  dataVersion: string;
}
