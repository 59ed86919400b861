import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type CaseEventKind =
  | 'recorded'
  | 'sent_for_assessment'
  | 'transition'
  | 'assessed'
  | 'subject_added'
  | 'allegation_added'
  | 'conduct_item_added'
  | 'subject_changed'
  | 'allegation_changed'
  | 'conduct_item_changed'
  | 'subject_removed'
  | 'allegation_removed'
  | 'conduct_item_removed'
  | 'iopc_criteria_met'
  // who may open the case (the access route and grants)
  | 'access_changed'
  | 'access_granted'
  | 'access_revoked'
  // from the reporting lib
  | 'anonymous_report_linked'
  // from the hearings lib
  | 'hearing_created'
  | 'hearing_date_proposed'
  | 'hearing_date_fixed'
  | 'hearing_adjourned'
  | 'panel_member_seated'
  | 'outcome_recorded'
  | 'appeal_lodged'
  | 'appeal_decided'
  | 'notice_sent'
  | 'pre_hearing_set'
  | 'special_conditions_certified'
  | 'chair_report_deadline'
  | 'list_referral_sent'
  | 'notice_failed';

/** One entry on a case's timeline: what happened, who did it, and why. */
@Entity('case_events')
@Index('ix_case_events_case', ['caseId', 'id'])
export class CaseEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  kind: CaseEventKind;

  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text', nullable: true })
  toStatus: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
