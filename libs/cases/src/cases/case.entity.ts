import type { AmendmentSet } from '../law/amendments.rules';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { CaseStatus, Severity } from './case-lifecycle.rules';
import type { Regime } from './regime.rules';
import type { IntakeSource } from './intake-source';
import type { IopcCriterionMatch } from './iopc-referral.rules';

/** The proportionality test for a decision that relies on off-duty speech or private messages. */
export interface Article10Balancing {
  interference: string;
  prescribedByLaw: string;
  legitimateAim: string;
  necessityAndProportionality: string;
}

@Entity('cases')
@Index('ux_cases_reference', ['reference'], { unique: true })
@Index('ix_cases_status', ['status'])
@Index('ix_cases_investigator', ['assignedInvestigatorId'])
@Index('ix_cases_team', ['team'])
// the list's default order (newest received first) and its received-date range
@Index('ix_cases_received', ['receivedAt', 'reference'])
// investigations that need the report to the local policing body: status, then how long they have run
@Index('ix_cases_status_attention', ['status', 'cameToAttentionOn'])
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** PSD-YYYY-NNNNN: sequential per year, never reused. */
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  source: IntakeSource;

  @Column({ type: 'date' })
  receivedAt: string;

  /** When the matter came to the appropriate authority's attention: decides the regime. */
  @Column({ type: 'date' })
  cameToAttentionOn: string;

  @Column({ type: 'text' })
  regime: Regime;

  /** The latest amendment in force on the day the case was received (law/amendments.rules). */
  @Column({ type: 'text', default: 'none' })
  amendmentSet: AmendmentSet;

  @Column({ type: 'text' })
  summary: string;

  /**
   * The summary and every conduct item's text, for the case list's search. Written only by the
   * database's triggers (migration case-search-vector), so never selected, inserted or updated here.
   */
  // GIN, made by that migration: TypeORM cannot declare the method, only be told to leave it be
  @Index('ix_cases_search_vector', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string | null;

  @Column({ type: 'text' })
  status: CaseStatus;

  /** When the case entered its current status: some time limits run from it. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  statusChangedAt: Date;

  @Column({ type: 'boolean', default: false })
  restricted: boolean;

  @Column({ type: 'uuid', nullable: true })
  assignedInvestigatorId: string | null;

  @Column({ type: 'text', nullable: true })
  team: string | null;

  /** Named-source intake: who reported and how to reach them. */
  @Column({ type: 'text', nullable: true })
  reporterName: string | null;

  @Column({ type: 'text', nullable: true })
  reporterContact: string | null;

  /** Proactive monitoring: who authorised it, when, and the Article 8/10 proportionality justification. */
  @Column({ type: 'text', nullable: true })
  authorisedBy: string | null;

  @Column({ type: 'date', nullable: true })
  authorisedAt: string | null;

  @Column({ type: 'text', nullable: true })
  authorisationJustification: string | null;

  @Column({ type: 'text', nullable: true })
  severity: Severity | null;

  @Column({ type: 'text', nullable: true })
  severityRationale: string | null;

  /** The day the severity assessment referred the matter to the vetting procedures (from 28 May 2025). */
  @Column({ type: 'date', nullable: true })
  referredToVettingOn: string | null;

  /**
   * The Article 10 (and 8) balancing the appropriate authority records with an assessment that relies
   * on off-duty speech: whether a right is engaged, the law, the aim and why the step is necessary.
   */
  @Column({ type: 'jsonb', nullable: true })
  article10Balancing: Article10Balancing | null;

  /** When the investigator sent the case to the appropriate authority for assessment (their My work lists it). */
  @Column({ type: 'timestamptz', nullable: true })
  sentForAssessmentAt: Date | null;

  @Column({ type: 'boolean', default: false })
  iopcReferralRequired: boolean;

  @Column({ type: 'text', nullable: true })
  iopcReferralDecision: string | null;

  /** The mandatory IOPC referral criteria met, and why (iopc-referral.rules); declared ones are kept as given. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  iopcCriteria: IopcCriterionMatch[];

  /** When the referral first became required: its deadline runs from this day. */
  @Column({ type: 'timestamptz', nullable: true })
  iopcCriteriaMetAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
