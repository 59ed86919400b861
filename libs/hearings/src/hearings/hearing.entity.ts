import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Forum } from '../outcomes/outcome';

export const HEARING_STATUSES = ['awaiting_date', 'date_proposed', 'fixed', 'concluded'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

/** A misconduct meeting, hearing or accelerated hearing for a case, and where and when it sits. */
@Entity('hearings')
@Index('ix_hearings_case', ['caseId'])
@Index('ix_hearings_date', ['scheduledOn'])
// one open meeting or hearing per case at a time
@Index('ux_hearings_open_per_case', ['caseId'], { unique: true, where: "status <> 'concluded'" })
export class Hearing {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  forum: Forum;

  @Column({ type: 'text' })
  status: HearingStatus;

  /** The day the reg 30 documents (or the reg 51 notice) reached the officer: periods count from it. */
  @Column({ type: 'date' })
  documentsSuppliedOn: string;

  @Column({ type: 'date' })
  officerResponseDue: string;

  @Column({ type: 'date', nullable: true })
  scheduledOn: string | null;

  /** Local time in England and Wales, HH:MM. */
  @Column({ type: 'text', nullable: true })
  startsAt: string | null;

  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Column({ type: 'text', nullable: true })
  remoteLink: string | null;

  @Column({ type: 'boolean' })
  inPublic: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
