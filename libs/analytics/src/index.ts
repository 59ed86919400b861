// Analytics: the national precedent store, comparable precedents with reasons, consistency and
// force disparity, term assistance, and synthetic national data with a known truth.
export { AnalyticsModule } from './analytics.module';
export { ANALYTICS_QUEUE, AnalyticsJobName } from './analytics.jobs';
export {
  PrecedentStore,
  MAX_REPORTED_ERRORS,
  type ImportSummary,
  type ImportProblem,
  type ImportProgress,
  type ImportCheckpoint,
} from './store/precedent-store.service';
export type { AnalyticsJob } from './store/analytics-job.entity';
export {
  ComparablesService,
  DEFAULT_K,
  MAX_K,
  type ComparablesQuery,
  type ComparablesAnswer,
  type ComparablePrecedent,
  type ComparablesFilters,
  type CaseViewer,
  type OtherWayAnswer,
  type SimilarityModelUsed,
} from './services/comparables.service';
export { DisparityService, type DisparityReport, type ComputeProgress } from './services/disparity.service';
export { RECOMPUTE_RUNNER, type RecomputeRunner } from './services/recompute-runner';
export { AnalyticsJobsService, AnalyticsJobStoppedError } from './services/analytics-jobs.service';
export { isStalled, STALLED_AFTER_MS } from './store/job-health.rules';
export {
  InconsistencyService,
  DEFAULT_PAIR_LIMIT,
  MAX_PAIR_LIMIT,
  type InconsistentPair,
  type InconsistenciesReport,
  type PairPrecedent,
} from './services/inconsistency.service';
export { InconsistencyResult } from './store/inconsistency-result.entity';
export { whatWasSaid } from './comparables/what-was-said.rules';
export {
  REFORMS,
  reformMarkerForYear,
  eraOn,
  eraWords,
  regimeOn,
  todaysRulesFrom,
  type RegimeFacts,
} from './reforms/regime.rules';
export { conductFeatures, type ConductFeatures } from './comparables/conduct-features';
export { PrecedentIndex } from './comparables/precedent-index';
export { indexRecords, FORCE_CODE_LIST } from './comparables/indexing';
export { DEFAULT_WEIGHTS, type SimilarityParts, type SimilarityPart } from './comparables/similarity.rules';
export { outcomeBand, type OutcomeBand } from './comparables/outcome-band.rules';
export { analyseDisparity, type DisparityAnalysis, type Outlier } from './consistency/disparity-analysis';
export {
  syntheticPrecedents,
  type SeriousnessDriver,
  type SynthOptions,
  type SynthTruth,
} from './synth/synthetic-precedents';
export {
  learnSimilarity,
  MIN_PRECEDENTS_TO_LEARN,
  type LearnedSimilarity,
  type StoredSimilarity,
} from './comparables/similarity-learning';
export { normaliseText, textFingerprint } from './text/text-matching.rules';
export {
  findPassage,
  findPassages,
  findWords,
  excerptWindow,
  type Passage,
} from './text/passage-match.rules';
export { LexiconService, type LexiconEntryInput, type LexiconEntryChanges } from './lexicon/lexicon.service';
export type { LexiconEntry } from './lexicon/lexicon-entry.entity';
export type { LexiconEntryVersion } from './lexicon/lexicon-entry-version.entity';
export { suggestTerms, type TermSuggestions, type TermMatch } from './lexicon/term-suggestion.rules';
export { STARTING_LEXICON } from './lexicon/starting-lexicon';
export { stageDrift, type StageDrift } from './consistency/stage-drift.rules';
