import { SAMPLE_REPORT, startTestReporter, TestReporter } from '../support/test-reporter';

describe('the reporter JSON API', () => {
  let reporter: TestReporter;
  beforeAll(async () => {
    reporter = await startTestReporter();
  });
  afterAll(() => reporter.close());

  it('takes a report and answers with a receipt code of 20 digits in groups of four, shown once', async () => {
    const response = await reporter.http().post('/api/reports').send(SAMPLE_REPORT).expect(201);
    expect(Object.keys(response.body)).toEqual(['receipt']);
    const receipt = response.body.receipt as string;
    expect(receipt).toMatch(/^\d{4}( \d{4}){4}$/);

    // the code is nowhere in the database, and neither is what was reported, in clear
    const digits = receipt.replace(/ /g, '');
    const [row] = await reporter.dataSource.query(
      `SELECT lookup_digest, verifier, status, encode(sealed, 'escape') AS sealed, received_at FROM anonymous_reports`,
    );
    expect(row.lookup_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(row.verifier).toMatch(/^\$argon2id\$/);
    expect(row.status).toBe('received');
    expect(JSON.stringify(row)).not.toContain(digits);
    expect(row.sealed).not.toContain('Racist');
    expect(new Date(row.received_at).getUTCMinutes()).toBe(0);
    expect(new Date(row.received_at).getUTCSeconds()).toBe(0);
  });

  it('signs in with the code, however it is spaced, and shows the status in plain words', async () => {
    const receipt = await reporter.submit();
    for (const typed of [receipt, receipt.replace(/ /g, ''), receipt.replace(/ /g, '-')]) {
      const session = await reporter.http().post('/api/session').send({ receipt: typed }).expect(200);
      expect(session.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(new Date(session.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    }
    const auth = await reporter.signIn(receipt);
    const view = await reporter.http().get('/api/report').set(auth).expect(200);
    expect(view.body).toEqual({
      report: SAMPLE_REPORT,
      status: 'received',
      statusText: 'We have your report. Nobody in Professional Standards has read it yet.',
      messages: [],
      attachments: [],
    });
  });

  it('takes the reporter’s messages and shows them back, script kept as text', async () => {
    const auth = await reporter.signIn(await reporter.submit());
    const body = 'The group is called "Shift C banter" <script>alert(1)</script>';
    const sent = await reporter.http().post('/api/report/messages').set(auth).send({ body }).expect(201);
    expect(sent.body).toEqual({ from: 'reporter', body, at: expect.any(String) });
    const view = await reporter.http().get('/api/report').set(auth).expect(200);
    expect(view.body.messages).toEqual([{ from: 'reporter', body, at: sent.body.at }]);
    const sealed = await reporter.dataSource.query(
      `SELECT encode(sealed, 'escape') AS sealed FROM anonymous_report_messages`,
    );
    expect(sealed.map((m: { sealed: string }) => m.sealed).join('')).not.toContain('Shift C');
  });

  it('gives one answer to a wrong, unknown or malformed code', async () => {
    const receipt = await reporter.submit();
    const wrongDigit = receipt.slice(0, -1) + String((Number(receipt.slice(-1)) + 1) % 10);
    const answers = [];
    for (const typed of [wrongDigit, '0000 0000 0000 0000 0000', '1234', 'not a code at all']) {
      const refused = await reporter.http().post('/api/session').send({ receipt: typed }).expect(401);
      const { requestId, ...rest } = refused.body;
      expect(requestId).toEqual(expect.any(String));
      answers.push(rest);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'receipt_not_recognised',
      message: 'That receipt code was not recognised. Check each digit and try again.',
    });
  });

  it('refuses the report routes without a session, with an unknown token, and after signing out', async () => {
    const auth = await reporter.signIn(await reporter.submit());
    await reporter.http().get('/api/report').expect(401);
    const unknown = await reporter
      .http()
      .get('/api/report')
      .set({ Authorization: `Bearer ${'A'.repeat(43)}` })
      .expect(401);
    expect(unknown.body.code).toBe('reporter_session_ended');
    expect(unknown.body.message).toContain('Sign in again with your receipt code');
    await reporter.http().delete('/api/session').set(auth).expect(204);
    await reporter.http().get('/api/report').set(auth).expect(401);
    await reporter.http().post('/api/report/messages').set(auth).send({ body: 'hello' }).expect(401);
  });

  it('refuses bad reports field by field and saves nothing', async () => {
    const before = await reporter.dataSource.query(`SELECT count(*)::int AS n FROM anonymous_reports`);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...SAMPLE_REPORT, summary: '   ' }, ['summary']],
      [{ ...SAMPLE_REPORT, details: undefined }, ['details']],
      [{ ...SAMPLE_REPORT, platform: 'myspace' }, ['platform']],
      [{ ...SAMPLE_REPORT, seenAt: '2999-01-01' }, ['seenAt']],
      [{ ...SAMPLE_REPORT, seenAt: '18/11/2026' }, ['seenAt']],
      [{ ...SAMPLE_REPORT, links: ['javascript:alert(1)'] }, ['links']],
      [{ ...SAMPLE_REPORT, reporterName: 'Me' }, ['reporterName']],
    ];
    for (const [body, fields] of cases) {
      const refused = await reporter.http().post('/api/reports').send(body).expect(400);
      expect(refused.body.details.fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(fields),
      );
    }
    const after = await reporter.dataSource.query(`SELECT count(*)::int AS n FROM anonymous_reports`);
    expect(after[0].n).toBe(before[0].n);
    const auth = await reporter.signIn(await reporter.submit());
    await reporter.http().post('/api/report/messages').set(auth).send({ body: ' \n ' }).expect(400);
    const view = await reporter.http().get('/api/report').set(auth).expect(200);
    expect(view.body.messages).toEqual([]);
  });

  it('sets no cookie, forbids caching and referrers, and sends a strict Content-Security-Policy', async () => {
    const receipt = await reporter.submit();
    const responses = [
      await reporter.http().post('/api/reports').send(SAMPLE_REPORT),
      await reporter.http().post('/api/session').send({ receipt }),
      await reporter.http().get('/health'),
    ];
    for (const response of responses) {
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });
});
