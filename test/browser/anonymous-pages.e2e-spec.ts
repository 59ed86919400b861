import type { Browser, Page } from 'playwright-core';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  newPage,
  screenshot,
  listenForBrowser,
} from '../support/browser';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { SAMPLE_REPORT, startTestReporter, type TestReporter } from '../support/test-reporter';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the anonymous inbox in the staff web UI %s', (_label, javaScript) => {
  let api: TestApi;
  let reporter: TestReporter;
  let browser: Browser;
  let base: string;
  const suffix = javaScript ? 'js' : 'no-js';

  beforeAll(async () => {
    api = await startTestApi();
    reporter = await startTestReporter();
    base = await listenForBrowser(api);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await reporter?.close();
    await api?.close();
  });

  async function signIn(page: Page, user: SignedInUser, next: string): Promise<void> {
    await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`);
    await page.fill('#username', user.username);
    await page.fill('#password', user.password);
    await page.click('button:has-text("Sign in")');
    expect(new URL(page.url()).pathname).toBe(next);
  }

  it('an investigator reads a report, asks the reporter a question the reporter then reads, and makes a case from it', async () => {
    const summary = `Officer mocking a vigil on Facebook (${suffix})`;
    const receipt = await reporter.submit({ ...SAMPLE_REPORT, summary, platform: 'facebook' });
    const investigator = await api.signedIn(['investigator'], { team: 'north' });
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, investigator, '/anonymous');
    expect(await page.textContent('main table')).toContain(summary);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `anonymous-${suffix}`);

    await page.selectOption('#status', 'received');
    await page.click('button:has-text("Apply")');
    expect(new URL(page.url()).searchParams.get('status')).toBe('received');
    await page.click(`a:has-text("${summary}")`);
    expect(new URL(page.url()).pathname).toMatch(/^\/anonymous\/[0-9a-f-]{36}$/);
    expect(await page.textContent('h1 .govuk-tag')).toContain('in review');
    expect(await page.textContent('main')).toContain(SAMPLE_REPORT.details);

    // An empty question is refused with the error summary pointing at the field.
    await page.click('button:has-text("Send the message")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Write your question or answer');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    const question = 'Thank you. Roughly how many people are in the group?';
    await page.fill('#body', question);
    await page.click('button:has-text("Send the message")');
    expect(await page.textContent('#messages ~ .govuk-inset-text')).toContain(question);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `anonymous-report-${suffix}`);

    // The reporter reads the question through the portal.
    const session = await reporter.signIn(receipt);
    const seen = await reporter.http().get('/api/report').set(session).expect(200);
    expect(JSON.stringify(seen.body)).toContain(question);

    await page.fill('#summary', `Anonymous: ${summary}`);
    await page.click('button:has-text("Create a case from this report")');
    expect(new URL(page.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    expect(await page.textContent('main')).toContain(`Anonymous: ${summary}`);
    const caseId = new URL(page.url()).pathname.split('/')[2];

    await page.goBack();
    await page.reload();
    expect(await page.getAttribute('#case ~ .govuk-inset-text a', 'href')).toBe(`/cases/${caseId}`);
    expect(await page.locator('button:has-text("Create a case from this report")').count()).toBe(0);
    const [audited] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND action LIKE 'anonymous_report.%'`,
      [investigator.id],
    )) as { n: number }[];
    expect(audited.n).toBeGreaterThanOrEqual(5);
    await context.close();
  });

  it('is not open to a panel member', async () => {
    const panel = await api.signedIn(['panel_member']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await page.goto(`${base}/sign-in?next=/anonymous`);
    await page.fill('#username', panel.username);
    await page.fill('#password', panel.password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/anonymous'),
      page.click('button:has-text("Sign in")'),
    ]);
    expect(response.status()).toBe(403);
    await context.close();
  });
});
