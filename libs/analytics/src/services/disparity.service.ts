import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@precedent/platform';
import { FORCE_CODE_LIST, forceNumber } from '../comparables/indexing';
import { learnSimilarity, type StoredSimilarity } from '../comparables/similarity-learning';
import {
  analyseDisparity,
  DEFAULT_ANALYSIS_OPTIONS,
  type DisparityAnalysis,
} from '../consistency/disparity-analysis';
import { stageDrift, type StageDrift, type StageTally } from '../consistency/stage-drift.rules';
import { DisparityResult } from '../store/disparity-result.entity';
import { PrecedentStore } from '../store/precedent-store.service';

/** The answer of `GET /api/analytics/disparity` and `analytics disparity --json`. */
export interface DisparityReport {
  computedAt: string;
  dataVersion: string;
  precedents: number;
  measured: number;
  consistencyIndex: number;
  forces: DisparityAnalysis['forces'];
  consistencyByForce: DisparityAnalysis['consistencyByForce'];
  consistencyByYear: DisparityAnalysis['consistencyByYear'];
  consistencyByCategory: DisparityAnalysis['consistencyByCategory'];
  /** How the outcome recommended at each stage differs from the final one, nationally and per force. */
  stageDrift: StageDrift[];
  /** How similarity was counted for this result: learned from the store, or today's fixed weights. */
  similarity: StoredSimilarity | null;
}

export type ComputeProgress = (
  stage: 'loading' | 'learning' | 'measuring',
  done: number,
  total: number,
) => void;

/** Consistency, force disparity and outliers: computed over the whole store and kept with their data version. */
@Injectable()
export class DisparityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PrecedentStore,
    private readonly clock: Clock,
  ) {}

  async compute(onProgress?: ComputeProgress): Promise<DisparityResult> {
    const dataVersion = await this.store.dataVersion();
    const total = await this.store.count();
    const index = await this.store.loadIndex((loaded) => onProgress?.('loading', loaded, total));
    // Weights are fitted to outcomes with each force's severity (as last measured) taken out, so
    // they are not rewarded for finding a force's own cases; the first recompute has none yet.
    onProgress?.('learning', 0, 1);
    const severity = severityByForce(await this.latest());
    const learned = learnSimilarity(index, (force) => severity.get(force) ?? 0);
    const similarity: StoredSimilarity = {
      ...learned,
      dataVersion,
      learnedAt: this.clock.now().toISOString(),
    };
    index.reweight(learned.model);
    onProgress?.('learning', 1, 1);
    const measured = analyseDisparity(index, FORCE_CODE_LIST, DEFAULT_ANALYSIS_OPTIONS, (done, of) =>
      onProgress?.('measuring', done, of),
    );
    const analysis = { ...measured, stageDrift: stageDrift(await this.stageTallies()), similarity };
    const repo = this.dataSource.getRepository(DisparityResult);
    return repo.save(
      repo.create({ computedAt: this.clock.now(), dataVersion, precedents: analysis.precedents, analysis }),
    );
  }

  /** Counts by force, stage, the stage's outcome and the final step, from the records' stages. */
  private async stageTallies(): Promise<StageTally[]> {
    const rows: {
      force: string;
      stage: StageTally['stage'];
      outcome: StageTally['outcome'];
      final_step: number;
      n: number;
    }[] = await this.dataSource.query(
      `SELECT p.force, e->>'stage' AS stage, e->>'outcome' AS outcome, p.step AS final_step, count(*)::int AS n
           FROM precedents p, json_array_elements(CASE WHEN json_typeof(p.record->'stages') = 'array'
                                                       THEN p.record->'stages' ELSE '[]'::json END) e
          GROUP BY 1, 2, 3, 4`,
    );
    return rows.map((row) => ({
      force: row.force,
      stage: row.stage,
      outcome: row.outcome,
      finalStep: row.final_step,
      n: row.n,
    }));
  }

  async latest(): Promise<DisparityResult | null> {
    return this.dataSource
      .getRepository(DisparityResult)
      .findOne({ where: {}, order: { computedAt: 'DESC' } });
  }

  report(result: DisparityResult): DisparityReport {
    const { analysis } = result;
    return {
      computedAt: result.computedAt.toISOString(),
      dataVersion: result.dataVersion,
      precedents: analysis.precedents,
      measured: analysis.measured,
      consistencyIndex: analysis.consistencyIndex,
      forces: analysis.forces,
      consistencyByForce: analysis.consistencyByForce,
      consistencyByYear: analysis.consistencyByYear,
      consistencyByCategory: analysis.consistencyByCategory,
      stageDrift: analysis.stageDrift ?? [],
      similarity: analysis.similarity ?? null,
    };
  }
}

/** Each force's measured severity against the national picture, by force number. */
function severityByForce(result: DisparityResult | null): Map<number, number> {
  const severity = new Map<number, number>();
  for (const force of result?.analysis.forces ?? []) {
    if (FORCE_CODE_LIST.includes(force.force)) severity.set(forceNumber(force.force), force.relativeSeverity);
  }
  return severity;
}
