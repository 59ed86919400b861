import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, rm } from 'node:fs/promises';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditContext } from '@precedent/audit';
import { Clock, NotFoundError, Outbox } from '@precedent/platform';
import { ANALYTICS_QUEUE, AnalyticsJobName } from '../analytics.jobs';
import { AnalyticsJob, type AnalyticsJobKind } from '../store/analytics-job.entity';
import {
  type ImportCheckpoint,
  ImportInterruptedError,
  ImportStoppedError,
  PrecedentStore,
  type ImportProgress,
  type ImportSummary,
} from '../store/precedent-store.service';
import { HEARTBEAT_MS } from '../store/job-health.rules';
import { DisparityService } from './disparity.service';
import { InconsistencyService } from './inconsistency.service';
import { RECOMPUTE_RUNNER, type RecomputeRunner } from './recompute-runner';

/** A job handed back because its process is stopping: the queue runs it again, from its checkpoint. */
export class AnalyticsJobStoppedError extends Error {
  constructor(readonly jobId: string) {
    super(`Analytics job ${jobId} stopped between two batches; it resumes from the last one committed.`);
    this.name = 'AnalyticsJobStoppedError';
  }
}

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
    @Optional() @Inject(RECOMPUTE_RUNNER) private readonly recomputeRunner?: RecomputeRunner,
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

  /**
   * Runs a queued job. A finished job is left as it is, so a redelivered message does nothing. A job
   * whose earlier run stopped (its worker killed, or stopped between batches) is taken up again: an
   * import resumes after its last committed batch with the counts recorded with it, so the result is
   * that of one uninterrupted run. Each run owns the job by a token: a run taken over (a worker that
   * was only frozen) writes nothing more. With `signal` aborted, an import stops between batches and
   * throws AnalyticsJobStoppedError, keeping its file and checkpoint for the next run.
   */
  async run(id: string, options: { signal?: AbortSignal } = {}): Promise<AnalyticsJob> {
    const repo = this.dataSource.getRepository(AnalyticsJob);
    const job = await this.get(id);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    const token = randomUUID();
    const interrupted = job.startedAt !== null;
    const resumeFrom = job.kind === 'import' && job.input.strict !== true ? job.checkpoint : null;
    if (interrupted)
      this.logger.warn(
        `Analytics job ${id} was interrupted before it finished; ${resumeFrom ? `resuming after line ${resumeFrom.lines}` : 'starting it again'}.`,
      );
    await repo.update(
      { id },
      {
        status: 'running',
        runToken: token,
        heartbeatAt: this.clock.now(),
        interruptions: interrupted ? job.interruptions + 1 : job.interruptions,
        startedAt: job.startedAt ?? this.clock.now(),
        done: resumeFrom?.bytes ?? 0,
        checkpoint: resumeFrom,
        ...(resumeFrom ? countsOf(resumeFrom.summary, resumeFrom.records) : countsOf(emptySummary(), 0)),
      },
    );
    const owned = { id, runToken: token };
    let lastWrite = 0;
    // Progress writes go one after another, and the final write after them all, so a slow
    // progress write can never land after (and overwrite) the finished counts.
    let writes: Promise<unknown> = Promise.resolve();
    const progress = (changes: JobProgress) => {
      const now = Date.now();
      if (now - lastWrite < 500) return;
      lastWrite = now;
      writes = writes
        .then(() => repo.update(owned, { ...changes, heartbeatAt: this.clock.now() }))
        .catch(() => undefined);
    };
    // the heartbeat says the run is alive even between progress reports; it stops when the process does
    const heartbeat = setInterval(() => {
      writes = writes
        .then(() => repo.update(owned, { heartbeatAt: this.clock.now() }))
        .catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    let keepFile = false;
    try {
      const finished =
        job.kind === 'import'
          ? await this.runImport(job, token, progress, resumeFrom, options.signal)
          : { result: await this.runRecompute((done, total) => progress({ done, total })) };
      clearInterval(heartbeat);
      await writes;
      await repo.update(owned, {
        status: 'succeeded',
        ...finished,
        checkpoint: null,
        finishedAt: this.clock.now(),
      });
    } catch (error) {
      clearInterval(heartbeat);
      await writes;
      if (error instanceof ImportInterruptedError && error.reason instanceof ImportStoppedError) {
        // handed back: the next run resumes from the checkpoint the last batch wrote
        keepFile = true;
        await repo.update(owned, { status: 'queued', runToken: null });
        throw new AnalyticsJobStoppedError(id);
      }
      this.logger.error(`Analytics job ${id} failed: ${(error as Error).message}`);
      // An interrupted import keeps its counts: what it committed stays in the store.
      const partial =
        error instanceof ImportInterruptedError
          ? {
              ...countsOf(error.summary, error.records),
              result: { ...error.summary, records: error.records },
            }
          : {};
      const written = await repo.update(owned, {
        status: 'failed',
        error: (error as Error).message,
        ...partial,
        checkpoint: null,
        finishedAt: this.clock.now(),
      });
      // a run taken over by another leaves the file to that run
      if (!written.affected) keepFile = true;
    } finally {
      // The upload was only kept for the job: the store now holds what was valid in it.
      if (job.kind === 'import' && !keepFile) await rm(String(job.input.path), { force: true });
    }
    return this.get(id);
  }

  private async runImport(
    job: AnalyticsJob,
    token: string,
    progress: (changes: JobProgress) => void,
    resumeFrom: ImportCheckpoint | null,
    signal: AbortSignal | undefined,
  ) {
    const path = String(job.input.path);
    const size = Number(job.input.bytes ?? 0) || null;
    let records = resumeFrom?.records ?? 0;
    await access(path).catch(() => {
      throw new Error(
        'The uploaded file is no longer in the imports folder (IMPORTS_DIR), so nothing was imported: upload it again.',
      );
    });
    const summary = await this.store.import(createReadStream(path), {
      strict: job.input.strict === true,
      resumeFrom,
      signal,
      checkpoint: async (em, at) => {
        const owned: unknown[] = await em.query(
          `UPDATE analytics_jobs SET checkpoint = $1, heartbeat_at = now() WHERE id = $2 AND run_token = $3 RETURNING id`,
          [JSON.stringify(at), job.id, token],
        );
        if (owned.length === 0)
          throw new Error('Another run has taken this import over: this run stops without writing.');
      },
      onProgress: (at: ImportProgress) => {
        records = at.records;
        progress({ done: at.bytes, total: size, ...countsOf(at.summary, at.records) });
      },
    });
    // the store's last progress report, always sent at the end, holds the final count read
    return { result: { ...summary, records }, ...countsOf(summary, records) };
  }

  private async runRecompute(progress: (done: number, total: number | null) => void) {
    const result = await (this.recomputeRunner ?? this.disparity).compute((stage, done, total) => {
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
