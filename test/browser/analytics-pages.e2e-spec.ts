import { Readable } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import { DisparityService, PrecedentStore, syntheticPrecedents } from '@precedent/analytics';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  newPage,
  screenshot,
  listenForBrowser,
} from '../support/browser';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('comparables and reports in the staff web UI %s', (_label, javaScript) => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  const suffix = javaScript ? 'js' : 'no-js';

  beforeAll(async () => {
    process.env.FORCE_CODE = 'kent';
    api = await startTestApi();
    base = await listenForBrowser(api);
    const lines = [...syntheticPrecedents({ cases: 2500, seed: 'web', biases: { kent: 1 } })].map(
      (c) => JSON.stringify(c.record) + '\n',
    );
    await api.app.get(PrecedentStore).import(Readable.from(lines), { strict: true });
    await api.app.get(DisparityService).compute();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    delete process.env.FORCE_CODE;
    await browser?.close();
    await api?.close();
  });

  async function signIn(page: Page, user: SignedInUser, next: string): Promise<void> {
    await page.goto(`${base}${next}`);
    await page.fill('#username', user.username);
    await page.fill('#password', user.password);
    await page.click('button:has-text("Sign in")');
    expect(new URL(page.url()).pathname).toBe(next);
  }

  it('a panel member describes a comment and reads its comparables, why they are comparable and the band', async () => {
    const panel = await api.signedIn(['panel_member']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, panel, '/comparables');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    // Nothing chosen: the error summary says what to do.
    await page.click('button:has-text("Find comparable precedents")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Categories: choose at least one');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    await page.fill('#text', 'th0se people should go b4ck where they came fr0m');
    await page.check('input[name="categories"][value="discriminatory"]');
    await page.check('input[name="targets"][value="race"]');
    await page.selectOption('#audience', 'private_group');
    await page.selectOption('#platform', 'whatsapp');
    await page.selectOption('#proposedOutcome', 'dismissal_without_notice');
    await page.click('button:has-text("Find comparable precedents")');

    expect(await page.textContent('h2')).toContain('What the comparable precedents received');
    const rows = await page.locator('table').last().locator('tbody tr').count();
    expect(rows).toBe(20);
    expect(await page.textContent('main')).toContain('Same categories, who it was about');
    expect(await page.locator('figure svg title').first().textContent()).toContain(
      'Outcomes of the comparable precedents',
    );
    expect(await page.textContent('#proposed')).toContain('percentile');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `comparables-${suffix}`);
    await context.close();
  });

  it('a senior officer reads the force disparity, with this force highlighted, and downloads it as CSV', async () => {
    const senior = await api.signedIn(['senior_officer']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, senior, '/reports');
    expect(await page.textContent('main')).toContain('Kent Police is highlighted');
    const forceRows = page.locator('table').first().locator('tbody tr');
    expect(await forceRows.count()).toBe(46);
    expect(await page.locator('table').first().locator('tbody tr strong:not(.govuk-tag)').textContent()).toBe(
      'Kent Police',
    );
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `reports-${suffix}`);

    const csv = await context.request.get(`${base}/reports/disparity.csv`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe('force,name,precedents,relative_severity,ci_low,ci_high,flagged');
    expect(text).toMatch(/^kent,Kent Police,\d+,0\.\d+/m);

    await page.click('button:has-text("Recompute the figures")');
    expect(await page.textContent('.govuk-notification-banner')).toContain('being recomputed');
    await context.close();
  });

  it('refuses the reports to an investigator', async () => {
    const investigator = await api.signedIn(['investigator']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await page.goto(`${base}/sign-in?next=/reports`);
    await page.fill('#username', investigator.username);
    await page.fill('#password', investigator.password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/reports'),
      page.click('button:has-text("Sign in")'),
    ]);
    expect(response.status()).toBe(403);
    await context.close();
  });
});
