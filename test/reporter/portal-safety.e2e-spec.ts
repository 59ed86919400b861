import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { blankScreenshot } from '../support/anonymous-channel';
import { SAMPLE_REPORT, startTestReporter, TestReporter } from '../support/test-reporter';

function formToken(html: string, index = 0): string {
  const tokens = [...html.matchAll(/name="_form" value="([^"]+)"/g)].map((m) => m[1]);
  if (!tokens[index]) throw new Error('no form token on the page');
  return tokens[index];
}

/** A PNG whose header claims width × height pixels, with no picture after it (nothing to decode). */
function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(16))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(name: string, data: Buffer): Buffer {
  const type = Buffer.from(name);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  return Buffer.concat([length, type, data, crc]);
}

describe('the reporter portal: plain words, its own assets, and nothing given away', () => {
  let reporter: TestReporter;
  let origin: string;
  beforeAll(async () => {
    reporter = await startTestReporter();
    // one port for every request, so a browser's Origin for this site can be written down
    await reporter.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(reporter.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => reporter.close());

  const count = async () =>
    (await reporter.dataSource.query(`SELECT count(*)::int AS n FROM anonymous_reports`))[0].n as number;

  it('answers /health with its status only, never which store failed or why', async () => {
    const health = await reporter.http().get('/health').expect(200);
    expect(health.body).toEqual({ status: 'up' });
  });

  it('loads the fonts its stylesheet asks for, and runs the template script under its own CSP nonce', async () => {
    const css = await reporter.http().get('/govuk/govuk-frontend.min.css').expect(200);
    const fonts = [...css.text.matchAll(/url\((\/assets\/fonts\/[^)]+\.woff2)\)/g)].map((m) => m[1]);
    expect(fonts.some((f) => f.includes('bold'))).toBe(true);
    for (const font of fonts) await reporter.http().get(font).expect(200);

    const page = await reporter.http().get('/').expect(200);
    const nonce = /script-src 'nonce-([^']+)'/.exec(page.headers['content-security-policy'])?.[1];
    expect(nonce).toBeTruthy();
    const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it('says what to do in plain sentences, never a field name, and asks for a refused screenshot again', async () => {
    const page = await reporter.http().get('/').expect(200);
    const nextYear = new Date().getFullYear() + 1;
    const refused = await reporter
      .http()
      .post('/report')
      .field('_form', formToken(page.text))
      .field('summary', '')
      .field('details', 'A post')
      .field('seenAt', `${nextYear}-01-01`)
      .attach('attachment', await blankScreenshot(), { filename: 'shot.png' })
      .expect(400);
    expect(refused.text).toContain('Say in a line what happened.');
    expect(refused.text).toContain('The date you saw it must be today or earlier.');
    expect(refused.text).toContain('Your screenshot was not kept because of the problems above.');
    expect(refused.text).not.toMatch(/seenAt cannot|SeenAt|summary must|must be one of/);
  });

  it('refuses a picture with more pixels than a screenshot, before decoding it', async () => {
    const before = await count();
    const page = await reporter.http().get('/').expect(200);
    const refused = await reporter
      .http()
      .post('/report')
      .field('_form', formToken(page.text))
      .field('summary', SAMPLE_REPORT.summary)
      .field('details', SAMPLE_REPORT.details)
      .attach('attachment', pngClaiming(20_000, 20_000), { filename: 'huge.png' })
      .expect(422);
    expect(refused.text).toContain('The picture is 20000 by 20000 pixels, more than a screenshot can be.');
    expect(await count()).toBe(before);
  });

  it('refuses a sign-in posted from another site (login CSRF), setting no cookie', async () => {
    const receipt = await reporter.submit();
    const page = await reporter.http().get('/sign-in').expect(200);
    const forged = await reporter
      .http()
      .post('/sign-in')
      .set('Origin', 'https://attacker.example')
      .type('form')
      .send({ _form: formToken(page.text), receipt })
      .expect(403);
    expect(forged.headers['set-cookie']).toBeUndefined();
    const crossSite = await reporter
      .http()
      .post('/sign-in')
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ _form: formToken((await reporter.http().get('/sign-in')).text), receipt })
      .expect(403);
    expect(crossSite.headers['set-cookie']).toBeUndefined();
  });

  it('sends its session cookie over HTTPS only when the public address is https, whatever NODE_ENV says (issue 14 item 9)', async () => {
    const https = await startTestReporter({
      env: { NODE_ENV: 'development', PUBLIC_URL: 'https://report.force.example' },
    });
    try {
      const receipt = await https.submit();
      const page = await https.http().get('/sign-in').expect(200);
      const signedIn = await https
        .http()
        .post('/sign-in')
        .type('form')
        .send({ _form: formToken(page.text), receipt })
        .expect(303);
      const [cookie] = signedIn.headers['set-cookie'] as unknown as string[];
      expect(cookie).toMatch(/; Secure/);
    } finally {
      await https.close();
    }
  });

  it('lets the reporter reread their report after signing in, and confirms a message was sent', async () => {
    const receipt = await reporter.submit();
    const page = await reporter.http().get('/sign-in').expect(200);
    const signedIn = await reporter
      .http()
      .post('/sign-in')
      .set('Origin', origin)
      .type('form')
      .send({ _form: formToken(page.text), receipt })
      .expect(303);
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const report = await reporter.http().get('/report').set('Cookie', cookie).expect(200);
    expect(report.text).toContain('What you reported');
    expect(report.text).toContain(SAMPLE_REPORT.summary);
    expect(report.text).toContain('two constables reacted with laughing emojis');
    expect(report.text).toContain(SAMPLE_REPORT.links[0]);
    expect(report.text).not.toContain('Message sent');

    const sent = await reporter
      .http()
      .post('/report/messages')
      .set('Cookie', cookie)
      .type('form')
      .send({ _form: formToken(report.text), body: 'One more detail.' })
      .expect(303);
    expect(sent.headers.location).toBe('/report?sent=message');
    const after = await reporter.http().get(sent.headers.location).set('Cookie', cookie).expect(200);
    expect(after.text).toContain('Message sent');
    // the confirmation is chosen by a code: other text in the address is not shown
    const spoofed = await reporter.http().get('/report?sent=Call+0800').set('Cookie', cookie).expect(200);
    expect(spoofed.text).not.toContain('Message sent');
    expect(spoofed.text).not.toContain('0800');
  });
});
