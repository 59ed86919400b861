import AxeBuilder from '@axe-core/playwright';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { realClockEnv } from './real-clock';
import type { TestApi } from './test-api';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

/** Debian's Chromium, launched as the workplace allows (no sandbox as root, no background networking). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // a user's browser keeps its own clock whatever the server's says (and under libfaketime
    // Chromium crawls): the session cookie's Max-Age is what makes the two agree
    env: realClockEnv() as Record<string, string>,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const lastDocuments = new WeakMap<Page, Promise<string>>();

/** A fresh browser profile, with JavaScript on or off: every journey must work both ways. */
export function newContext(browser: Browser, javaScript: boolean): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 1280, height: 900 } });
}

/** A page that remembers the last document it was served, for checks that cannot run script in it. */
export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('response', (response) => {
    const request = response.request();
    const redirect = response.status() >= 300 && response.status() < 400;
    if (request.resourceType() === 'document' && request.frame() === page.mainFrame() && !redirect) {
      const text = response.text();
      text.catch(() => undefined); // a page closed before its body was read
      lastDocuments.set(page, text);
    }
  });
  return page;
}

/**
 * axe-core at WCAG 2.2 AA: returns the violations, each with its rule and the elements at fault.
 * axe runs as script, so for a page seen without JavaScript the same HTML is served again, at the
 * same address, to a scripted page of its own and checked there.
 */
export async function accessibilityViolations(
  page: Page,
  options: { javaScript: boolean },
): Promise<string[]> {
  let target = page;
  let scratch: BrowserContext | undefined;
  if (!options.javaScript) {
    // page.content() needs script; the document as the server sent it is what this browser shows
    const html = await lastDocuments.get(page);
    if (html === undefined)
      throw new Error('Open pages through newPage() so the HTML they were sent is kept');
    scratch = await page
      .context()
      .browser()!
      .newContext({ javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
    target = await scratch.newPage();
    const url = page.url();
    // a request never carries the fragment (#tab) that the page's address may have
    const document = url.split('#')[0];
    await target.route(
      (candidate) => candidate.href === document,
      (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
    await target.goto(url);
  }
  try {
    const results = await new AxeBuilder({ page: target })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    return results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  } finally {
    await scratch?.close();
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Has the test API listen on a free local port and answers its base URL, for a browser to visit. */
export async function listenForBrowser(api: TestApi): Promise<string> {
  await api.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
}

/** Signs in through the sign-in form and lands on `next`; throws when the sign-in does not get there. */
export async function signIn(
  page: Page,
  base: string,
  user: { username: string; password: string },
  next: string,
): Promise<void> {
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`);
  await page.fill('#username', user.username);
  await page.fill('#password', user.password);
  // wait for the document the form's POST (and its redirect) leads to, not the address mid-flight
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.click('button:has-text("Sign in")'),
  ]);
  const landed = new URL(page.url()).pathname;
  if (landed !== next) {
    const message = await page
      .locator('.govuk-error-summary, .govuk-error-message, h1')
      .allInnerTexts()
      .catch(() => [] as string[]);
    throw new Error(
      `Signing in as ${user.username} led to ${landed}, not ${next}` +
        (message.length ? `; the page said: ${message.join(' / ').replace(/\s+/g, ' ').trim()}` : ''),
    );
  }
}
