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

  /** Expected length in minutes; null: the forum's default (a day for a hearing, half for a meeting). */
  @Column({ type: 'integer', nullable: true })
  durationMinutes: number | null;

  /** The date the person conducting specified: the officer's alternative (reg 34) runs from it. */
  @Column({ type: 'date', nullable: true })
  chairDate: string | null;

  /** Why a meeting is held after its time limit: the interests of justice (reg 34). */
  @Column({ type: 'text', nullable: true })
  timeLimitExtensionReason: string | null;

  /** reg 33: the day the documents reached the chair; the pre-hearing counts from it. */
  @Column({ type: 'date', nullable: true })
  chairDocumentsSuppliedOn: string | null;

  /** reg 33(1): the pre-hearing date the chair set. */
  @Column({ type: 'date', nullable: true })
  preHearingChairDate: string | null;

  /** The pre-hearing's date: the chair's, or the officer's alternative (reg 33(3)). */
  @Column({ type: 'date', nullable: true })
  preHearingOn: string | null;

  @Column({ type: 'text', nullable: true })
  preHearingStartsAt: string | null;

  /** Why the chair extended the reg 33 period. */
  @Column({ type: 'text', nullable: true })
  preHearingExtensionReason: string | null;

  /** reg 49: who certified the special conditions of an accelerated hearing; they may not chair it. */
  @Column({ type: 'uuid', nullable: true })
  certifiedByUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  certifiedByPanelMemberId: string | null;

  /** The chief officer is an interested party: another force's chief officer or a Met AC chairs. */
  @Column({ type: 'boolean', default: false })
  chiefOfficerInterestedParty: boolean;

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
