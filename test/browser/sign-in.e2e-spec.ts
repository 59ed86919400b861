import type { Browser } from 'playwright-core';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  newPage,
  screenshot,
  listenForBrowser,
} from '../support/browser';
import { startTestApi, TestApi } from '../support/test-api';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('signing in to the staff web UI %s', (_label, javaScript) => {
  let api: TestApi;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    api = await startTestApi();
    base = await listenForBrowser(api);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('signs in, lands on My work, and signs out; every page passes axe at WCAG 2.2 AA', async () => {
    const user = await api.signedIn(['investigator'], { team: 'north' });
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    // a page's own status may be 401 (wrong password); its styles, scripts and images must all load
    const errors: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document')
        errors.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `sign-in-${javaScript ? 'js' : 'no-js'}`);

    await page.fill('#username', user.username);
    await page.fill('#password', 'not the password');
    await page.click('button:has-text("Sign in")');
    expect(await page.textContent('.govuk-error-summary')).toContain('username or password is not right');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    await page.fill('#username', user.username);
    await page.fill('#password', user.password);
    await page.click('button:has-text("Sign in")');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.textContent('h1')).toBe('My work');
    expect(await page.textContent('main')).toContain(user.username);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `my-work-${javaScript ? 'js' : 'no-js'}`);

    await page.click('button:has-text("Sign out")');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(errors).toEqual([]);
    await context.close();
  });
});
