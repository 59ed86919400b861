import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, listenForBrowser, signIn } from './browser';
import { startTestApi, type TestApi } from './test-api';
import { startTestWorker } from './test-worker';

/**
 * A browser journey whose evidence the worker processes: the API listening for Chromium, the worker on
 * the file's database, and evidence stored in a temporary folder of the file's own.
 */
export interface BrowserWithWorker {
  api: TestApi;
  worker: INestApplication;
  browser: Browser;
  base: string;
  evidenceDir: string;
  /** Signs in through the sign-in form and expects to land on `next`. */
  signIn(page: Page, user: { username: string; password: string }, next: string): Promise<void>;
  /** Stops the browser, the worker and the API, and removes the evidence folder. */
  close(): Promise<void>;
}

export async function startBrowserWithWorker(folderPrefix: string): Promise<BrowserWithWorker> {
  const evidenceDir = await mkdtemp(join(tmpdir(), `${folderPrefix}-`));
  process.env.EVIDENCE_DIR = evidenceDir;
  const api = await startTestApi();
  const worker = await startTestWorker();
  const base = await listenForBrowser(api);
  const browser = await launchBrowser();
  return {
    api,
    worker,
    browser,
    base,
    evidenceDir,
    signIn: (page, user, next) => signIn(page, base, user, next),
    async close() {
      await browser.close();
      await worker.close();
      await api.close();
      await rm(evidenceDir, { recursive: true, force: true });
      delete process.env.EVIDENCE_DIR;
    },
  };
}
