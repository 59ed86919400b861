import { existsSync, readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AUDIT_ANCHOR_SCHEDULER, AUDIT_QUEUE, AuditJob } from '@precedent/audit';
import { EVIDENCE_INTEGRITY_QUEUE, EVIDENCE_VERIFY_SCHEDULE } from '@precedent/evidence';
import { HEARINGS_QUEUE, PUBLICATION_SCHEDULER } from '@precedent/hearings';
import { REPORTING_QUEUE, RETENTION_SCHEDULER } from '@precedent/reporting';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, jobSchedulers, startTestWorker } from '../support/test-worker';

/**
 * Repeating work is registered by every worker as it starts, under a fixed scheduler id: with two
 * workers there is still one schedule a queue, and its first run (the audit anchor written at once)
 * happens once, not once a worker.
 */
describe('scheduled jobs with two workers', () => {
  let api: TestApi;
  const workers: INestApplication[] = [];

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await api?.close();
  });

  const workerAnchors = () =>
    existsSync(process.env.AUDIT_ANCHOR_FILE!)
      ? readFileSync(process.env.AUDIT_ANCHOR_FILE!, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as { by: string })
          .filter((anchor) => anchor.by === 'worker')
      : [];

  it('keeps one schedule a queue and runs the first audit anchor once', async () => {
    await api.signedIn(['investigator']); // an audit event to anchor
    workers.push(await startTestWorker(), await startTestWorker());
    await eventually(async () => workerAnchors().length > 0, { what: "a worker's first anchor" });
    // closing both waits for their jobs and their Redis commands (each registered the schedule)
    for (const worker of workers.splice(0)) await worker.close();

    expect(workerAnchors()).toHaveLength(1);
    const queue = new Queue(AUDIT_QUEUE, {
      connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      const pending = (await queue.getJobs(['waiting', 'prioritized', 'active', 'delayed'])).filter(
        (job) => job.name === AuditJob.AnchorHead,
      );
      // only the next hour's anchor waits; no second "first" anchor is left due now
      expect(pending.filter((job) => job.timestamp + (job.delay ?? 0) <= Date.now())).toEqual([]);
      expect(pending).toHaveLength(1);
    } finally {
      await queue.close();
    }

    // (the harvest of peers' feeds is scheduled only when PEERS names some; none here)
    const schedules = {
      [AUDIT_QUEUE]: AUDIT_ANCHOR_SCHEDULER,
      [EVIDENCE_INTEGRITY_QUEUE]: EVIDENCE_VERIFY_SCHEDULE.id,
      [HEARINGS_QUEUE]: PUBLICATION_SCHEDULER,
      [REPORTING_QUEUE]: RETENTION_SCHEDULER,
    };
    for (const [queueName, id] of Object.entries(schedules))
      expect({ queueName, keys: (await jobSchedulers(queueName)).map((s) => s.key) }).toEqual({
        queueName,
        keys: [id],
      });
  }, 120_000);
});
