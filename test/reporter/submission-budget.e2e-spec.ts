import { SAMPLE_REPORT, startTestReporter, TestReporter } from '../support/test-reporter';

// read when the app boots: one report at a time (two more may wait), eight reports a window for everyone
process.env.REPORT_SUBMISSION_CONCURRENCY = '1';
process.env.REPORT_SUBMISSION_BUDGET = '8';
process.env.REPORT_SUBMISSION_WINDOW_MINUTES = '60';

describe('cheap floods of anonymous reports', () => {
  let reporter: TestReporter;
  beforeAll(async () => {
    reporter = await startTestReporter();
  });
  afterAll(() => reporter.close());

  const count = async () =>
    (await reporter.dataSource.query(`SELECT count(*)::int AS n FROM anonymous_reports`))[0].n as number;
  const send = () => reporter.http().post('/api/reports').send(SAMPLE_REPORT);

  it('runs only a few at once and refuses the rest with a plain message, saving nothing for them', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => send()));
    const accepted = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 429);
    expect(accepted.length + refused.length).toBe(6);
    // one runs, two wait: the other three are refused at once
    expect(accepted).toHaveLength(3);
    expect(refused[0].body).toMatchObject({
      code: 'reports_busy',
      message:
        'Too many reports are being sent just now, so yours was not saved. Wait a minute, then send it again.',
    });
    expect(await count()).toBe(3);
  });

  it('keeps one budget for everyone together in a window, identifying no one', async () => {
    for (let i = 0; i < 5; i++) await send().expect(201);
    const refused = await send().expect(429);
    expect(refused.body.code).toBe('reports_busy');
    expect(refused.body.message).toMatch(
      /^Too many reports are being sent just now, so yours was not saved\. Wait (a minute|\d+ minutes), then send it again\.$/,
    );
    expect(await count()).toBe(8);
  });
});
