import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { pngWithText } from '../support/evidence-fixtures';
import { startTestApi, type TestApi, bytesOf } from '../support/test-api';

describe('the hearing bundle PDF', () => {
  let api: TestApi;
  let evidenceDir: string;

  beforeAll(async () => {
    evidenceDir = await mkdtemp(join(tmpdir(), 'precedent-bundle-'));
    process.env.EVIDENCE_DIR = evidenceDir;
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
    await rm(evidenceDir, { recursive: true, force: true });
    delete process.env.EVIDENCE_DIR;
  });

  it('opens, and lists the case, the allegations, the comments in full and every evidence file with its SHA-256; the export is on the custody log', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'west' });
    const created = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({
        source: 'psd_direct',
        receivedAt: '2026-11-02',
        summary: 'Comments in a response team group chat.',
      })
      .expect(201);
    const caseId = created.body.id as string;
    const subject = await api
      .http()
      .post(`/api/cases/${caseId}/subjects`)
      .set(investigator.auth)
      .send({ name: 'PC Jordan Fictional', staffNumber: '4821', role: 'constable', force: 'kent' })
      .expect(201);
    await api
      .http()
      .post(`/api/cases/${caseId}/allegations`)
      .set(investigator.auth)
      .send({
        subjectId: subject.body.id,
        standards: ['discreditable_conduct'],
        description: 'Posted a mocking comment about a victim.',
      })
      .expect(201);
    await api
      .http()
      .post(`/api/cases/${caseId}/conduct-items`)
      .set(investigator.auth)
      .send({
        platform: 'whatsapp',
        audience: 'private_group',
        text: 'Fictional words at issue, quoted in full.',
        categories: ['mocking_victims_or_public'],
      })
      .expect(201);
    const png = await pngWithText(['Fictional screenshot']);
    const sha256 = createHash('sha256').update(png).digest('hex');
    const uploaded = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(investigator.auth)
      .attach('file', png, 'screenshot.png')
      .expect(201);

    const response = await api
      .http()
      .get(`/api/cases/${caseId}/bundle.pdf`)
      .set(investigator.auth)
      .buffer(true)
      .parse(bytesOf)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain(`Hearing bundle ${created.body.reference}`);
    expect(text).toContain('Posted a mocking comment about a victim.');
    expect(text).toContain('Fictional words at issue, quoted in full.');
    expect(text).toContain(`SHA-256 ${sha256}`);
    expect(text).toContain('Official – Sensitive');

    const custody = await api
      .http()
      .get(`/api/evidence/${uploaded.body.id}/custody`)
      .set(investigator.auth)
      .expect(200);
    const actions = (custody.body.items ?? custody.body).map((event: { action: string }) => event.action);
    expect(actions).toContain('exported');

    const outsider = await api.signedIn(['investigator'], { team: 'east' });
    await api.http().get(`/api/cases/${caseId}/bundle.pdf`).set(outsider.auth).expect(404);
  });
});
