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
export { CasesModule } from './cases.module';
export { CasesService, type RecordCaseInput, type UpdateCaseInput } from './cases/cases.service';
export { CASE_SORTS, type CaseSort, type CaseFilters } from './cases/case-filters';
export { INTAKE_SOURCES, type IntakeSource } from './cases/intake-source';
export {
  TransitionNotAllowedError,
  StaleVersionError,
  AuthorisationRequiredError,
} from './cases/case.errors';
export type { Case } from './cases/case.entity';
export type { CaseEvent, CaseEventKind } from './cases/case-event.entity';
export {
  CaseContentsService,
  type AddSubjectInput,
  type AddAllegationInput,
  type AddConductItemInput,
} from './conduct/case-contents.service';
export * from './conduct/exchange-values';
export type { Subject } from './conduct/subject.entity';
export type { Allegation } from './conduct/allegation.entity';
export type { ConductItem } from './conduct/conduct-item.entity';
export { caseProfile } from './conduct/case-profile.rules';
