import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from './test-api';
import { startTestWorker } from './test-worker';

/**
 * Evidence processed by the worker: the API and the worker on this file's database, evidence stored in
 * a temporary folder of the file's own, and an investigator of the east team signed in.
 */
export interface EvidenceWithWorker {
  api: TestApi;
  worker: INestApplication;
  evidenceDir: string;
  auth: { Authorization: string };
  /** Opens a case (received directly by PSD) for the investigator; returns its id. */
  newCase(summary: string): Promise<string>;
  /** Stops the worker and the API and removes the evidence folder. */
  close(): Promise<void>;
}

export async function startEvidenceWithWorker(): Promise<EvidenceWithWorker> {
  const evidenceDir = await mkdtemp(join(tmpdir(), 'precedent-evidence-'));
  process.env.EVIDENCE_DIR = evidenceDir;
  const api = await startTestApi();
  const worker = await startTestWorker();
  const auth = (await api.signedIn(['investigator'], { team: 'east' })).auth;
  return {
    api,
    worker,
    evidenceDir,
    auth,
    async newCase(summary) {
      const created = await api
        .http()
        .post('/api/cases')
        .set(auth)
        .send({ source: 'psd_direct', receivedAt: '2026-11-02', summary })
        .expect(201);
      return created.body.id as string;
    },
    async close() {
      await worker.close();
      await api.close();
      await rm(evidenceDir, { recursive: true, force: true });
      delete process.env.EVIDENCE_DIR;
    },
  };
}
