// Hearings: forums, panels, outcomes and their validity, warnings' live periods, dates and notices, findings, appeals.
export {
  OUTCOME_STEPS,
  OUTCOMES,
  OUTCOME_LABELS,
  type Outcome,
  type Regime,
  type Forum,
  type Finding,
  type SubjectKind,
} from './outcomes/outcome';
export { outcomeDateProblems, recordingOpen, type DateProblem } from './outcomes/outcome-dates.rules';
export { checkOutcome, type OutcomeQuestion, type OutcomeAnswer } from './outcomes/outcome-validity.rules';
export {
  warningExpiry,
  isWarningLive,
  DEFAULT_WARNING_PERIODS,
  type WarningPeriods,
  type WarningInput,
} from './outcomes/warning-period.rules';
export {
  panelModel,
  panelProblems,
  panelBreaches,
  seniorityOf,
  type PanelContext,
  type PanelBreach,
  sitsInPublic,
  REQUIRED_SEATS,
  CHIEF_OFFICER_CHAIR_FROM,
  type PanelRole,
  type PanelModel,
  type PanelSeat,
} from './panels/panel-composition.rules';
export {
  checkProposedDate,
  publicNoticeDueBy,
  officerResponseDue,
  DEFAULT_NOTICE_PERIODS,
  type NoticePeriods,
  type ProposedDate,
  type DateAnswer,
  type WorkingDays,
} from './scheduling/notice-period.rules';
export {
  AGGRAVATING_FACTORS,
  CONDUCT_MITIGATING_FACTORS,
  PERSONAL_MITIGATING_FACTORS,
  MITIGATING_FACTORS,
  SANCTION_PURPOSES,
  LEVELS,
  type AggravatingFactor,
  type MitigatingFactor,
  type Level,
  type SanctionPurpose,
} from './decisions/seriousness-factors';
export {
  decisionProblems,
  type DecisionRecord,
  type DecisionContext,
  type DecisionProblem,
} from './decisions/decision-record.rules';
export {
  checkPreHearingDate,
  checkOfficerAlternative,
  checkMeetingHeldWithin,
  meetingLatestDate,
  chairReportDue,
  outcomePublicationPeriod,
  DEFAULT_TIME_LIMITS,
  type TimeLimits,
  type LimitAnswer,
} from './scheduling/time-limit.rules';
export {
  sittingOf,
  overlaps,
  DEFAULT_DURATION_MINUTES,
  type Sitting,
  type UnavailablePeriod,
} from './panels/sitting-time.rules';
export { rankOf, subjectSeniority, type RankCode, type SubjectSeniority } from './panels/rank.rules';
export { HearingsModule, HEARINGS_ENTITIES } from './hearings.module';
export { panelConflicts, type ConflictFacts, type PanelConflict } from './panels/panel-conflict.rules';
export {
  appealBody,
  appealDeadline,
  checkAppealInTime,
  APPEAL_GROUNDS,
  APPEAL_RESULTS,
  DEFAULT_APPEAL_PERIODS,
  type AppealGround,
  type AppealResult,
  type AppealPeriods,
} from './appeals/appeal-period.rules';
export {
  checkDateToFix,
  fixedDateNotices,
  outcomeNotices,
  referralNotices,
  workingDaysBefore,
  NOTICE_KINDS,
  PANEL_REMINDER_LEAD,
  type NoticeKind,
  type PlannedNotice,
} from './notices/notice-plan.rules';
export {
  overallFinding,
  precedentRecord,
  precedentRef,
  redact,
  type PrecedentFacts,
} from './outcomes/precedent.rules';
export { HEARING_STATUSES, type HearingStatus } from './hearings/hearing.entity';
export type { Hearing } from './hearings/hearing.entity';
export type { HearingDateChange } from './hearings/hearing-date-change.entity';
export type { PanelMember } from './panels/panel-member.entity';
export type { PanelRelationship } from './panels/panel-relationship.entity';
export type { HearingSeat } from './panels/hearing-seat.entity';
export type { OutcomeRecord, Departure } from './outcomes/outcome-record.entity';
export type { AllegationFinding } from './outcomes/allegation-finding.entity';
export type { Appeal } from './appeals/appeal.entity';
export type { HearingNotice } from './notices/hearing-notice.entity';
export { HEARINGS_QUEUE, HearingsJob, type SendNoticeData, type DeliverMailData } from './hearings.jobs';
export type { NoticeDelivery, DeliveryStatus } from './notices/notice-delivery.entity';
export { HearingsService, type HearingView } from './hearings/hearings.service';
export { HearingListingsService, type UpcomingHearing } from './hearings/hearing-listings.service';
export { HearingDatesService } from './scheduling/hearing-dates.service';
export { PreHearingsService } from './scheduling/pre-hearings.service';
export { HearingPanelService } from './panels/hearing-panel.service';
export { durationOf, stepRefusal, type HearingStep } from './hearings/hearing-steps.rules';
export type {
  CreateHearingInput,
  HearingDateInput,
  PreHearingInput,
  AlternativeDateInput,
  SpecialConditionsInput,
} from './hearings/hearing-inputs';
export {
  PanelPoolService,
  type AddPanelMemberInput,
  type AddRelationshipInput,
} from './panels/panel-pool.service';
export { OutcomesService, type RecordOutcomeInput } from './outcomes/outcomes.service';
export { ListReferralsService } from './outcomes/list-referrals.service';
export { AppealsService, type LodgeAppealInput, type DecideAppealInput } from './appeals/appeals.service';
export { NoticesService } from './notices/notices.service';
export * from './hearing.errors';
export {
  hearingICalendar,
  londonToUtc,
  SITTING_HOURS,
  type CalendarHearing,
} from './hearings/icalendar.rules';
export { HearingPeriods } from './config/hearing-periods';
export { OutcomeReportsService } from './outcomes/outcome-reports.service';
export { outcomesByYear, type OutcomeYear } from './outcomes/outcome-reports.rules';
export { DemoHearingsLoader, type DemoHearingsOptions } from './demo/demo-hearings.loader';
export { PublicationService, type PublicationDecisionInput } from './publication/publication.service';
export { PublicationReadModule } from './publication/publication-read.module';
export { PublishedNoticesReader } from './publication/published-notices.reader';
export type { PublishedNotice, PublishedKind } from './publication/published-notice.entity';
export {
  PUBLICATION_STAGES,
  type PublicationStage,
  type PublicationDecision,
} from './publication/publication-decision.entity';
export {
  publicationProblems,
  publicationWindow,
  isShowing,
  withheldItems,
  type PublicationChoice,
  type PublicationProblem,
} from './publication/publication.rules';
export { PUBLICATION_SCHEDULER } from './hearings.jobs';
