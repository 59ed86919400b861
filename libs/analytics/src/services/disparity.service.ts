import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@precedent/platform';
import { FORCE_CODE_LIST } from '../comparables/indexing';
import {
  analyseDisparity,
  DEFAULT_ANALYSIS_OPTIONS,
  type DisparityAnalysis,
} from '../consistency/disparity-analysis';
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
}

export type ComputeProgress = (stage: 'loading' | 'measuring', done: number, total: number) => void;

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
    const analysis = analyseDisparity(index, FORCE_CODE_LIST, DEFAULT_ANALYSIS_OPTIONS, (done, of) =>
      onProgress?.('measuring', done, of),
    );
    const repo = this.dataSource.getRepository(DisparityResult);
    return repo.save(
      repo.create({ computedAt: this.clock.now(), dataVersion, precedents: analysis.precedents, analysis }),
    );
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
    };
  }
}
