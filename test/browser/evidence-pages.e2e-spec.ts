import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pngWithText } from '../support/evidence-fixtures';
import { accessibilityViolations, newContext, newPage, screenshot } from '../support/browser';
import { startBrowserWithWorker, type BrowserWithWorker } from '../support/browser-with-worker';
import type { SignedInUser, TestApi } from '../support/test-api';
import { eventually } from '../support/test-worker';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('evidence on the case page in the staff web UI %s', (_label, javaScript) => {
  let setUp: BrowserWithWorker;
  let api: TestApi;
  let browser: Browser;
  let base: string;
  const suffix = javaScript ? 'js' : 'no-js';

  beforeAll(async () => {
    setUp = await startBrowserWithWorker('precedent-web-evidence');
    ({ api, browser, base } = setUp);
  });
  afterAll(() => setUp?.close());

  const signIn = (page: Page, user: SignedInUser, next: string) => setUp.signIn(page, user, next);

  async function newCase(user: SignedInUser): Promise<string> {
    const created = await api
      .http()
      .post('/api/cases')
      .set(user.auth)
      .send({ source: 'psd_direct', receivedAt: '2026-11-02', summary: 'Screenshots of a team group chat.' })
      .expect(201);
    return created.body.id as string;
  }

  it('an investigator uploads a screenshot from the case page, then sees its thumbnail, preview and OCR text', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const caseId = await newCase(investigator);
    const file = join(setUp.evidenceDir, `screenshot-${suffix}.png`);
    await writeFile(file, await pngWithText(['Fictional group chat', `Meeting at noon ${suffix}`]));
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, investigator, `/cases/${caseId}`);

    // No file chosen: the case page says so (the form is on the case page's evidence tab).
    await page.click('a.govuk-tabs__tab[href="#evidence"]');
    await page.click('button:has-text("Upload evidence")');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'No file was received. Choose a file and upload it again.',
    );
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    await page.fill('#description', 'Screenshot sent by the reporter');
    await page.setInputFiles('#file', file);
    await page.click('button:has-text("Upload evidence")');
    expect(new URL(page.url()).pathname).toMatch(/^\/evidence\/[0-9a-f-]{36}$/);
    const evidenceId = new URL(page.url()).pathname.split('/')[2];
    expect(await page.textContent('h1')).toContain(`screenshot-${suffix}.png`);

    await eventually(
      async () => {
        const [row] = (await api.dataSource.query(`SELECT status FROM evidence_items WHERE id = $1`, [
          evidenceId,
        ])) as { status: string }[];
        return row.status === 'processed' || row.status === 'failed' ? row.status : undefined;
      },
      { what: 'the screenshot to be processed', timeoutMs: 60_000, intervalMs: 250 },
    );
    await page.reload();
    expect(await page.textContent('#ocr ~ .govuk-inset-text')).toMatch(/Fictional group chat/);
    expect(await page.getAttribute('img.app-preview', 'src')).toBe(`/evidence/${evidenceId}/preview`);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `evidence-${suffix}`);

    await page.click('a:has-text("Back to the case")');
    expect(await page.textContent('#evidence table')).toContain('Screenshot sent by the reporter');
    const thumbnail = await context.request.get(`${base}/evidence/${evidenceId}/thumbnail`);
    expect(thumbnail.status()).toBe(200);
    expect(thumbnail.headers()['content-type']).toBe('image/webp');
    if (javaScript) {
      expect(
        await page.$eval(
          'img.app-thumbnail',
          (img) => (img as unknown as { naturalWidth: number }).naturalWidth,
        ),
      ).toBeGreaterThan(0);
    }
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `case-evidence-${suffix}`);

    // The view, the thumbnail and the preview are on the item's chain of custody.
    const custody = (await api.dataSource.query(
      `SELECT action FROM evidence_custody_events WHERE evidence_id = $1`,
      [evidenceId],
    )) as { action: string }[];
    expect(custody.map((c) => c.action)).toEqual(expect.arrayContaining(['uploaded', 'viewed']));
    await context.close();
  });

  it('refuses an upload without the form token, storing nothing, and hides a case that is not yours', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const outsider = await api.signedIn(['investigator'], { team: 'west' });
    const caseId = await newCase(investigator);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, investigator, `/cases/${caseId}`);
    const forged = await context.request.post(`${base}/cases/${caseId}/evidence`, {
      multipart: {
        file: { name: 'x.png', mimeType: 'image/png', buffer: await pngWithText(['forged']) },
      },
    });
    expect(forged.status()).toBe(403);
    const [count] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence_items WHERE case_id = $1`,
      [caseId],
    )) as { n: number }[];
    expect(count.n).toBe(0);

    const other = await newContext(browser, javaScript);
    const outsiderPage = await newPage(other);
    await outsiderPage.goto(`${base}/sign-in?next=/`);
    await outsiderPage.fill('#username', outsider.username);
    await outsiderPage.fill('#password', outsider.password);
    await outsiderPage.click('button:has-text("Sign in")');
    const [item] = (await api.dataSource.query(`SELECT id FROM evidence_items LIMIT 1`)) as { id: string }[];
    const hidden = await other.request.get(`${base}/evidence/${item.id}/thumbnail`);
    expect(hidden.status()).toBe(404);
    await other.close();
    await context.close();
  });
});
