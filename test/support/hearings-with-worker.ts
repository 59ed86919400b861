import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { HEARINGS_QUEUE } from '@precedent/hearings';
import { type SignedInUser, startTestApi, type TestApi } from './test-api';
import type { TestClock } from './test-clock';
import { arriveDelayedJobs, startTestWorker } from './test-worker';

/**
 * Hearings whose notices go out through the outbox and the worker, on this file's database and the
 * test's clock: an appropriate authority and an investigator of `team` signed in.
 */
export interface HearingsWithWorker {
  api: TestApi;
  worker: INestApplication;
  authority: SignedInUser;
  investigator: SignedInUser;
  /** The day the delayed notices wait for arrives: BullMQ is told to run them now. */
  arriveAll(): Promise<void>;
  /** The reasons of the case timeline's `notice_sent` entries, in timeline order. */
  noticesSent(caseId: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function startHearingsWithWorker(options: {
  clock: TestClock;
  team: string;
}): Promise<HearingsWithWorker> {
  const api = await startTestApi({ clock: options.clock });
  // the worker decides which notices are due on the same day as the API: one clock for both
  const worker = await startTestWorker({ clock: options.clock });
  const queue = worker.get<Queue>(getQueueToken(HEARINGS_QUEUE), { strict: false });
  const authority = await api.signedIn(['appropriate_authority']);
  const investigator = await api.signedIn(['investigator'], { team: options.team });
  return {
    api,
    worker,
    authority,
    investigator,
    arriveAll: () => arriveDelayedJobs(api.dataSource, queue),
    async noticesSent(caseId) {
      const timeline = await api
        .http()
        .get(`/api/cases/${caseId}/timeline`)
        .set(investigator.auth)
        .expect(200);
      return (timeline.body.items as { kind: string; reason: string }[])
        .filter((e) => e.kind === 'notice_sent')
        .map((e) => e.reason);
    },
    async close() {
      await worker.close();
      await api.close();
    },
  };
}
