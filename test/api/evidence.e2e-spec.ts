import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEvidenceStorage } from '@precedent/evidence';
import { pngWithText } from '../support/evidence-fixtures';
import { startTestApi, TestApi, bytesOf } from '../support/test-api';

describe('evidence upload, reads, custody and integrity', () => {
  let api: TestApi;
  let evidenceDir: string;

  beforeAll(async () => {
    evidenceDir = await mkdtemp(join(tmpdir(), 'precedent-evidence-'));
    process.env.EVIDENCE_DIR = evidenceDir;
    // a small limit, so the over-limit test sends 1.5 MB rather than 500 MB
    process.env.EVIDENCE_MAX_FILE_MB = '1';
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
    await rm(evidenceDir, { recursive: true, force: true });
    delete process.env.EVIDENCE_DIR;
    delete process.env.EVIDENCE_MAX_FILE_MB;
  });

  async function newCase(auth: { Authorization: string }): Promise<string> {
    const created = await api
      .http()
      .post('/api/cases')
      .set(auth)
      .send({ source: 'psd_direct', receivedAt: '2026-11-02', summary: 'Screenshots of a team group chat.' })
      .expect(201);
    return created.body.id as string;
  }

  async function stagingLeft(): Promise<string[]> {
    return readdir(join(evidenceDir, 'staging')).catch(() => []);
  }

  it('stores an upload by its hash with the capture metadata, and a repeat of the same bytes is the same item', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const caseId = await newCase(investigator.auth);
    const png = await pngWithText(['Fictional group chat']);
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(png).digest('hex');

    const first = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(investigator.auth)
      .field('capturedAt', '2026-11-02T21:14:00Z')
      .field('capturedBy', 'DC Alex Fictional')
      .field('sourceUrl', 'https://chat.example/group/123')
      .field('platform', 'whatsapp')
      .field('accountHandle', '+44 7700 900000')
      .field('description', 'Screenshot sent by the reporter')
      .attach('file', png, { filename: 'chat screenshot.txt', contentType: 'text/plain' })
      .expect(201);
    // the type comes from the bytes, not the name or the claimed content type
    expect(first.body).toEqual({
      id: expect.any(String),
      sha256,
      size: png.length,
      type: 'image/png',
      status: 'queued',
      duplicate: false,
    });
    const stored = new LocalEvidenceStorage(evidenceDir).pathOf(sha256);
    expect(stored).toContain(join('sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    expect(await stagingLeft()).toEqual([]);

    const again = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(investigator.auth)
      .attach('file', png, 'same-bytes-other-name.png')
      .expect(200);
    expect(again.body).toMatchObject({ id: first.body.id, sha256, duplicate: true });
    expect(again.body.message).toMatch(/already evidence item/);

    const list = await api.http().get(`/api/cases/${caseId}/evidence`).set(investigator.auth).expect(200);
    expect(list.body.total).toBe(1);
    const item = await api.http().get(`/api/evidence/${first.body.id}`).set(investigator.auth).expect(200);
    expect(item.body).toMatchObject({
      caseId,
      originalName: 'chat screenshot.txt',
      type: 'image/png',
      sha256,
      steps: ['thumbnail', 'metadata', 'ocr'],
      uploadedBy: { id: investigator.id, name: investigator.username },
      capture: {
        capturedAt: '2026-11-02T21:14:00.000Z',
        capturedBy: 'DC Alex Fictional',
        sourceUrl: 'https://chat.example/group/123',
        platform: 'whatsapp',
        accountHandle: '+44 7700 900000',
        description: 'Screenshot sent by the reporter',
      },
      integrity: { status: 'unchecked', checkedAt: null },
    });

    const download = await api
      .http()
      .get(`/api/evidence/${first.body.id}/content`)
      .set(investigator.auth)
      .buffer(true)
      .parse(bytesOf)
      .expect(200);
    expect(download.headers['x-evidence-sha256']).toBe(sha256);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(Buffer.compare(download.body as Buffer, png)).toBe(0);

    const custody = await api
      .http()
      .get(`/api/evidence/${first.body.id}/custody`)
      .set(investigator.auth)
      .expect(200);
    expect(custody.body.items.map((e: { action: string }) => e.action)).toEqual([
      'uploaded',
      'upload_repeated',
      'viewed',
      'downloaded',
    ]);
    for (const event of custody.body.items) {
      expect(event).toMatchObject({ sha256, actor: { id: investigator.id, name: investigator.username } });
      expect(event.requestId).toEqual(expect.any(String));
    }

    const [{ n }] = await api.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_events WHERE entity_type = 'evidence' AND entity_id = $1`,
      [first.body.id],
    );
    expect(Number(n)).toBe(4 + 1); // the four custody events, and the read of the custody log
    await expect(api.dataSource.query(`DELETE FROM evidence_custody_events`)).rejects.toThrow(/append-only/);
  });

  it('refuses a type that is not accepted, naming what it is and what is accepted, and keeps nothing', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const caseId = await newCase(investigator.auth);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0x90)]);
    exe.write('PE\0\0', 0x80, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    const refused = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(investigator.auth)
      .attach('file', exe, 'holiday-photo.png')
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'evidence_type_not_accepted' });
    expect(refused.body.message).toMatch(
      /not accepted as evidence\. Accepted: PNG, JPEG, WebP, GIF, PDF, ZIP/,
    );
    expect(refused.body.message).toMatch(/not its name/);

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refusedSvg = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(investigator.auth)
      .attach('file', svg, 'x.txt')
      .expect(422);
    expect(refusedSvg.body.details.detected).toBe('an XML or SVG document');

    const list = await api.http().get(`/api/cases/${caseId}/evidence`).set(investigator.auth).expect(200);
    expect(list.body.total).toBe(0);
    expect(await stagingLeft()).toEqual([]);
  });

  it('accepts the text formats, each recognised from its content', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const caseId = await newCase(investigator.auth);
    const cases: [string, string][] = [
      [
        'window.YTD.tweets.part0 = [ { "tweet": { "id_str": "1", "full_text": "fictional" } } ]',
        'text/javascript',
      ],
      ['{ "comments_v2": [] }', 'application/json'],
      ['<!DOCTYPE html><html><body>Your archive</body></html>', 'text/html'],
      ['02/11/2026, 21:14 - Sam Fictional: see you at six', 'text/plain'],
    ];
    for (const [content, type] of cases) {
      const response = await api
        .http()
        .post(`/api/cases/${caseId}/evidence`)
        .set(investigator.auth)
        .attach('file', Buffer.from(content), 'export.bin')
        .expect(201);
      // text, X data and JSON may be exports, queued for parsing; HTML has nothing to process yet
      expect(response.body).toMatchObject({
        type,
        status: type === 'text/html' ? 'processed' : 'queued',
        duplicate: false,
      });
    }
  });

  it('refuses a file over the configured limit with the limit in words, and keeps nothing', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const caseId = await newCase(investigator.auth);
    const big = Buffer.alloc(1.5 * 1024 * 1024, 'a');
    const refused = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(investigator.auth)
      .attach('file', big, 'big.txt')
      .expect(413);
    expect(refused.body).toMatchObject({ code: 'evidence_too_large' });
    expect(refused.body.message).toMatch(/larger than the 1 MB allowed/);
    const list = await api.http().get(`/api/cases/${caseId}/evidence`).set(investigator.auth).expect(200);
    expect(list.body.total).toBe(0);
    expect(await stagingLeft()).toEqual([]);
  });

  it('says what is missing when no file is sent, and refuses bad capture metadata by field', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const caseId = await newCase(investigator.auth);
    const none = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(investigator.auth)
      .field('description', 'forgot the file')
      .expect(422);
    expect(none.body).toMatchObject({ code: 'evidence_file_missing' });

    const bad = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(investigator.auth)
      .field('platform', 'myspace')
      .attach('file', Buffer.from('some text'), 'a.txt')
      .expect(400);
    expect(JSON.stringify(bad.body.details)).toMatch(/platform must be one of: facebook/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stagingLeft()).toEqual([]);
  });

  it('answers 404 to a user without access to the case, for every evidence route', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const outsider = await api.signedIn(['investigator'], { team: 'west' });
    const caseId = await newCase(investigator.auth);
    const uploaded = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(investigator.auth)
      .attach('file', Buffer.from('fictional note'), 'note.txt')
      .expect(201);
    const id = uploaded.body.id as string;

    await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(outsider.auth)
      .attach('file', Buffer.from('another note'), 'note.txt')
      .expect(404);
    await api.http().get(`/api/cases/${caseId}/evidence`).set(outsider.auth).expect(404);
    for (const path of ['', '/content', '/custody', '/ocr', '/thumbnail'])
      await api.http().get(`/api/evidence/${id}${path}`).set(outsider.auth).expect(404);
    await api.http().post(`/api/evidence/${id}/verify`).set(outsider.auth).expect(404);
    const notFound = await api.http().get(`/api/evidence/${id}`).set(outsider.auth).expect(404);
    expect(notFound.body.message).toMatch(/No evidence item with id .* or you do not have access to it/);

    const custody = await api.http().get(`/api/evidence/${id}/custody`).set(investigator.auth).expect(200);
    expect(custody.body.items.map((e: { action: string }) => e.action)).toEqual(['uploaded']);
    expect(await stagingLeft()).toEqual([]);
  });

  it('verifies the stored bytes, and detects a tampered or missing file', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const caseId = await newCase(investigator.auth);
    const uploaded = await api
      .http()
      .post(`/api/cases/${caseId}/evidence`)
      .set(investigator.auth)
      .attach('file', Buffer.from('the original fictional words'), 'original.txt')
      .expect(201);
    const { id, sha256 } = uploaded.body as { id: string; sha256: string };

    const intact = await api.http().post(`/api/evidence/${id}/verify`).set(investigator.auth).expect(200);
    expect(intact.body).toMatchObject({
      result: 'intact',
      intact: true,
      expectedSha256: sha256,
      actualSha256: sha256,
    });

    // someone with access to the disk changes the stored file
    const path = new LocalEvidenceStorage(evidenceDir).pathOf(sha256);
    await chmod(path, 0o644);
    await writeFile(path, 'the altered fictional words');
    const tampered = await api.http().post(`/api/evidence/${id}/verify`).set(investigator.auth).expect(200);
    expect(tampered.body).toMatchObject({ result: 'mismatch', intact: false, expectedSha256: sha256 });
    expect(tampered.body.actualSha256).not.toBe(sha256);
    expect(tampered.body.message).toMatch(/have been changed/);

    await rm(path);
    const missing = await api.http().post(`/api/evidence/${id}/verify`).set(investigator.auth).expect(200);
    expect(missing.body).toMatchObject({ result: 'missing', actualSha256: null });
    const download = await api.http().get(`/api/evidence/${id}/content`).set(investigator.auth).expect(409);
    expect(download.body.code).toBe('evidence_bytes_missing');

    const item = await api.http().get(`/api/evidence/${id}`).set(investigator.auth).expect(200);
    expect(item.body.integrity.status).toBe('missing');
    const custody = await api.http().get(`/api/evidence/${id}/custody`).set(investigator.auth).expect(200);
    const checks = custody.body.items.filter((e: { action: string }) => e.action === 'verified');
    expect(checks.map((e: { details: { result: string } }) => e.details.result)).toEqual([
      'intact',
      'mismatch',
      'missing',
    ]);
    expect(checks[0].sha256).toBe(sha256);
    expect(checks[1].sha256).toBe(tampered.body.actualSha256);
    expect(checks[2].sha256).toBeNull();
  });

  it('makes one item of the same bytes sent twice at once: one 201, one 200', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const caseId = await newCase(investigator.auth);
    const bytes = Buffer.from('the same fictional words, twice at once');
    const send = () =>
      api
        .http()
        .post(`/api/cases/${caseId}/evidence`)
        .set(investigator.auth)
        .attach('file', bytes, 'same.txt');
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const list = await api.http().get(`/api/cases/${caseId}/evidence`).set(investigator.auth).expect(200);
    expect(list.body.total).toBe(1);
    expect(await stagingLeft()).toEqual([]);
  });

  it('keeps nothing of an upload the client abandons half way', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const caseId = await newCase(investigator.auth);
    const server = api.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const boundary = 'fictionalboundary';
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/cases/${caseId}/evidence`,
        headers: {
          ...investigator.auth,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(600_000),
        },
      });
      req.on('error', () => resolve());
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.txt"\r\n\r\n`);
      req.write(Buffer.alloc(200_000, 'a'));
      // the connection drops after a third of the promised body
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await stagingLeft()).toEqual([]);
    const list = await api.http().get(`/api/cases/${caseId}/evidence`).set(investigator.auth).expect(200);
    expect(list.body.total).toBe(0);
  });
});
