import { SAMPLE_REPORT, startTestReporter, TestReporter } from '../support/test-reporter';

function formToken(html: string, index = 0): string {
  const tokens = [...html.matchAll(/name="_form" value="([^"]+)"/g)].map((m) => m[1]);
  if (!tokens[index]) throw new Error('no form token on the page');
  return tokens[index];
}

describe('the reporter portal pages, without JavaScript', () => {
  let reporter: TestReporter;
  beforeAll(async () => {
    reporter = await startTestReporter();
  });
  afterAll(() => reporter.close());

  const count = async () =>
    (await reporter.dataSource.query(`SELECT count(*)::int AS n FROM anonymous_reports`))[0].n as number;

  async function submitForm(fields: Record<string, string>) {
    const page = await reporter.http().get('/').expect(200);
    return reporter
      .http()
      .post('/report')
      .type('form')
      .send({ _form: formToken(page.text), ...fields });
  }

  it('takes a report through the form and shows the receipt code once, setting no cookie', async () => {
    const page = await reporter.http().get('/').accept('text/html').expect(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.text).toContain('Report a colleague’s posts anonymously');
    expect(page.text).not.toMatch(/<script[^>]*src=/); // no scripts to load, from anywhere
    expect(page.text).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // nothing from another origin
    for (const asset of ['/govuk/govuk-frontend.min.css', '/static/portal.css', '/static/favicon.svg'])
      expect((await reporter.http().get(asset)).status).toBe(200);

    const sent = await reporter
      .http()
      .post('/report')
      .type('form')
      .send({
        _form: formToken(page.text),
        summary: SAMPLE_REPORT.summary,
        details: SAMPLE_REPORT.details,
        platform: 'whatsapp',
        seenAt: '2026-11-18',
        links: 'https://chat.example/a\r\n\r\nhttps://chat.example/b',
      })
      .expect(200);
    expect(sent.headers['set-cookie']).toBeUndefined();
    expect(sent.headers['cache-control']).toBe('no-store');
    const receipt = /id="receipt">(\d{4}(?: \d{4}){4})</.exec(sent.text)?.[1];
    expect(receipt).toBeDefined();
    expect(sent.text).toContain('This is the only time the code is shown');

    const auth = await reporter.signIn(receipt!);
    expect((await reporter.http().get('/api/report').set(auth).expect(200)).body.status).toBe('received');
  });

  it('refuses a forged or replayed form and saves nothing', async () => {
    const page = await reporter.http().get('/').expect(200);
    const token = formToken(page.text);
    const fields = { summary: 'Once only', details: 'Sent once, posted twice.' };
    await reporter
      .http()
      .post('/report')
      .type('form')
      .send({ _form: token, ...fields })
      .expect(200);
    const before = await count();
    const replayed = await reporter
      .http()
      .post('/report')
      .type('form')
      .accept('text/html')
      .send({ _form: token, ...fields });
    expect(replayed.status).toBe(403);
    expect(replayed.text).toContain('was already sent');
    await reporter.http().post('/report').type('form').send(fields).expect(403);
    const forged = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    await reporter
      .http()
      .post('/report')
      .type('form')
      .send({ _form: forged, ...fields })
      .expect(403);
    expect(await count()).toBe(before);
  });

  it('shows each problem beside its field, keeps what was typed, escaped, and saves nothing', async () => {
    const before = await count();
    const refused = await submitForm({
      summary: '<script>alert("x")</script>',
      details: '   ',
      seenAt: 'last Tuesday',
      links: 'not a link',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toContain('href="#details"');
    expect(refused.text).toContain('href="#seenAt"');
    expect(refused.text).toContain('href="#links"');
    expect(refused.text).not.toContain('<script>alert');
    expect(refused.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(await count()).toBe(before);
  });

  it('signs in with the code, then shows status and messages and takes a reply, with one short-lived cookie', async () => {
    const receipt = await reporter.submit();
    const page = await reporter.http().get('/sign-in').expect(200);
    expect(page.headers['set-cookie']).toBeUndefined();

    const wrong = await reporter
      .http()
      .post('/sign-in')
      .type('form')
      .send({ _form: formToken(page.text), receipt: '1111 2222 3333 4444 5555' })
      .expect(401);
    expect(wrong.text).toContain('That receipt code was not recognised');
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const signedIn = await reporter
      .http()
      .post('/sign-in')
      .type('form')
      .send({ _form: formToken(wrong.text), receipt })
      .expect(303);
    expect(signedIn.headers.location).toBe('/report');
    const cookies = signedIn.headers['set-cookie'] as unknown as string[];
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(
      /^reporter_session=[A-Za-z0-9_-]{43}; Max-Age=1800; Path=\/; Expires=.+; HttpOnly; SameSite=Strict$/,
    );
    const cookie = cookies[0].split(';')[0];

    const report = await reporter.http().get('/report').set('Cookie', cookie).expect(200);
    expect(report.text).toContain('We have your report. Nobody in Professional Standards has read it yet.');
    expect(report.text).toContain('There are no messages yet.');

    await reporter
      .http()
      .post('/report/messages')
      .set('Cookie', cookie)
      .type('form')
      .send({ _form: formToken(report.text), body: 'Their group is <b>Shift C</b>' })
      .expect(303);
    const after = await reporter.http().get('/report').set('Cookie', cookie).expect(200);
    expect(after.text).toContain('Their group is &lt;b&gt;Shift C&lt;/b&gt;');

    const empty = await reporter
      .http()
      .post('/report/messages')
      .set('Cookie', cookie)
      .type('form')
      .send({ _form: formToken(after.text), body: '  ' })
      .expect(400);
    expect(empty.text).toContain('Write your message, or attach a screenshot, before sending.');

    const out = await reporter
      .http()
      .post('/sign-out')
      .set('Cookie', cookie)
      .type('form')
      .send({ _form: formToken(after.text, 1) })
      .expect(303);
    expect(out.headers['set-cookie']?.[0]).toMatch(/^reporter_session=;/);
    const ended = await reporter.http().get('/report').set('Cookie', cookie).expect(401);
    expect(ended.text).toContain('your sign-in has ended');
  });
});
