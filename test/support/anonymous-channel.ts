import type { INestApplication } from '@nestjs/common';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import { SignedInUser, startTestApi, TestApi } from './test-api';
import { startTestReporter, TestReporter } from './test-reporter';
import { startTestWorker } from './test-worker';

/**
 * The anonymous channel end to end on this file's database: the staff API, the reporter portal, an
 * appropriate authority signed in, and the worker once the scenario starts it.
 */
export interface AnonymousChannel {
  api: TestApi;
  reporter: TestReporter;
  authority: SignedInUser;
  dataSource: DataSource;
  /** The id of the report with this summary in PSD's inbox. */
  reportIdOf(summary: string): Promise<string>;
  /** Starts the worker (processors and the outbox relay); `close` stops it. */
  startWorker(): Promise<INestApplication>;
  close(): Promise<void>;
}

export async function startAnonymousChannel(): Promise<AnonymousChannel> {
  const api = await startTestApi();
  const reporter = await startTestReporter();
  const authority = await api.signedIn(['appropriate_authority']);
  let worker: INestApplication | undefined;
  return {
    api,
    reporter,
    authority,
    dataSource: reporter.dataSource,
    reportIdOf: (summary) => inboxReportId(api, authority, summary),
    async startWorker() {
      worker = await startTestWorker();
      return worker;
    },
    async close() {
      await worker?.close();
      await reporter.close();
      await api.close();
    },
  };
}

/** The id of the report with this summary in PSD's inbox, as `staff` sees it. */
export async function inboxReportId(api: TestApi, staff: SignedInUser, summary: string): Promise<string> {
  const list = await api.http().get('/api/anonymous-reports').set(staff.auth).expect(200);
  const item = (list.body.items as { id: string; summary: string }[]).find((i) => i.summary === summary);
  if (!item) throw new Error(`no report "${summary}" in the inbox`);
  return item.id;
}

/** A small blank PNG, as a reporter's screenshot. */
export function blankScreenshot(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
}
