import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How the harvest of one peer stands: where its feed was read up to, the counts and the last error. */
@Entity('network_harvests')
export class NetworkHarvest {
  @PrimaryColumn({ type: 'text' })
  peerForce: string;

  /** The `next` of the last page imported: the feed is asked for what comes after it. */
  @Column({ type: 'text', nullable: true })
  cursor: string | null;

  @Column({ type: 'integer', default: 0 })
  imported: number;

  @Column({ type: 'integer', default: 0 })
  updated: number;

  @Column({ type: 'integer', default: 0 })
  pages: number;

  @Column({ type: 'integer', default: 0 })
  refusedPages: number;

  /** Failures in a row since the last success: the backoff grows with it. */
  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastErrorAt: Date | null;

  /** A failing peer is not pulled by the scheduled job before this. */
  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;
}
