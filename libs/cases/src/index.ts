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
export { regimeFor, PCR2020_FROM, type Regime } from './cases/regime.rules';
