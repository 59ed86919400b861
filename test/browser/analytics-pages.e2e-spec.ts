import { Readable } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import {
  DisparityService,
  InconsistencyService,
  PrecedentStore,
  syntheticPrecedents,
} from '@precedent/analytics';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  newPage,
  screenshot,
  listenForBrowser,
} from '../support/browser';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';

// Axe on every page of a 2,500-precedent store, on a machine shared with other jobs: allow for it.
jest.setTimeout(120_000);

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
    await api.app.get(InconsistencyService).compute();
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
    expect(await page.locator('.govuk-summary-card').count()).toBe(20);
    const first = await page.locator('.govuk-summary-card').first().textContent();
    expect(first).toMatch(/(Police|Constabulary|Service), 20\d\d: /);
    expect(first).toContain('What was said');
    expect(first).toContain('Shared:');
    expect(first).not.toMatch(/synth-web-\d+\s*<\/a>/);
    // No internal precedent links to a case here: the store holds only imported ones.
    expect(await page.locator('.govuk-summary-card a[href^="/cases/"]').count()).toBe(0);
    expect(await page.textContent('main')).toMatch(/Based on the \d+ precedents found/);
    // which similarity counted: a comment described without factors states too little of the
    // weights the recompute in beforeAll learned, so the fixed weights count it, and the page says why
    const learned = await api.app.get(PrecedentStore).latestSimilarity();
    expect(await page.textContent('#similarity-model')).toMatch(
      learned?.learned
        ? /fixed weights.*carries \d+% of the learned similarity's weight.*describe more of the conduct/
        : /fixed weights/,
    );
    expect(await page.locator('figure svg title').first().textContent()).toContain(
      'comparable precedents, weighted by similarity, least to most severe',
    );
    expect(await page.textContent('#proposed')).toMatch(/\d+(st|nd|rd|th) percentile/);
    expect(await page.textContent('figcaption')).toContain('orange');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `comparables-${suffix}`);
    await context.close();
  });

  it('a senior officer reads the force disparity, with this force highlighted, and downloads it as CSV', async () => {
    const senior = await api.signedIn(['senior_officer']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, senior, '/reports');
    expect(await page.textContent('#headline')).toMatch(
      /^For comparable conduct, Kent Police's outcomes were on average \d\.\d steps more severe than other forces' \(95% interval -?\d\.\d to \d\.\d; [\d,]+ cases\)\.$/,
    );
    expect(await page.textContent('#consistency-index')).toMatch(
      /steps away from the outcomes of its 20 most comparable/,
    );
    expect(await page.textContent('main')).toContain('Kent Police is highlighted');
    expect(await page.locator('button:has-text("Recompute the figures")').count()).toBe(0);
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

    await context.close();
  });

  it('a senior officer reads like cases with unlike outcomes, this force first, and downloads them', async () => {
    const senior = await api.signedIn(['senior_officer']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, senior, '/reports');
    await page.click('a:has-text("Like cases, unlike outcomes")');
    expect(new URL(page.url()).pathname).toBe('/reports/consistency');
    const headings = await page.locator('main h2').allTextContents();
    expect(headings.length).toBeGreaterThan(0);
    expect(headings[0]).toMatch(/^1\. \d+% alike, outcomes \d steps apart/);
    expect(await page.textContent('main section')).toContain('What differs');
    // Kent's pairs come first: once a pair without Kent appears, no Kent pair follows.
    const ours = await page
      .locator('main section')
      .evaluateAll((sections) =>
        sections.map((section) => section.textContent?.includes('Your force') ?? false),
      );
    expect(ours).toEqual([...ours].sort((a, b) => Number(b) - Number(a)));
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `reports-consistency-${suffix}`);

    await page.check('#rules');
    await page.click('button:has-text("Show pairs")');
    expect(new URL(page.url()).search).toBe('?rules=today');
    expect(await page.isChecked('#rules')).toBe(true);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    const csv = await context.request.get(`${base}/reports/consistency.csv`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'similarity,steps_apart,lighter_force,lighter_ref,lighter_decided_on,lighter_outcome,harsher_force,harsher_ref,harsher_decided_on,harsher_outcome,differences,a_difference_may_explain_it',
    );
    expect(lines.length).toBeGreaterThan(1);
    await context.close();
  });

  it('an administrator recomputes the figures from the imports page, not from the reports', async () => {
    const admin = await api.signedIn(['admin']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, admin, '/admin/imports');
    await page.click('button:has-text("Recompute the figures")');
    expect(new URL(page.url()).pathname).toBe('/reports');
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
