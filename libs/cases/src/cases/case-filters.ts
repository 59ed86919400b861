import type { Category, Platform, Standard } from '../conduct/exchange-values';
import type { CaseStatus } from './case-lifecycle.rules';
import type { IntakeSource } from './intake-source';

/** Orders of the case list; a leading "-" means descending. */
export const CASE_SORTS = ['-received', 'received', '-reference', 'reference'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** What the case list can be narrowed by; every filter given must hold. */
export interface CaseFilters {
  status?: CaseStatus;
  source?: IntakeSource;
  /** The assigned investigator's user id. */
  investigator?: string;
  /** A Standard of Professional Behaviour in any of the case's allegations. */
  standard?: Standard;
  /** Platform and category are matched on the same conduct item when both are given. */
  platform?: Platform;
  category?: Category;
  /** Received on or after / on or before, as YYYY-MM-DD. */
  receivedFrom?: string;
  receivedTo?: string;
  /** An open investigation that has run 12 months and needs the report to the local policing body (or not). */
  lpbReportDue?: boolean;
  /** Only cases not closed or withdrawn. */
  open?: boolean;
  /** Words, each found in the summary or in one of the conduct items' text. */
  q?: string;
  sort?: CaseSort;
  limit: number;
  offset: number;
}
