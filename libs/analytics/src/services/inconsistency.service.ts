import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FORCES, type Finding, type Forum, type Outcome } from '@precedent/exchange';
import { Clock } from '@precedent/platform';
import type { PrecedentIndex } from '../comparables/precedent-index';
import type { SimilarityParts } from '../comparables/similarity.rules';
import { foundPrecedent } from '../comparables/found-precedent';
import type { whatWasSaid } from '../comparables/what-was-said.rules';
import { differenceSentence, type PairDifference } from '../consistency/inconsistency.rules';
import {
  findInconsistentPairs,
  DEFAULT_PAIR_OPTIONS,
  type FoundPair,
} from '../consistency/inconsistent-pairs';
import { InconsistencyResult } from '../store/inconsistency-result.entity';
import { PrecedentStore } from '../store/precedent-store.service';

/** One side of a pair: the precedent as a panel or analyst reads it. */
export interface PairPrecedent {
  ref: string;
  force: string;
  forceName: string;
  decidedOn: string;
  forum: Forum;
  finding: Finding;
  outcome: Outcome;
  step: number;
  /** The rules it was decided under, in words. */
  rules: string;
  /** What was said, as the export holds it; null when the record has neither text nor summary. */
  said: string | null;
}

export interface InconsistentPair {
  a: PairPrecedent;
  b: PairPrecedent;
  similarity: number;
  stepGap: number;
  parts: SimilarityParts;
  differences: (PairDifference & { text: string })[];
  /** True when at least one recorded difference points the way the outcomes went. */
  explained: boolean;
  score: number;
}

/** The answer of `analytics inconsistencies --json` and `GET /api/analytics/inconsistencies`. */
export interface InconsistenciesReport {
  computedAt: string;
  dataVersion: string;
  precedents: number;
  /** How many pairs this answer lists out of how many are stored for the filter. */
  total: number;
  pairs: InconsistentPair[];
}

export const DEFAULT_PAIR_LIMIT = 50;
export const MAX_PAIR_LIMIT = 500;
const FORCE_NAMES = new Map(FORCES.map((force) => [force.code, force.name]));

/** Inconsistent pairs over the whole store, computed by the recompute job and kept with their data version. */
@Injectable()
export class InconsistencyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PrecedentStore,
    private readonly clock: Clock,
  ) {}

  /** Computes from a freshly loaded index, or from one the caller already loaded for the same data. */
  async compute(
    onProgress?: (done: number, total: number) => void,
    loaded?: { index: PrecedentIndex; dataVersion: string },
  ): Promise<InconsistencyResult> {
    const dataVersion = loaded?.dataVersion ?? (await this.store.dataVersion());
    const index = loaded?.index ?? (await this.store.loadIndex());
    const found = await findInconsistentPairs(index, DEFAULT_PAIR_OPTIONS, onProgress);
    const records = await this.store.recordsOf(
      found.flatMap((pair) => [index.precedentAt(pair.a).id, index.precedentAt(pair.b).id]),
    );
    const pairs = found.map((pair) => this.present(index, pair, records));
    const repo = this.dataSource.getRepository(InconsistencyResult);
    return repo.save(
      repo.create({ computedAt: this.clock.now(), dataVersion, precedents: index.count, pairs }),
    );
  }

  async latest(): Promise<InconsistencyResult | null> {
    return this.dataSource
      .getRepository(InconsistencyResult)
      .findOne({ where: {}, order: { computedAt: 'DESC' } });
  }

  /** The latest result when it was computed on today's data; otherwise computes it now. */
  async current(): Promise<InconsistencyResult> {
    const [latest, version] = await Promise.all([this.latest(), this.store.dataVersion()]);
    if (latest && latest.dataVersion === version) return latest;
    return this.compute();
  }

  /** A stored result for one force (pairs where either side is that force) or all, most inconsistent first. */
  report(
    result: InconsistencyResult,
    filter: { force?: string; limit?: number } = {},
  ): InconsistenciesReport {
    const limit = Math.min(MAX_PAIR_LIMIT, Math.max(1, filter.limit ?? DEFAULT_PAIR_LIMIT));
    const matching = filter.force
      ? result.pairs.filter((pair) => pair.a.force === filter.force || pair.b.force === filter.force)
      : result.pairs;
    return {
      computedAt: result.computedAt.toISOString(),
      dataVersion: result.dataVersion,
      precedents: result.precedents,
      total: matching.length,
      pairs: matching.slice(0, limit),
    };
  }

  private present(
    index: PrecedentIndex,
    pair: FoundPair,
    records: Map<number, Parameters<typeof whatWasSaid>[0]>,
  ) {
    const side = (at: number): PairPrecedent => {
      const { ref, force, ...decided } = foundPrecedent(index, at, records);
      return { ref, force, forceName: FORCE_NAMES.get(force) ?? force, ...decided };
    };
    return {
      a: side(pair.a),
      b: side(pair.b),
      similarity: round(pair.similarity),
      stepGap: pair.stepGap,
      parts: Object.fromEntries(
        Object.entries(pair.parts).map(([part, value]) => [part, round(value)]),
      ) as unknown as SimilarityParts,
      differences: pair.differences.map((difference) => ({
        ...difference,
        text: differenceSentence(difference),
      })),
      explained: pair.differences.some((difference) => difference.explains),
      score: round(pair.score),
    };
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
