import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { blankScreenshot } from '../support/anonymous-channel';
import {
  accessibilityViolations,
  launchBrowser,
  listenForBrowser,
  newContext,
  newPage,
  screenshot,
  signIn,
} from '../support/browser';
import { startTestApi, type TestApi } from '../support/test-api';
import { SAMPLE_REPORT, startTestReporter, type TestReporter } from '../support/test-reporter';
import { eventually, startTestWorker } from '../support/test-worker';

/**
 * The anonymous channel from end to end in two browsers: a reporter on the portal and an
 * investigator in the staff web UI, with the worker delivering the notice of the reporter's reply.
 */
describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the anonymous channel in the browser %s', (_label, javaScript) => {
  let api: TestApi;
  let reporter: TestReporter;
  let worker: INestApplication;
  let browser: Browser;
  let base: string;
  let portal: string;
  const suffix = javaScript ? 'js' : 'no-js';

  beforeAll(async () => {
    api = await startTestApi();
    reporter = await startTestReporter();
    base = await listenForBrowser(api);
    await reporter.app.listen(0, '127.0.0.1');
    portal = `http://127.0.0.1:${(reporter.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await reporter?.close();
    await api?.close();
  });

  const clean = async (page: Page) => expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

  it('goes from a report with a screenshot to a case made from it, a question, and a reply staff see on My work', async () => {
    const summary = `Officer mocking a vigil on Facebook (${suffix})`;
    const shot = await blankScreenshot();

    // the reporter sends a report with a screenshot through the portal
    const reporterContext = await newContext(browser, javaScript);
    const reporterPage = await newPage(reporterContext);
    await reporterPage.goto(`${portal}/`);
    await clean(reporterPage);
    await reporterPage.fill('#summary', summary);
    await reporterPage.fill('#details', SAMPLE_REPORT.details);
    await reporterPage.selectOption('#platform', 'facebook');
    await reporterPage.fill('#links', SAMPLE_REPORT.links[0]);
    await reporterPage.setInputFiles('#attachment', {
      name: 'shot.png',
      mimeType: 'image/png',
      buffer: shot,
    });
    await Promise.all([
      reporterPage.waitForNavigation({ waitUntil: 'load' }),
      reporterPage.click('button:has-text("Send report")'),
    ]);
    if ((await reporterPage.locator('.portal-receipt').count()) === 0)
      throw new Error(`The report was not taken: ${await reporterPage.innerText('main')}`);
    const receipt = ((await reporterPage.textContent('.portal-receipt')) ?? '').trim();
    expect(receipt).toMatch(/^\d{4}( \d{4}){4}$/);
    await clean(reporterPage);

    // an investigator finds it on My work and opens it: reading changes nothing
    const investigator = await api.signedIn(['investigator'], { team: 'north' });
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, base, investigator, '/');
    expect(await page.textContent('#anonymous + table')).toContain(summary);
    await page.click(`a:has-text("${summary}")`);
    const reportPath = new URL(page.url()).pathname;
    expect(reportPath).toMatch(/^\/anonymous\/[0-9a-f-]{36}$/);
    const reportId = reportPath.split('/')[2];
    expect(await page.textContent('main')).toContain(SAMPLE_REPORT.details);
    expect(await page.textContent('h1 .govuk-tag')).toContain('received');

    // the reporter's screenshot, shown as an image, served with no-sniff only to those allowed
    const image = page.locator('img.app-screenshot');
    expect(await image.count()).toBe(1);
    expect(
      await image.evaluate((img) => {
        const loaded = img as unknown as { complete: boolean; naturalWidth: number };
        return loaded.complete && loaded.naturalWidth;
      }),
    ).toBe(40);
    const src = (await image.getAttribute('src')) ?? '';
    const served = await page.request.get(`${base}${src}`);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/png');
    expect(served.headers()['x-content-type-options']).toBe('nosniff');
    const outsider = await api.signedIn(['panel_member']);
    await api.http().get(src).expect(401);
    await api
      .http()
      .get(src.replace('/anonymous/', '/api/anonymous-reports/'))
      .set(outsider.auth)
      .expect(403);
    await clean(page);
    await screenshot(page, `anonymous-report-${suffix}`);

    // a question to the reporter
    const question = 'Thank you. Roughly how many people are in the group?';
    await page.fill('#body', question);
    await page.click('button:has-text("Send the message")');
    expect(await page.textContent('#messages ~ .govuk-inset-text')).toContain(question);
    expect(await page.textContent('h1 .govuk-tag')).toContain('in review');

    // a case made from the report carries its details and screenshot, and the two link to each other
    await page.click('button:has-text("Create a case from this report")');
    const casePath = new URL(page.url()).pathname;
    expect(casePath).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    const caseId = casePath.split('/')[2];
    const caseText = (await page.textContent('main')) ?? '';
    expect(caseText).toContain(summary);
    expect(caseText).toContain(SAMPLE_REPORT.details);
    expect(await page.getAttribute('a:has-text("Came from anonymous report")', 'href')).toBe(reportPath);
    const evidence = (await api.dataSource.query(
      `SELECT e.sha256, e.original_name, c.action FROM evidence_items e JOIN evidence_custody_events c ON c.evidence_id = e.id
        WHERE e.case_id = $1`,
      [caseId],
    )) as { sha256: string; original_name: string; action: string }[];
    expect(evidence).toEqual([
      {
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        original_name: expect.stringMatching(/^anonymous-report-screenshot-.+\.png$/),
        action: 'uploaded',
      },
    ]);
    expect(caseText).toContain(evidence[0].original_name);
    await clean(page);
    await page.goto(`${base}${reportPath}`);
    expect(await page.getAttribute('#case ~ .govuk-inset-text a', 'href')).toBe(casePath);
    expect(await page.locator('button:has-text("Create a case from this report")').count()).toBe(0);

    // the reporter signs in with the receipt code, rereads the report and the question, and replies
    await reporterPage.goto(`${portal}/sign-in`);
    await reporterPage.fill('#receipt', receipt);
    await reporterPage.click('button:has-text("Sign in")');
    expect(new URL(reporterPage.url()).pathname).toBe('/report');
    const mine = (await reporterPage.textContent('main')) ?? '';
    expect(mine).toContain(summary);
    expect(mine).toContain(SAMPLE_REPORT.details);
    expect(mine).toContain(question);
    await clean(reporterPage);
    await reporterPage.fill('#body', 'About forty people.');
    await reporterPage.click('button:has-text("Send message")');
    expect(await reporterPage.textContent('.govuk-notification-banner')).toContain('Message sent');
    await clean(reporterPage);
    await screenshot(reporterPage, `anonymous-portal-reply-${suffix}`);
    await reporterContext.close();

    // the notice goes out at the next hour (so it dates the reply no closer): that hour has come
    await api.dataSource.query(`UPDATE outbox_messages SET delay_until = now() WHERE queue = 'reporting'`);
    worker = await startTestWorker();
    await eventually(
      async () =>
        (
          (await api.dataSource.query(
            `SELECT 1 FROM staff_notifications WHERE subject_id = $1 AND recipient_id = $2`,
            [reportId, investigator.id],
          )) as unknown[]
        ).length > 0,
      { what: "the notice of the reporter's reply" },
    );

    await page.goto(`${base}/`);
    expect(await page.textContent('#reporter-messages + ul')).toContain(summary);
    await clean(page);
    await screenshot(page, `anonymous-my-work-${suffix}`);
    await page.click(`#reporter-messages + ul a:has-text("${summary}")`);
    expect(await page.textContent('main')).toContain('About forty people.');
    // opened: the notice is read
    await page.goto(`${base}/`);
    expect(await page.textContent('main')).toContain('No new messages from reporters.');
    await context.close();
  }, 180_000);

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
