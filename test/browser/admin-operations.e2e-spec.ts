import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { syntheticPrecedents } from '@precedent/analytics';
import { QueueRegistry } from '@precedent/platform';
import {
  accessibilityViolations,
  launchBrowser,
  listenForBrowser,
  newContext,
  newPage,
  screenshot,
} from '../support/browser';
import { PrivateRedis } from '../support/private-redis';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { eventually, startTestWorker } from '../support/test-worker';

// One folder for the file: the configuration (IMPORTS_DIR with it) is read once per test file.
const importsDir = mkdtempSync(join(tmpdir(), 'precedent-web-imports-'));
process.env.IMPORTS_DIR = importsDir;
afterAll(() => rmSync(importsDir, { recursive: true, force: true }));

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('administration of the lexicon, imports and queues %s', (_label, javaScript) => {
  let api: TestApi;
  let worker: INestApplication;
  let browser: Browser;
  let base: string;
  let admin: SignedInUser;
  const suffix = javaScript ? 'js' : 'no-js';

  beforeAll(async () => {
    api = await startTestApi();
    base = await listenForBrowser(api);
    worker = await startTestWorker();
    browser = await launchBrowser();
    admin = await api.signedIn(['admin']);
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  async function signIn(page: Page, at: string, user: { username: string; password: string }, next: string) {
    await page.goto(`${at}/sign-in?next=${encodeURIComponent(next)}`);
    await page.fill('#username', user.username);
    await page.fill('#password', user.password);
    await page.click('button:has-text("Sign in")');
  }

  async function adminPage(next: string): Promise<Page> {
    const page = await newPage(await newContext(browser, javaScript));
    await signIn(page, base, admin, next);
    return page;
  }

  const noViolations = async (page: Page) =>
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

  it('an administrator adds a lexicon term, edits it and retires it, and sees each version', async () => {
    const page = await adminPage('/admin');
    await page.click('a:has-text("Lexicon")');
    expect(new URL(page.url()).pathname).toBe('/admin/lexicon');
    expect(await page.textContent('#terms')).toContain('Term');
    await noViolations(page);

    // nothing filled in: each field that needs it is named
    await page.click('button:has-text("Add the term")');
    const problems = await page.textContent('.govuk-error-summary');
    expect(problems).toContain('Enter the term or phrase');
    expect(problems).toContain('Choose the category the term suggests');
    await noViolations(page);

    const term = `send them all back ${suffix}`;
    await page.fill('#term', term);
    await page.selectOption('#category', 'discriminatory');
    await page.selectOption('#target', 'race');
    await page.fill('#note', 'Calls for removal of a group.');
    await page.click('button:has-text("Add the term")');
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/lexicon\/[0-9a-f-]{36}$/);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Term added');
    expect(await page.textContent('h1')).toContain(term);
    await noViolations(page);

    await page.fill('#term', `${term} now`);
    await page.selectOption('#category', 'abusive_or_offensive');
    await page.click('button:has-text("Save changes")');
    expect(await page.textContent('.govuk-notification-banner')).toContain('Changes saved');
    expect(await page.inputValue('#term')).toBe(`${term} now`);
    let history = await page.locator('#versions tbody tr').allTextContents();
    expect(history).toHaveLength(2);
    expect(history[0]).toContain('updated');
    expect(history[0]).toContain('abusive or offensive');
    expect(history[0]).toContain(admin.username);
    expect(history[1]).toContain('created');
    expect(history[1]).toContain('discriminatory');
    await noViolations(page);

    await page.click('button:has-text("Retire this term")');
    expect(await page.textContent('h1')).toContain('retired');
    history = await page.locator('#versions tbody tr').allTextContents();
    expect(history).toHaveLength(3);
    expect(history[0]).toContain('retired');
    await noViolations(page);
    await screenshot(page, `admin-lexicon-term-${suffix}`);

    // a stale edit (the form still says version 1) is refused, and what was typed is kept
    const id = new URL(page.url()).pathname.split('/')[3];
    const stale = await page.request.post(`${base}/admin/lexicon/${id}`, {
      form: {
        _csrf: await page.inputValue('input[name="_csrf"] >> nth=0'),
        version: '1',
        term: 'an edit made too late',
        category: 'other',
        target: '',
        note: '',
      },
    });
    expect(stale.status()).toBe(409);
    expect(await stale.text()).toContain('reload it and apply your edit again');

    await page.click('a:has-text("Lexicon")');
    expect(await page.textContent('#terms')).toContain(`${term} now`);
    const [audited] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND action LIKE 'lexicon.%'`,
      [admin.id],
    )) as { n: number }[];
    expect(audited.n).toBe(3);
    await page.context().close();
  });

  it('an administrator uploads a precedent file with one bad line and watches it to the end', async () => {
    const good = [...syntheticPrecedents({ cases: 5, seed: `web-import-${suffix}` })].map((c) =>
      JSON.stringify(c.record),
    );
    const bad = JSON.stringify({ ...JSON.parse(good[0]), ref: `BAD-${suffix}`, finding: 'maybe' });
    const file = join(importsDir, `national-${suffix}.jsonl`);
    writeFileSync(file, [...good.slice(0, 3), bad, ...good.slice(3)].join('\n') + '\n');

    const page = await adminPage('/admin');
    await page.click('a:has-text("Precedent imports")');
    expect(new URL(page.url()).pathname).toBe('/admin/imports');
    await noViolations(page);

    await page.click('button:has-text("Upload and import")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Choose a JSON Lines file to import');
    await noViolations(page);

    // a forged form (no valid token before the file) is refused and stores nothing
    const staged = readdirSync(importsDir).length;
    const forged = await page.request.post(`${base}/admin/imports`, {
      multipart: {
        _csrf: 'forged',
        file: { name: 'x.jsonl', mimeType: 'text/plain', buffer: Buffer.from(good[0]) },
      },
    });
    expect(forged.status()).toBe(403);
    expect(readdirSync(importsDir)).toHaveLength(staged);

    // each batch the database writes takes three seconds, so the import is seen running
    await api.dataSource.query(`
      CREATE FUNCTION slow_web_batches() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(3); RETURN NULL; END $$;
      CREATE TRIGGER slow_web_batches BEFORE INSERT ON precedents
        FOR EACH STATEMENT EXECUTE FUNCTION slow_web_batches();`);
    try {
      await page.setInputFiles('#file', file);
      await page.click('button:has-text("Upload and import")');
      expect(new URL(page.url()).pathname).toMatch(/^\/admin\/imports\/[0-9a-f-]{36}$/);
      const progressUrl = page.url();
      // while it runs the page asks the browser to load it again: no script needed
      const running = await page.request.get(progressUrl);
      const runningHtml = await running.text();
      expect(runningHtml).toMatch(/<meta http-equiv="refresh" content="\d+">/);
      expect(runningHtml).toMatch(/govuk-tag--(grey|blue)">\s*(queued|running)\s*<\/strong>/);

      await page.waitForSelector('#import-status .govuk-tag:has-text("finished")', { timeout: 60_000 });
    } finally {
      await api.dataSource.query(
        'DROP TRIGGER slow_web_batches ON precedents; DROP FUNCTION slow_web_batches();',
      );
    }
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    const counts = await page.textContent('#import-counts');
    expect(counts).toMatch(/Records read\s*6/);
    expect(counts).toMatch(/Imported \(new\)\s*5/);
    expect(counts).toMatch(/Rejected\s*1/);
    expect(counts).toMatch(/Started \(UTC\)\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const problems = await page.locator('#problems ~ table tbody tr').allTextContents();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('4');
    expect(problems[0]).toContain('finding');
    await noViolations(page);
    await screenshot(page, `admin-import-${suffix}`);

    await page.click('a.govuk-back-link');
    const listed = await page.locator('#imports tbody tr').first().textContent();
    expect(listed).toContain(`national-${suffix}.jsonl`);
    expect(listed).toContain('finished');
    await noViolations(page);
    await page.context().close();
  });

  it('an administrator opens queue status, sees a failed job with its reason and retries it', async () => {
    // a job no processor knows fails at once, with the worker's reason
    const queue = api.app.get(QueueRegistry).get('analytics');
    const job = await queue.add(`no-such-job-${suffix}`, {}, { attempts: 1 });
    await eventually(async () => (await job.getState()) === 'failed', { what: 'the job to fail' });
    const firstFailure = (await queue.getJob(job.id!))!.finishedOn!;

    const page = await adminPage('/admin');
    await page.click('a:has-text("Queue status")');
    expect(new URL(page.url()).pathname).toBe('/admin/queues');
    const counts = await page.locator('#queue-counts tbody tr').allTextContents();
    expect(counts.map((row) => row.trim().split(/\s+/)[0])).toEqual(
      expect.arrayContaining(['audit', 'analytics', 'evidence', 'hearings', 'reporting']),
    );
    const failedRow = page.locator('#failed-jobs tbody tr', { hasText: `no-such-job-${suffix}` });
    expect(await failedRow.textContent()).toContain(`No handler for analytics/no-such-job-${suffix}`);
    expect(await page.textContent('#outbox ~ p')).toBeTruthy();
    await noViolations(page);
    await screenshot(page, `admin-queues-${suffix}`);

    await failedRow.locator('button:has-text("Retry")').click();
    expect(await page.textContent('.govuk-notification-banner')).toContain(
      `analytics/${job.id} is waiting to run again`,
    );
    await noViolations(page);
    // it ran again (and failed again: still no handler), on a fresh count of attempts
    await eventually(
      async () => {
        const again = await queue.getJob(job.id!);
        return again?.finishedOn && again.finishedOn > firstFailure && (await again.getState()) === 'failed';
      },
      { what: 'the retried job to run again' },
    );
    const [audited] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND action = 'queue.job.retry'`,
      [admin.id],
    )) as { n: number }[];
    expect(audited.n).toBe(1);

    // only administrators see these pages
    const investigator = await api.signedIn(['investigator']);
    const other = await newPage(await newContext(browser, javaScript));
    await signIn(other, base, investigator, '/cases');
    for (const path of ['/admin/lexicon', '/admin/imports', '/admin/queues'])
      expect((await other.goto(`${base}${path}`))?.status()).toBe(403);
    await other.context().close();
    await page.context().close();
  });

  it('says plainly when Redis cannot be reached, instead of failing', async () => {
    const down = await PrivateRedis.create(); // never started: nothing answers on its port
    const cutOff = await startTestApi({ env: { REDIS_URL: down.url } });
    try {
      const cutOffBase = await listenForBrowser(cutOff);
      const page = await newPage(await newContext(browser, javaScript));
      await signIn(page, cutOffBase, admin, '/admin/queues');
      expect(new URL(page.url()).pathname).toBe('/admin/queues');
      expect(await page.textContent('#redis-unreachable')).toContain('Redis cannot be reached');
      expect(await page.textContent('#queue-counts')).toContain('unknown');
      await noViolations(page);
      await screenshot(page, `admin-queues-redis-down-${suffix}`);
      await page.context().close();
    } finally {
      await cutOff.close();
    }
  });
});
