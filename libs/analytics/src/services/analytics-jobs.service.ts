import { createReadStream } from 'node:fs';
import { access, rm } from 'node:fs/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditContext } from '@precedent/audit';
import { Clock, NotFoundError, Outbox } from '@precedent/platform';
import { ANALYTICS_QUEUE, AnalyticsJobName } from '../analytics.jobs';
import { AnalyticsJob, type AnalyticsJobKind } from '../store/analytics-job.entity';
import {
  ImportInterruptedError,
  PrecedentStore,
  type ImportProgress,
  type ImportSummary,
} from '../store/precedent-store.service';
import { DisparityService } from './disparity.service';
import { InconsistencyService } from './inconsistency.service';

/** Imports and recomputations requested through the API and run by the worker, with progress. */
@Injectable()
export class AnalyticsJobsService {
  private readonly logger = new Logger(AnalyticsJobsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly store: PrecedentStore,
    private readonly disparity: DisparityService,
    private readonly inconsistency: InconsistencyService,
    private readonly clock: Clock,
  ) {}

  /** Records the job and queues it in one transaction: accepted even while Redis is down. */
  async request(
    context: AuditContext,
    kind: AnalyticsJobKind,
    input: Record<string, unknown>,
  ): Promise<AnalyticsJob> {
    return this.dataSource.transaction(async (em) => {
      const job = await em.save(
        em.create(AnalyticsJob, { kind, status: 'queued', input, requestedBy: context.actorId }),
      );
      await this.outbox.add(em, {
        queue: ANALYTICS_QUEUE,
        name: kind === 'import' ? AnalyticsJobName.ImportPrecedents : AnalyticsJobName.Recompute,
        data: { jobId: job.id },
        jobId: `analytics-${job.id}`,
      });
      await this.audit.record(em, context, {
        action: kind === 'import' ? 'precedents.import.request' : 'analytics.recompute.request',
        entityType: 'analytics_job',
        entityId: job.id,
      });
      return job;
    });
  }

  /** The most recent imports, newest first, for the administrators' list. */
  async recentImports(limit = 20): Promise<AnalyticsJob[]> {
    return this.dataSource
      .getRepository(AnalyticsJob)
      .find({ where: { kind: 'import' }, order: { requestedAt: 'DESC' }, take: limit });
  }

  async get(id: string): Promise<AnalyticsJob> {
    const job = await this.dataSource.getRepository(AnalyticsJob).findOneBy({ id });
    if (!job) throw new NotFoundError('analytics job', id);
    return job;
  }

  /** Runs a queued job. A finished job is left as it is, so a redelivered message does nothing. */
  async run(id: string): Promise<AnalyticsJob> {
    const repo = this.dataSource.getRepository(AnalyticsJob);
    const job = await this.get(id);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    // A redelivered job that was running when its worker stopped starts again from the top:
    // records are keyed on (force, ref), so a second pass rewrites rather than doubles.
    await repo.update(
      { id },
      { status: 'running', done: 0, startedAt: this.clock.now(), ...countsOf(emptySummary(), 0) },
    );
    let lastWrite = 0;
    // Progress writes go one after another, and the final write after them all, so a slow
    // progress write can never land after (and overwrite) the finished counts.
    let writes: Promise<unknown> = Promise.resolve();
    const progress = (changes: JobProgress) => {
      const now = Date.now();
      if (now - lastWrite < 500) return;
      lastWrite = now;
      writes = writes.then(() => repo.update({ id }, changes)).catch(() => undefined);
    };
    try {
      const finished =
        job.kind === 'import'
          ? await this.runImport(job, progress)
          : { result: await this.runRecompute((done, total) => progress({ done, total })) };
      await writes;
      await repo.update({ id }, { status: 'succeeded', ...finished, finishedAt: this.clock.now() });
    } catch (error) {
      this.logger.error(`Analytics job ${id} failed: ${(error as Error).message}`);
      await writes;
      // An interrupted import keeps its counts: what it committed stays in the store.
      const partial =
        error instanceof ImportInterruptedError
          ? {
              ...countsOf(error.summary, error.records),
              result: { ...error.summary, records: error.records },
            }
          : {};
      await repo.update(
        { id },
        { status: 'failed', error: (error as Error).message, ...partial, finishedAt: this.clock.now() },
      );
    }
    return this.get(id);
  }

  private async runImport(job: AnalyticsJob, progress: (changes: JobProgress) => void) {
    const path = String(job.input.path);
    const size = Number(job.input.bytes ?? 0) || null;
    let records = 0;
    try {
      await access(path).catch(() => {
        throw new Error(
          'The uploaded file is no longer in the imports folder (IMPORTS_DIR), so nothing was imported: upload it again.',
        );
      });
      const summary = await this.store.import(createReadStream(path), {
        strict: job.input.strict === true,
        onProgress: (at: ImportProgress) => {
          records = at.records;
          progress({ done: at.bytes, total: size, ...countsOf(at.summary, at.records) });
        },
      });
      // the store's last progress report, always sent at the end, holds the final count read
      return { result: { ...summary, records }, ...countsOf(summary, records) };
    } finally {
      // The upload was only kept for the job: the store now holds what was valid in it.
      await rm(path, { force: true });
    }
  }

  private async runRecompute(progress: (done: number, total: number | null) => void) {
    const result = await this.disparity.compute((stage, done, total) => {
      if (stage === 'measuring') progress(done, total);
    });
    // Then the inconsistent pairs, on the same data version unless an import landed in between
    // (the pairs then say the newer version they were computed on).
    const pairs = await this.inconsistency.compute((done, total) => progress(done, total));
    return {
      disparityResultId: result.id,
      inconsistencyResultId: pairs.id,
      inconsistentPairs: pairs.pairs.length,
      computedAt: result.computedAt.toISOString(),
      precedents: result.precedents,
    };
  }
}

function emptySummary(): ImportSummary {
  return { imported: 0, updated: 0, rejected: 0, errors: [] };
}

type ImportCounts = Pick<
  AnalyticsJob,
  'recordsRead' | 'recordsImported' | 'recordsUpdated' | 'recordsRejected' | 'problems'
>;
type JobProgress = Partial<Pick<AnalyticsJob, 'done' | 'total'> & ImportCounts>;

function countsOf(summary: ImportSummary, records: number): ImportCounts {
  return {
    recordsRead: records,
    recordsImported: summary.imported,
    recordsUpdated: summary.updated,
    recordsRejected: summary.rejected,
    problems: summary.errors,
  };
}
