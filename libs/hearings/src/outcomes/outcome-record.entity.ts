import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AmendmentSet } from '@precedent/cases';
import type { Finding, Forum, Outcome } from './outcome';
import type { DecisionRecord } from '../decisions/decision-record.rules';

/** A departure from the band of comparable precedents, stored as data so departures can be counted. */
export interface Departure {
  band: { lowStep: number; highStep: number };
  proposedStep: number;
  factors: string[];
  explanation: string;
}

/** One subject's findings and outcome, with the staged decision record and what each stage recommended. */
@Entity('outcome_records')
@Index('ux_outcome_records_subject', ['caseId', 'subjectId'], { unique: true })
export class OutcomeRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid', nullable: true })
  hearingId: string | null;

  @Column({ type: 'text' })
  forum: Forum;

  /** The subject's most serious finding across their allegations. */
  @Column({ type: 'text' })
  finding: Finding;

  /** The panel's outcome. */
  @Column({ type: 'text' })
  outcome: Outcome;

  /** The outcome in force now: the panel's, or an appeal's substitute. */
  @Column({ type: 'text' })
  currentOutcome: Outcome;

  @Column({ type: 'date' })
  decidedOn: string;

  /** The day the officer was notified: warnings run, and appeal time counts, from it. */
  @Column({ type: 'date' })
  notifiedOn: string;

  @Column({ type: 'jsonb' })
  decision: DecisionRecord;

  @Column({ type: 'jsonb', nullable: true })
  departure: Departure | null;

  @Column({ type: 'boolean', default: false })
  extendedFinalWarning: boolean;

  @Column({ type: 'date', nullable: true })
  warningExpiresOn: string | null;

  @Column({ type: 'boolean', default: false })
  wouldHaveBeenDismissed: boolean;

  @Column({ type: 'boolean', default: false })
  barredListReferral: boolean;

  @Column({ type: 'boolean', default: false })
  advisoryListReferral: boolean;

  /** The College of Policing referral for the barred or advisory list, once made: what was sent, when, by whom. */
  @Column({ type: 'date', nullable: true })
  listReferralSentOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  listReferralSentBy: string | null;

  @Column({ type: 'text', nullable: true })
  listReferralSent: string | null;

  /** The latest amendment in force on the day decided (law/amendments.rules). */
  @Column({ type: 'text', default: 'none' })
  amendmentSet: AmendmentSet;

  @Column({ type: 'text', nullable: true })
  investigatorRecommendation: Outcome | null;

  @Column({ type: 'text', nullable: true })
  appropriateAuthorityRecommendation: Outcome | null;

  @Column({ type: 'text' })
  precedentRef: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
