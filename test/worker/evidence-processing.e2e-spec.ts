import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  EVIDENCE_INTEGRITY_QUEUE,
  EVIDENCE_VERIFY_SCHEDULE,
  EvidenceJob,
  LocalEvidenceStorage,
} from '@precedent/evidence';
import { jpegWithExif, pngWithText, truncatedPng } from '../support/evidence-fixtures';
import { EvidenceWithWorker, startEvidenceWithWorker } from '../support/evidence-with-worker';
import { bytesOf, type TestApi } from '../support/test-api';
import { eventually } from '../support/test-worker';

describe('evidence processing in the worker: thumbnails, EXIF and offline OCR', () => {
  let evidence: EvidenceWithWorker;
  let api: TestApi;
  let auth: { Authorization: string };
  let caseId: string;

  beforeAll(async () => {
    evidence = await startEvidenceWithWorker();
    ({ api, auth } = evidence);
    caseId = await evidence.newCase('Screenshots of a team group chat.');
  });
  afterAll(() => evidence?.close());

  async function upload(bytes: Buffer, name: string): Promise<string> {
    const response = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(auth)
      .attach('file', bytes, name)
      .expect(201);
    expect(response.body.status).toBe('queued');
    return response.body.id as string;
  }

  interface ItemBody {
    status: string;
    type: string;
    sha256: string;
    error?: string;
    image: { thumbnailUrl: string; previewUrl: string } | null;
    ocr: { text: string } | null;
  }

  async function settled(id: string): Promise<ItemBody> {
    return eventually(
      async () => {
        const item = await api.http().get(`/api/evidence/${id}`).set(auth).expect(200);
        return ['processed', 'failed'].includes(item.body.status) ? (item.body as ItemBody) : undefined;
      },
      { what: `evidence ${id} to be processed`, timeoutMs: 45_000, intervalMs: 300 },
    );
  }

  it('reads the text of a screenshot offline, with word boxes, and makes a thumbnail and a preview', async () => {
    const png = await pngWithText(['Fictional meeting at the depot', 'Bring the rota on Friday']);
    const id = await upload(png, 'screenshot.png');
    const item = await settled(id);

    expect(item).toMatchObject({ status: 'processed', image: { format: 'png', width: 900, height: 172 } });
    expect(item.error).toBeUndefined();
    expect(item.ocr!.text).toMatch(/Fictional meeting at the depot/);
    expect(item.ocr!.text).toMatch(/Bring the rota on Friday/);

    const ocr = await api.http().get(`/api/evidence/${id}/ocr`).set(auth).expect(200);
    const depot = ocr.body.words.find((w: { text: string }) => w.text === 'depot');
    expect(depot).toMatchObject({ line: 0, confidence: expect.any(Number) });
    const [left, top, right, bottom] = depot.box as number[];
    expect(left).toBeGreaterThan(300);
    expect(right).toBeLessThan(900);
    expect(top).toBeGreaterThan(20);
    expect(bottom).toBeLessThan(90);
    expect(ocr.body.words.find((w: { text: string }) => w.text === 'Friday').line).toBe(1);
    // nothing fetched or cached at run time: the language data came from the npm package
    expect(existsSync(join(process.cwd(), 'eng.traineddata'))).toBe(false);

    const thumbnail = await api
      .http()
      .get(item.image!.thumbnailUrl)
      .set(auth)
      .buffer(true)
      .parse(bytesOf)
      .expect(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    const thumbInfo = await sharp(thumbnail.body as Buffer).metadata();
    expect(thumbInfo).toMatchObject({ format: 'webp', width: 320 });
    await api.http().get(item.image!.previewUrl).set(auth).expect(200);

    const custody = await api.http().get(`/api/evidence/${id}/custody`).set(auth).expect(200);
    const processed = custody.body.items.find((e: { action: string }) => e.action === 'processed');
    expect(processed).toMatchObject({
      actor: { id: null, name: 'system:evidence-processing' },
      sha256: item.sha256,
    });
    expect(custody.body.items.map((e: { action: string }) => e.action)).toEqual([
      'uploaded',
      ...Array(custody.body.items.length - 2).fill(expect.stringMatching(/^(viewed|processed)$/)),
      'viewed',
    ]);
  }, 60_000);

  it('extracts the EXIF a camera or phone wrote', async () => {
    const id = await upload(await jpegWithExif(), 'photo.jpg');
    const item = await settled(id);
    expect(item.status).toBe('processed');
    expect(item.image).toMatchObject({
      format: 'jpeg',
      width: 640,
      height: 480,
      exif: { Make: 'FictionalPhone', Model: 'Model 7', Software: 'Precedent test' },
    });
  }, 60_000);

  it('marks a corrupt image failed with the reason, at once, and keeps the original intact and verifiable', async () => {
    const id = await upload(await truncatedPng(), 'broken.png');
    const item = await settled(id);
    expect(item.status).toBe('failed');
    expect(item.error).toMatch(
      /The image could not be decoded \(.+\)\. The original bytes are kept unchanged/,
    );
    expect(item.type).toBe('image/png');

    const verified = await api.http().post(`/api/evidence/${id}/verify`).set(auth).expect(200);
    expect(verified.body.result).toBe('intact');
    const custody = await api.http().get(`/api/evidence/${id}/custody`).set(auth).expect(200);
    const failed = custody.body.items.filter((e: { action: string }) => e.action === 'processing_failed');
    expect(failed).toHaveLength(1);
    // an unrecoverable failure is not retried
    const [{ attempts }] = await api.dataSource.query<{ attempts: number }[]>(
      `SELECT processing_attempts AS attempts FROM evidence_items WHERE id = $1`,
      [id],
    );
    expect(attempts).toBe(1);
  }, 60_000);

  it('re-hashes every item on a nightly schedule and raises an alert for a changed file', async () => {
    const queue = evidence.worker.get<Queue>(getQueueToken(EVIDENCE_INTEGRITY_QUEUE), { strict: false });
    // registered in the background when the worker starts
    const schedule = await eventually(() => queue.getJobScheduler(EVIDENCE_VERIFY_SCHEDULE.id), {
      what: 'the nightly schedule',
    });
    expect(schedule).toMatchObject({ pattern: '0 2 * * *', tz: 'Europe/London' });

    const uploaded = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(auth)
      .attach('file', await pngWithText(['Fictional words to keep']), 'kept.png')
      .expect(201);
    const path = new LocalEvidenceStorage(evidence.evidenceDir).pathOf(uploaded.body.sha256 as string);
    await chmod(path, 0o644);
    await writeFile(path, 'changed on disk');

    await queue.add(EvidenceJob.VerifyAll, {});
    const alert = await eventually(
      async () => {
        const [row] = await api.dataSource.query<{ actor_name: string; result: string; details: string }[]>(
          `SELECT actor_name, result, details FROM audit_events WHERE action = 'evidence.integrity_alert' AND entity_id = $1`,
          [uploaded.body.id],
        );
        return row;
      },
      { what: 'the integrity alert', timeoutMs: 45_000 },
    );
    expect(alert).toMatchObject({ actor_name: 'system:evidence-integrity', result: 'failure' });
    expect(JSON.parse(alert.details)).toMatchObject({ result: 'mismatch', expected: uploaded.body.sha256 });

    const item = await api.http().get(`/api/evidence/${uploaded.body.id}`).set(auth).expect(200);
    expect(item.body.integrity.status).toBe('mismatch');
    // the other items were checked too, and found intact
    const [{ intact }] = await api.dataSource.query<{ intact: string }[]>(
      `SELECT count(*) AS intact FROM evidence_items WHERE integrity = 'intact'`,
    );
    expect(Number(intact)).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
