/** The analytics context's background work: imports and recomputations. */
export const ANALYTICS_QUEUE = 'analytics';

export enum AnalyticsJobName {
  ImportPrecedents = 'import-precedents',
  Recompute = 'recompute',
}
