import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditContext } from '@precedent/audit';
import { Clock, NotFoundError, Outbox } from '@precedent/platform';
import { ANALYTICS_QUEUE, AnalyticsJobName } from '../analytics.jobs';
import { AnalyticsJob, type AnalyticsJobKind } from '../store/analytics-job.entity';
import { PrecedentStore } from '../store/precedent-store.service';
import { DisparityService } from './disparity.service';

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
    await repo.update({ id }, { status: 'running', done: 0 });
    let lastWrite = 0;
    const progress = (done: number, total: number | null) => {
      const now = Date.now();
      if (now - lastWrite < 500) return;
      lastWrite = now;
      void repo.update({ id }, { done, total });
    };
    try {
      const result =
        job.kind === 'import' ? await this.runImport(job, progress) : await this.runRecompute(progress);
      await repo.update({ id }, { status: 'succeeded', result, finishedAt: this.clock.now() });
    } catch (error) {
      this.logger.error(`Analytics job ${id} failed: ${(error as Error).message}`);
      await repo.update(
        { id },
        { status: 'failed', error: (error as Error).message, finishedAt: this.clock.now() },
      );
    }
    return this.get(id);
  }

  private async runImport(job: AnalyticsJob, progress: (done: number, total: number | null) => void) {
    const path = String(job.input.path);
    const size = Number(job.input.bytes ?? 0) || null;
    try {
      const summary = await this.store.import(createReadStream(path), {
        strict: job.input.strict === true,
        onProgress: ({ bytes }) => progress(bytes, size),
      });
      return { ...summary };
    } finally {
      // The upload was only kept for the job: the store now holds what was valid in it.
      await rm(path, { force: true });
    }
  }

  private async runRecompute(progress: (done: number, total: number | null) => void) {
    const result = await this.disparity.compute((stage, done, total) => {
      if (stage === 'measuring') progress(done, total);
    });
    return {
      disparityResultId: result.id,
      computedAt: result.computedAt.toISOString(),
      precedents: result.precedents,
    };
  }
}
