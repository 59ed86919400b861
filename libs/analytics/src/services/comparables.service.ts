import { Injectable, Logger } from '@nestjs/common';
import {
  FINDINGS,
  FORUMS,
  OUTCOME_STEPS,
  OUTCOMES,
  type ConductProfile,
  type Finding,
  type Forum,
  type Outcome,
} from '@precedent/exchange';
import { conductFeatures } from '../comparables/conduct-features';
import { dayNumber, FORCE_CODE_LIST, forceNumber } from '../comparables/indexing';
import { DEFAULT_BAND_OPTIONS, outcomeBand, type OutcomeBand } from '../comparables/outcome-band.rules';
import type { PrecedentIndex } from '../comparables/precedent-index';
import type { SimilarityParts } from '../comparables/similarity.rules';
import { PrecedentStore } from '../store/precedent-store.service';

export interface ComparablesFilters {
  forces?: string[];
  from?: string;
  to?: string;
  forums?: Forum[];
  findings?: Finding[];
  excludeRefs?: string[];
}

export interface ComparablesQuery {
  profile: ConductProfile;
  k?: number;
  proposedOutcome?: Outcome;
  filters?: ComparablesFilters;
}

export interface ComparablePrecedent {
  ref: string;
  force: string;
  decidedOn: string;
  forum: Forum;
  outcome: Outcome;
  step: number;
  similarity: number;
  parts: SimilarityParts;
  /** For an internal precedent, the case it came from (shown only to users who may open it). */
  caseId?: string;
}

export interface ComparablesAnswer {
  items: ComparablePrecedent[];
  distribution?: { outcome: Outcome; weight: number }[];
  medianStep?: number;
  band?: { lowStep: number; highStep: number };
  forces?: { force: string; comparables: number; meanStep: number }[];
  proposed?: { step: number; percentile: number; outsideBand: boolean };
  /** Why the distribution and band are withheld, when they are. */
  withheld?: string;
  dataVersion: string;
}

export const DEFAULT_K = 20;
export const MAX_K = 100;
const VERSION_CHECK_MS = 1000;

/**
 * Comparable precedents for a profile, from an in-memory index of the whole store, reloaded when
 * an import raises the data version (the old index answers while the new one loads).
 */
@Injectable()
export class ComparablesService {
  private readonly logger = new Logger(ComparablesService.name);
  private index: { version: string; index: PrecedentIndex } | null = null;
  private loading: Promise<{ version: string; index: PrecedentIndex }> | null = null;
  private versionCheckedAt = 0;

  constructor(private readonly store: PrecedentStore) {}

  async comparables(query: ComparablesQuery): Promise<ComparablesAnswer> {
    const { version, index } = await this.currentIndex();
    const features = conductFeatures(query.profile);
    const filters = query.filters ?? {};
    const found = index.search(features, {
      k: Math.min(MAX_K, query.k ?? DEFAULT_K),
      ...(filters.forces?.length ? { forces: new Set(filters.forces.map(forceNumber)) } : {}),
      ...(filters.from ? { fromDay: dayNumber(filters.from) } : {}),
      ...(filters.to ? { toDay: dayNumber(filters.to) } : {}),
      ...(filters.forums?.length
        ? { forums: new Set(filters.forums.map((forum) => FORUMS.indexOf(forum))) }
        : {}),
      ...(filters.findings?.length
        ? { findings: new Set(filters.findings.map((finding) => FINDINGS.indexOf(finding))) }
        : {}),
      ...(filters.excludeRefs?.length ? { excludeRefs: new Set(filters.excludeRefs) } : {}),
    });
    // Only the case links come from the database: the index holds everything else answered.
    const caseIds = await this.store.caseIdsOf(
      found.map((neighbour) => index.precedentAt(neighbour.index).id),
    );
    const items: ComparablePrecedent[] = found.map((neighbour) => {
      const precedent = index.precedentAt(neighbour.index);
      const caseId = caseIds.get(precedent.id);
      return {
        ref: precedent.ref,
        force: FORCE_CODE_LIST[precedent.force],
        decidedOn: new Date(precedent.decidedOn * 86_400_000).toISOString().slice(0, 10),
        forum: FORUMS[precedent.forum],
        outcome: OUTCOMES[precedent.outcome],
        step: precedent.step,
        similarity: round(neighbour.similarity),
        parts: roundParts(index.parts(features, neighbour.index)),
        ...(caseId ? { caseId } : {}),
      };
    });
    const band: OutcomeBand = outcomeBand(items, {
      ...DEFAULT_BAND_OPTIONS,
      ...(query.proposedOutcome ? { proposedStep: OUTCOME_STEPS[query.proposedOutcome] } : {}),
    });
    if (band.withheld) return { items, withheld: band.reason, dataVersion: version };
    return {
      items,
      distribution: band.distribution,
      medianStep: band.medianStep,
      band: band.band,
      forces: band.forces,
      ...(band.proposed ? { proposed: band.proposed } : {}),
      dataVersion: version,
    };
  }

  /** Loads the index now (at start-up), so the first request does not wait for it. */
  async warm(): Promise<void> {
    await this.currentIndex();
  }

  private async currentIndex(): Promise<{ version: string; index: PrecedentIndex }> {
    // The data version is read at most once a second: an import shows within a second, and busy
    // comparables traffic does not cost a query per request.
    if (this.index && Date.now() - this.versionCheckedAt < VERSION_CHECK_MS) return this.index;
    const version = await this.store.dataVersion();
    this.versionCheckedAt = Date.now();
    if (this.index?.version === version) return this.index;
    if (!this.loading) {
      const started = Date.now();
      this.loading = this.store
        .loadIndex()
        .then((index) => {
          this.index = { version, index };
          this.logger.log(
            `Comparables index loaded: ${index.count} precedents, data version ${version}, in ${Date.now() - started} ms`,
          );
          return this.index;
        })
        .finally(() => (this.loading = null));
    }
    // While a newer index loads, the one in memory answers; the first load must be waited for.
    return this.index ?? this.loading;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function roundParts(parts: SimilarityParts): SimilarityParts {
  return Object.fromEntries(
    Object.entries(parts).map(([part, value]) => [part, round(value)]),
  ) as unknown as SimilarityParts;
}
