import type { Browser } from 'playwright-core';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  newPage,
  screenshot,
  listenForBrowser,
} from '../support/browser';
import { startTestApi, type TestApi } from '../support/test-api';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('case pages in the staff web UI %s', (_label, javaScript) => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  const suffix = javaScript ? 'js' : 'no-js';

  beforeAll(async () => {
    api = await startTestApi();
    base = await listenForBrowser(api);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('an investigator records a case, sees its comments with the lexicon marks, moves it on, and finds it in the list', async () => {
    const investigator = await api.signedIn(['investigator', 'appropriate_authority'], { team: 'north' });
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await page.goto(`${base}/sign-in?next=/cases/new`);
    await page.fill('#username', investigator.username);
    await page.fill('#password', investigator.password);
    await page.click('button:has-text("Sign in")');
    expect(new URL(page.url()).pathname).toBe('/cases/new');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    // Proactive monitoring without its authorisation is refused, naming what is missing.
    await page.check('input[name="source"][value="proactive_monitoring"]');
    await page.fill('#receivedAt-day', '2');
    await page.fill('#receivedAt-month', '11');
    await page.fill('#receivedAt-year', '2026');
    await page.fill('#summary', 'Public posts by an officer found by monitoring.');
    await page.click('button:has-text("Record the case")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter who authorised the monitoring');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Explain why monitoring is necessary and proportionate',
    );
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    await page.check('input[name="source"][value="line_manager"]');
    await page.fill('#reporterName', 'Insp. Casey Example');
    await page.fill('#reporterContact', 'casey.example@force.example');
    await page.click('button:has-text("Record the case")');
    expect(new URL(page.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split('/')[2];
    expect(await page.textContent('h1')).toMatch(/PSD-\d{4}-\d{5}/);

    // Contents arrive through the API (their forms come later); the page shows them.
    await api
      .http()
      .post(`/api/cases/${caseId}/subjects`)
      .set(investigator.auth)
      .send({ name: 'PC Jordan Fictional', staffNumber: '4821', role: 'constable', force: 'kent' })
      .expect(201);
    await api
      .http()
      .post(`/api/cases/${caseId}/conduct-items`)
      .set(investigator.auth)
      .send({
        platform: 'whatsapp',
        audience: 'private_group',
        text: 'Honestly g0 b4ck to where you came from',
        categories: ['discriminatory'],
        targets: ['race'],
      })
      .expect(201);
    await page.reload();
    expect(await page.textContent('mark.app-term')).toBe('g0 b4ck to where you came from');
    expect(await page.textContent('main')).toContain('PC Jordan Fictional');

    const firstChoice = page.locator('input[name="to"]').first();
    const to = await firstChoice.getAttribute('value');
    await firstChoice.check();
    await page.fill('#reason', 'Enough to go on.');
    await page.click('button:has-text("Change status")');
    expect((await page.textContent('h1 .govuk-tag'))?.toLowerCase()).toContain((to ?? '').replace(/_/g, ' '));
    expect(await page.textContent('#timeline table')).toContain('Enough to go on.');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `case-${suffix}`);

    await page.goto(`${base}/cases?q=came`);
    expect(await page.textContent('main table')).toContain(
      await api.dataSource
        .query(`SELECT reference FROM cases WHERE id = $1`, [caseId])
        .then((rows: { reference: string }[]) => rows[0].reference),
    );
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `cases-${suffix}`);
    await context.close();
  });

  it('answers 404 for a case that is not yours', async () => {
    const owner = await api.signedIn(['investigator'], { team: 'north' });
    const outsider = await api.signedIn(['investigator'], { team: 'south' });
    const created = await api
      .http()
      .post('/api/cases')
      .set(owner.auth)
      .send({ source: 'psd_direct', receivedAt: '2026-11-02', summary: 'A matter for the north team only.' })
      .expect(201);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await page.goto(`${base}/sign-in?next=/cases/${created.body.id}`);
    await page.fill('#username', outsider.username);
    await page.fill('#password', outsider.password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(created.body.id)),
      page.click('button:has-text("Sign in")'),
    ]);
    expect(response.status()).toBe(404);
    await context.close();
  });
});
