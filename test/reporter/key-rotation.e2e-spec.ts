import sharp from 'sharp';
import { loadEnv } from '@precedent/platform';
import { runCli } from '../support/cli';
import { SignedInUser, startTestApi, bytesOf } from '../support/test-api';
import { SAMPLE_REPORT, startTestReporter } from '../support/test-reporter';

const OLD_KEY = 'the-old-reporting-encryption-key-0123456789-abcdef';
const NEW_KEY = 'the-new-reporting-encryption-key-9876543210-fedcba';

describe('npm run cli -- reporting rotate-keys', () => {
  const original = process.env.REPORTING_ENCRYPTION_KEY;
  afterAll(() => {
    process.env.REPORTING_ENCRYPTION_KEY = original;
    loadEnv(process.env, { reload: true });
  });

  it('re-seals reports, messages and attachments under the new key, with progress, and is idempotent', async () => {
    // sealed under the old key
    process.env.REPORTING_ENCRYPTION_KEY = OLD_KEY;
    loadEnv(process.env, { reload: true });
    // kept open to the end for its database connection
    const reporter = await startTestReporter();
    const db = reporter.dataSource;
    const png = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#c00' } })
      .png()
      .toBuffer();
    const receipt = await reporter.submit();
    const auth = await reporter.signIn(receipt);
    await reporter
      .http()
      .post('/api/report/messages')
      .set(auth)
      .send({ body: 'Two more posts today.' })
      .expect(201);
    await reporter
      .http()
      .post('/api/report/attachments')
      .set(auth)
      .attach('file', png, { filename: 'a.png' })
      .expect(201);

    const keyIds = async () =>
      (
        (await db.query(
          `SELECT encode(substring(sealed FROM 2 FOR 8), 'hex') AS k FROM anonymous_reports
           UNION ALL SELECT encode(substring(sealed FROM 2 FOR 8), 'hex') FROM anonymous_report_messages
           UNION ALL SELECT encode(substring(sealed FROM 2 FOR 8), 'hex') FROM anonymous_report_attachments`,
        )) as { k: string }[]
      ).map((r) => r.k);
    const sealedNow = async () =>
      (
        (await db.query(
          `SELECT encode(sealed, 'hex') AS s FROM anonymous_reports
           UNION ALL SELECT encode(sealed, 'hex') FROM anonymous_report_messages
           UNION ALL SELECT encode(sealed, 'hex') FROM anonymous_report_attachments`,
        )) as { s: string }[]
      ).map((r) => r.s);
    const [oldId, ...rest] = await keyIds();
    expect(rest).toEqual([oldId, oldId]);
    const before = await sealedNow();

    // the new key without the old one: refused, naming the key, nothing changed
    const env = { DATABASE_URL: process.env.DATABASE_URL!, REPORTING_ENCRYPTION_KEY: NEW_KEY };
    const refused = runCli(['reporting', 'rotate-keys'], { ...env, REPORTING_PREVIOUS_ENCRYPTION_KEYS: '' });
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain(`Sealed with key ${oldId}, which is not configured`);
    expect(await sealedNow()).toEqual(before);

    // with the old key named as previous: every value re-sealed, with progress
    const rotated = runCli(['reporting', 'rotate-keys'], {
      ...env,
      REPORTING_PREVIOUS_ENCRYPTION_KEYS: OLD_KEY,
    });
    expect(rotated.stderr).toContain('Re-sealing reports: 1 of 1');
    expect(rotated.stderr).toContain('Re-sealing messages: 1 of 1');
    expect(rotated.stderr).toContain('Re-sealing attachments: 1 of 1');
    expect(rotated.status).toBe(0);
    const newIds = await keyIds();
    expect(new Set(newIds).size).toBe(1);
    expect(newIds[0]).not.toBe(oldId);
    expect(rotated.stdout).toContain(
      `Current key ${newIds[0]}: 1 reports re-sealed (0 already current), 1 messages re-sealed (0 already current), 1 attachments re-sealed (0 already current).`,
    );
    const after = await sealedNow();

    // again: nothing to do, nothing changed
    const again = runCli(['reporting', 'rotate-keys'], {
      ...env,
      REPORTING_PREVIOUS_ENCRYPTION_KEYS: OLD_KEY,
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 reports re-sealed (1 already current)');
    expect(again.stdout).toContain('Nothing needed re-sealing.');
    expect(await sealedNow()).toEqual(after);

    // audited, with counts only
    const audit = await db.query(
      `SELECT entity_id, details::jsonb AS details FROM audit_events WHERE action = 'reporting.keys_rotated' ORDER BY id`,
    );
    expect(audit).toEqual([
      { entity_id: newIds[0], details: { reports: 1, messages: 1, attachments: 1 } },
      { entity_id: newIds[0], details: { reports: 0, messages: 0, attachments: 0 } },
    ]);

    // the new key alone opens everything: the reporter's view and staff's attachment
    process.env.REPORTING_ENCRYPTION_KEY = NEW_KEY;
    loadEnv(process.env, { reload: true });
    const renewed = await startTestReporter();
    const api = await startTestApi();
    try {
      const signedIn = await renewed.signIn(receipt);
      const view = await renewed.http().get('/api/report').set(signedIn).expect(200);
      expect(view.body.messages).toEqual([expect.objectContaining({ body: 'Two more posts today.' })]);
      const staff: SignedInUser = await api.signedIn(['investigator']);
      const list = await api.http().get('/api/anonymous-reports').set(staff.auth).expect(200);
      expect(list.body.items[0].summary).toBe(SAMPLE_REPORT.summary);
      const opened = await api
        .http()
        .get(`/api/anonymous-reports/${list.body.items[0].id}`)
        .set(staff.auth)
        .expect(200);
      const file = await api
        .http()
        .get(opened.body.attachments[0].href)
        .set(staff.auth)
        .buffer(true)
        .parse(bytesOf)
        .expect(200);
      expect(await sharp(file.body as Buffer).metadata()).toMatchObject({
        format: 'png',
        width: 60,
        height: 40,
      });
    } finally {
      await api.close();
      await renewed.close();
      await reporter.close();
    }
  });
});
