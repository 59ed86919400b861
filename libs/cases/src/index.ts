// Cases: intake, subjects, allegations, conduct items and the lifecycle (rules so far; persistence and API next).
export {
  CASE_STATUSES,
  type CaseStatus,
  type Severity,
  type CaseFacts,
  type TransitionCheck,
  allowedNext,
  checkTransition,
} from './cases/case-lifecycle.rules';
export {
  casePermissions,
  forumForReferral,
  needsArticle10Balancing,
  REFERRAL_FORUMS,
  type CasePermissions,
  type ReferralForum,
} from './cases/case-actions.rules';
export { regimeFor, PCR2020_FROM, type Regime } from './cases/regime.rules';
export { CasesModule } from './cases.module';
export {
  CasesService,
  type CaseView,
  type RecordCaseInput,
  type UpdateCaseInput,
} from './cases/cases.service';
export { CaseDueDatesService, type DueCase } from './cases/case-due-dates.service';
export {
  caseDeadlines,
  STATUSES_WITH_TIME_LIMITS,
  lpbReport,
  lpbReportCutoff,
  DEFAULT_CASE_TIME_LIMITS,
  DEADLINE_NAMES,
  type CaseTimeLimits,
  type Deadline,
  type DeadlineName,
  type LpbReport,
} from './cases/case-deadlines.rules';
export { findOpenableCase } from './cases/openable-case';
export {
  CaseAccessService,
  AccessChangeRefusedError,
  AccessDecisionForbiddenError,
  type CaseAccessView,
  type ChangeAccessInput,
  type GrantInput,
  type GrantView,
  type GrantedCase,
} from './access/case-access.service';
export {
  ACCESS_DECIDERS,
  ACCESS_FIELDS,
  mayDecideAccess,
  refusedCaseEdit,
  lockoutReason,
  refusedGrant,
  grantInForce,
} from './access/case-access-change.rules';
export type { CaseGrant } from './access/case-grant.entity';
export { CASE_SORTS, type CaseSort, type CaseFilters } from './cases/case-filters';
export { INTAKE_SOURCES, type IntakeSource } from './cases/intake-source';
export {
  TransitionNotAllowedError,
  StaleVersionError,
  AuthorisationRequiredError,
  IopcReferralMandatoryError,
  CaseEditForbiddenError,
  Article10BalancingRequiredError,
  CaseNotAwaitingAssessmentError,
} from './cases/case.errors';
export {
  IOPC_CRITERIA,
  iopcCriteriaMet,
  type IopcCriterion,
  type IopcCriterionMatch,
} from './cases/iopc-referral.rules';
export type { Case, Article10Balancing } from './cases/case.entity';
export type { CaseEvent, CaseEventKind } from './cases/case-event.entity';
export {
  CaseContentsService,
  type AddSubjectInput,
  type AddAllegationInput,
  type AddConductItemInput,
  type Added,
  type ConductItemSource,
} from './conduct/case-contents.service';
export {
  DUPLICATE_KINDS,
  SIMILAR_TEXT_THRESHOLD,
  type DuplicateKind,
  type DuplicateWarning,
} from './conduct/duplicate.rules';
export * from './conduct/exchange-values';
export type { Subject } from './conduct/subject.entity';
export type { Allegation } from './conduct/allegation.entity';
export type { ConductItem } from './conduct/conduct-item.entity';
export { caseProfile } from './conduct/case-profile.rules';
export { visibleCasesWhere } from './cases/case-visibility';
export { demoCases, DEMO_PATHS, type DemoCase } from './demo/demo-cases';
export { DemoCasesLoader, DEMO_MARK, type DemoCasesOptions } from './demo/demo-cases.loader';
export {
  CaseReportsService,
  DUE_SOON_WORKING_DAYS,
  type CasesOverTime,
  type CasesByConduct,
  type Timeliness,
} from './reports/case-reports.service';
export {
  TIMELINESS_STATES,
  FIRST_REPORT_YEAR,
  readPeriod,
  type ReportPeriod,
  type PeriodReading,
  type FeatureCount,
  type Granularity,
  type TimeBucket,
  type TimelinessRow,
  type TimelinessState,
} from './reports/case-reports.rules';
export * from './law/amendments.rules';
