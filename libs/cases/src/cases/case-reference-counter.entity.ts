import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last reference number issued per year: incremented atomically, so numbers are never reused. */
@Entity('case_reference_counters')
export class CaseReferenceCounter {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  last: number;
}
