import { Injectable, Logger } from '@nestjs/common';
import { Clock, londonDate } from '@precedent/platform';
import {
  FINDINGS,
  FORUMS,
  OUTCOME_STEPS,
  type ConductProfile,
  type Finding,
  type Forum,
  type Outcome,
  type PrecedentRecord,
} from '@precedent/exchange';
import { conductFeatures, type ConductFeatures } from '../comparables/conduct-features';
import { dayNumber, forceNumber } from '../comparables/indexing';
import { DEFAULT_BAND_OPTIONS, outcomeBand, type OutcomeBand } from '../comparables/outcome-band.rules';
import type { Neighbour, PrecedentIndex } from '../comparables/precedent-index';
import type { StoredSimilarity } from '../comparables/similarity-learning';
import {
  DEFAULT_MODEL,
  modelForStated,
  statedConduct,
  statedKey,
  statedParts,
  statedWeight,
  MIN_STATED_WEIGHT,
  type SimilarityModel,
  type SimilarityParts,
  type StatedConduct,
} from '../comparables/similarity.rules';
import { foundPrecedent } from '../comparables/found-precedent';
import { todaysRulesFrom } from '../reforms/regime.rules';
import { PrecedentStore } from '../store/precedent-store.service';

export interface ComparablesFilters {
  forces?: string[];
  from?: string;
  to?: string;
  forums?: Forum[];
  findings?: Finding[];
  excludeRefs?: string[];
  /** Only precedents decided under the rules in force today (since the latest reform). */
  underTodaysRules?: boolean;
}

/**
 * Who is asking, as far as case links go: an internal precedent links to its case only when the
 * viewer may open that case. Without a viewer no precedent links to a case.
 */
export interface CaseViewer {
  openableCaseIds(caseIds: string[]): Promise<ReadonlySet<string>>;
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
  finding: Finding;
  outcome: Outcome;
  step: number;
  /** The rules it was decided under, in words. */
  rules: string;
  /** What was said, as the export holds it (internal precedents redacted); null when not recorded. */
  said: string | null;
  similarity: number;
  /** The similarity's parts the query stated (docs/analytics-method.md §2): unstated ones do not count. */
  parts: Partial<SimilarityParts>;
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
  /** How many of the precedents found are alike enough to count towards the distribution and band. */
  comparables: number;
  /** Why the distribution and band are withheld, when they are. */
  withheld?: string;
  dataVersion: string;
  /** How similarity was counted. */
  similarityModel: SimilarityModelUsed;
}

/**
 * Which model counted similarity: the one learned from the store at the current data version, or
 * the fixed weights (before the first recompute after an import, or when learning kept them).
 */
export type SimilarityModelUsed =
  { kind: 'learned'; dataVersion: string; learnedAt: string } | { kind: 'default'; reason: string };

/** The closest precedents whose outcome went at least two steps from a reference step. */
export interface OtherWayAnswer {
  referenceStep: number;
  /** 'given': a recorded or proposed outcome; 'comparables': the comparables' weighted median. */
  basis: 'given' | 'comparables';
  items: ComparablePrecedent[];
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
  private index: LoadedIndex | null = null;
  private loading: Promise<LoadedIndex> | null = null;
  private versionCheckedAt = 0;

  constructor(
    private readonly store: PrecedentStore,
    private readonly clock: Clock,
  ) {}

