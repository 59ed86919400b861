// Hearings: forums, panels, outcomes and their validity, warnings' live periods (meetings, hearings, appeals to come).
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
