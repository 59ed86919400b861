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

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('administration in the staff web UI %s', (_label, javaScript) => {
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

  async function signIn(page: Page, user: { username: string; password: string }, next: string) {
    await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`);
    await page.fill('#username', user.username);
    await page.fill('#password', user.password);
    await page.click('button:has-text("Sign in")');
  }

  it('an administrator adds a user with roles, who signs in; then disables them, and they cannot', async () => {
    const admin: SignedInUser = await api.signedIn(['admin']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, admin, '/admin');
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.textContent('.govuk-service-navigation')).toContain('Administration');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    // Nothing filled in: every missing field is named.
    await page.click('button:has-text("Add the user")');
    const problems = await page.textContent('.govuk-error-summary');
    expect(problems).toContain('Enter a username');
    expect(problems).toContain('Choose at least one role');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    const username = `dc.new.${suffix}`;
    const password = 'a long enough first password';
    await page.fill('#username', username);
    await page.fill('#displayName', 'DC New Starter');
    await page.fill('#team', 'north');
    await page.fill('#password', password);
    await page.check('input[name="roles"][value="investigator"]');
    await page.click('button:has-text("Add the user")');
    expect(await page.textContent('#users ~ table')).toContain(username);
    // the investigator role reads case content: it waits for a second administrator (issue 14 item 9)
    expect(await page.textContent('#users ~ table')).toContain('Waiting for approval: investigator');
    expect(await page.locator(`button[aria-label="Approve investigator for ${username}"]`).count()).toBe(0);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `admin-${suffix}`);
    const second = await api.signedIn(['admin']);
    const waiting = await api.http().get('/api/users/role-approvals').set(second.auth).expect(200);
    for (const request of waiting.body.items as { id: string }[])
      await api.http().post(`/api/users/role-approvals/${request.id}/approve`).set(second.auth).expect(200);

    const starter = await newContext(browser, javaScript);
    const starterPage = await newPage(starter);
    await signIn(starterPage, { username, password }, '/cases');
    expect(new URL(starterPage.url()).pathname).toBe('/cases');
    const forbidden = await starterPage.goto(`${base}/admin`);
    expect(forbidden?.status()).toBe(403);
    await starter.close();

    await page.click(`button[aria-label="Disable ${username}"]`);
    expect(await page.locator(`button[aria-label="Enable ${username}"]`).count()).toBe(1);
    const refused = await api.http().post('/api/auth/login').send({ username, password });
    expect(refused.status).toBe(401);
    const [audited] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND action LIKE 'user.%'`,
      [admin.id],
    )) as { n: number }[];
    expect(audited.n).toBeGreaterThanOrEqual(2);
    await context.close();
  });
});