  async comparables(query: ComparablesQuery, viewer?: CaseViewer): Promise<ComparablesAnswer> {
    const loaded = await this.currentIndex();
    const { version, index } = loaded;
    const features = conductFeatures(query.profile);
    const stated = statedConduct(query.profile);
    const { model, used: similarityModel } = modelFor(loaded, stated);
    const filters = query.filters ?? {};
    const todays = filters.underTodaysRules ? todaysRulesFrom(londonDate(this.clock.now())) : undefined;
    const from = todays && (!filters.from || filters.from < todays) ? todays : filters.from;
    const found = index.search(features, {
      k: Math.min(MAX_K, query.k ?? DEFAULT_K),
      model,
      ...(filters.forces?.length ? { forces: new Set(filters.forces.map(forceNumber)) } : {}),
      ...(from ? { fromDay: dayNumber(from) } : {}),
      ...(filters.to ? { toDay: dayNumber(filters.to) } : {}),
      ...(filters.forums?.length
        ? { forums: new Set(filters.forums.map((forum) => FORUMS.indexOf(forum))) }
        : {}),
      ...(filters.findings?.length
        ? { findings: new Set(filters.findings.map((finding) => FINDINGS.indexOf(finding))) }
        : {}),
      ...(filters.excludeRefs?.length ? { excludeRefs: new Set(filters.excludeRefs) } : {}),
    });
    // What was said and the case links come from the database: the index holds everything else.
    const ids = found.map((neighbour) => index.precedentAt(neighbour.index).id);
    const [records, linked] = await Promise.all([this.store.recordsOf(ids), this.store.caseIdsOf(ids)]);
    const openable =
      viewer && linked.size > 0 ? await viewer.openableCaseIds([...linked.values()]) : new Set();
    const caseIds = new Map([...linked].filter(([, caseId]) => openable.has(caseId)));
    const items: ComparablePrecedent[] = found.map((neighbour) => {
      const caseId = caseIds.get(index.precedentAt(neighbour.index).id);
      return {
        ...comparablePrecedent(index, features, neighbour, records, model, stated),
        ...(caseId ? { caseId } : {}),
      };
    });
    const band: OutcomeBand = outcomeBand(items, {
      ...DEFAULT_BAND_OPTIONS,
      ...(query.proposedOutcome ? { proposedStep: OUTCOME_STEPS[query.proposedOutcome] } : {}),
    });
    if (band.withheld)
      return {
        items,
        comparables: band.comparables,
        withheld: band.reason,
        dataVersion: version,
        similarityModel,
      };
    return {
      items,
      comparables: band.comparables,
      distribution: band.distribution,
      medianStep: band.medianStep,
      band: band.band,
      forces: band.forces,
      ...(band.proposed ? { proposed: band.proposed } : {}),
      dataVersion: version,
      similarityModel,
    };
  }

  /**
   * The closest precedents that went the other way: the most alike whose outcome is at least two
   * steps from a reference, the given (recorded or proposed) step or else the comparables' weighted
   * median. No case links: these are read beside a case, not followed from it.
   */
  async otherWay(
    profile: ConductProfile,
    options: { referenceStep?: number; k?: number } = {},
  ): Promise<OtherWayAnswer | null> {
    let reference = options.referenceStep;
    let basis: OtherWayAnswer['basis'] = 'given';
    if (reference === undefined) {
      const usual = await this.comparables({ profile, k: DEFAULT_K });
      if (usual.medianStep === undefined) return null;
      reference = usual.medianStep;
      basis = 'comparables';
    }
    const loaded = await this.currentIndex();
    const { index } = loaded;
    const features = conductFeatures(profile);
    const stated = statedConduct(profile);
    const { model } = modelFor(loaded, stated);
    const found = index.search(features, {
      k: options.k ?? 3,
      model,
      awayFromStep: reference,
      minStepGap: 2,
      minSimilarity: DEFAULT_BAND_OPTIONS.minSimilarity,
    });
    const records = await this.store.recordsOf(found.map((n) => index.precedentAt(n.index).id));
    return {
      referenceStep: reference,
      basis,
      items: found.map((neighbour) =>
        comparablePrecedent(index, features, neighbour, records, model, stated),
      ),
    };
  }

  /** Loads the index now (at start-up), so the first request does not wait for it. */
  async warm(): Promise<void> {
    await this.currentIndex();
  }

  private async currentIndex(): Promise<LoadedIndex> {
    // The data version and the learned model are read at most once a second: an import or a
    // recompute shows within a second, and busy comparables traffic does not cost queries per request.
    if (this.index && Date.now() - this.versionCheckedAt < VERSION_CHECK_MS) return this.index;
    const [version, stored] = await Promise.all([this.store.dataVersion(), this.store.latestSimilarity()]);
    this.versionCheckedAt = Date.now();
    // The model learned for this data version; each query then counts only the parts it states
    // (modelForStated, docs/analytics-method.md §2), so learned weights that lean on factors and
    // levels serve a query that gives only the wording. A model learned on older data is not
    // used: the store it was fitted to has changed, and the fixed weights serve until the
    // recompute that follows every import has learned again.
    const chosen = chosenModel(stored, version);
    if (this.index?.version === version) {
      // A recompute learns without changing the data: the features in memory stay, and every
      // search is given its model, so only how they are counted changes.
      if (!sameModel(this.index.used, chosen.used)) {
        this.index = { ...this.index, ...chosen, forStated: new Map() };
        this.logger.log(`Comparables now counted with the ${chosen.used.kind} similarity model`);
      }
      return this.index;
    }
    if (!this.loading) {
      const started = Date.now();
      this.loading = this.store
        .loadIndex(undefined, chosen.model)
        .then((index) => {
          this.index = { version, index, ...chosen, forStated: new Map() };
          this.logger.log(
            `Comparables index loaded: ${index.count} precedents, data version ${version}, ${chosen.used.kind} similarity model, in ${Date.now() - started} ms`,
          );
          return this.index;
        })
        .finally(() => (this.loading = null));
    }
    // While a newer index loads, the one in memory answers; the first load must be waited for.
    return this.index ?? this.loading;
  }
}

interface LoadedIndex {
  version: string;
  index: PrecedentIndex;
  /** How similarity is counted on this index, before a query's unstated parts are left out. */
  model: SimilarityModel;
  used: SimilarityModelUsed;
  /** The index's model made to count only what was stated, one per set of stated parts. */
  forStated: Map<string, ModelForQuery>;
}

function chosenModel(
  stored: StoredSimilarity | null,
  version: string,
): { model: SimilarityModel; used: SimilarityModelUsed } {
  if (!stored)
    return {
      model: DEFAULT_MODEL,
      used: { kind: 'default', reason: 'no similarity has been learned yet: run analytics recompute' },
    };
  if (stored.dataVersion !== version)
    return {
      model: DEFAULT_MODEL,
      used: {
        kind: 'default',
        reason: `the learned similarity is for data version ${stored.dataVersion}, not ${version}: it is learned again by the recompute after an import`,
      },
    };
  if (!stored.learned)
    return {
      model: DEFAULT_MODEL,
      used: { kind: 'default', reason: stored.reason ?? 'learning kept the fixed weights' },
    };
  return {
    model: stored.model,
    used: { kind: 'learned', dataVersion: stored.dataVersion, learnedAt: stored.learnedAt },
  };
}

function sameModel(a: SimilarityModelUsed, b: SimilarityModelUsed): boolean {
  return a.kind === 'learned' && b.kind === 'learned'
    ? a.dataVersion === b.dataVersion && a.learnedAt === b.learnedAt
    : a.kind === b.kind && (a.kind !== 'default' || b.kind !== 'default' || a.reason === b.reason);
}

interface ModelForQuery {
  model: SimilarityModel;
  used: SimilarityModelUsed;
}

/**
 * The model a query is counted with: the index's, over only the parts the query states; but the
 * fixed weights when the query states too little of a learned model for it to tell comparable
 * cases apart (statedWeight, docs/analytics-method.md §2).
 */
function modelFor(loaded: LoadedIndex, stated: StatedConduct): ModelForQuery {
  const key = statedKey(stated);
  let chosen = loaded.forStated.get(key);
  if (!chosen) {
    const share = statedWeight(loaded.model, stated);
    chosen =
      loaded.used.kind === 'learned' && share < MIN_STATED_WEIGHT
        ? {
            model: modelForStated(DEFAULT_MODEL, stated),
            used: {
              kind: 'default',
              reason: `the conduct described carries ${Math.round(share * 100)}% of the learned similarity's weight, and at least ${Math.round(MIN_STATED_WEIGHT * 100)}% is needed to count with it: describe more of the conduct (factors, culpability and harm, who it was about, how many messages) to use it`,
            },
          }
        : { model: modelForStated(loaded.model, stated), used: loaded.used };
    loaded.forStated.set(key, chosen);
  }
  return chosen;
}

/** A precedent the index found, as the API answers it (without its case link). */
function comparablePrecedent(
  index: PrecedentIndex,
  features: ConductFeatures,
  neighbour: Neighbour,
  records: Map<number, PrecedentRecord>,
  model: SimilarityModel,
  stated: StatedConduct,
): ComparablePrecedent {
  return {
    ...foundPrecedent(index, neighbour.index, records),
    similarity: round(neighbour.similarity),
    parts: roundParts(statedParts(index.parts(features, neighbour.index, model), stated)),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function roundParts(parts: Partial<SimilarityParts>): Partial<SimilarityParts> {
  return Object.fromEntries(Object.entries(parts).map(([part, value]) => [part, round(value)]));
}
