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
])('the matched passage in a screenshot’s text, in the staff web UI %s', (_label, javaScript) => {
  let setUp: BrowserWithWorker;
  let api: TestApi;
  let browser: Browser;
  let base: string;
  const suffix = javaScript ? 'js' : 'no-js';

  beforeAll(async () => {
    setUp = await startBrowserWithWorker('precedent-web-highlight');
    ({ api, browser, base } = setUp);
  });
  afterAll(() => setUp?.close());

  const signIn = (page: Page, user: SignedInUser, next: string) => setUp.signIn(page, user, next);

  async function conductItem(user: SignedInUser, caseId: string, text: string): Promise<void> {
    await api
      .http()
      .post(`/api/cases/${caseId}/conduct-items`)
      .set(user.auth)
      .send({
        platform: 'whatsapp',
        audience: 'private_group',
        text,
        categories: ['discriminatory'],
        targets: ['race'],
      })
      .expect(201);
  }

  it('marks the passage of a screenshot that a conduct item quotes, on the evidence page and in the case page’s excerpt', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const created = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({ source: 'psd_direct', receivedAt: '2026-11-02', summary: 'A screenshot of a team group chat.' })
      .expect(201);
    const caseId = created.body.id as string;
    // Item 1 is elsewhere in the chat; item 2 is the post the screenshot shows, typed in by hand.
    await conductItem(
      investigator,
      caseId,
      'Nobody on this team will ever be promoted while I am sergeant here',
    );
    await conductItem(
      investigator,
      caseId,
      'Honestly mate, go back to where you came from and take every one of them with you',
    );
    const file = join(setUp.evidenceDir, `chat-${suffix}.png`);
    await writeFile(
      file,
      await pngWithText(
        [
          'Team chat (fictional)',
          'Mike: Honestly mate, go back to where you',
          'came from and take every one of them with you',
          'Sarah: that is not funny, stop it',
        ],
        1100,
      ),
    );

    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, investigator, `/cases/${caseId}`);
    await page.click('a.govuk-tabs__tab[href="#evidence"]');
    await page.setInputFiles('#file', file);
    await page.click('button:has-text("Upload evidence")');
    const evidenceId = new URL(page.url()).pathname.split('/')[2];
    await eventually(
      async () => {
        const [row] = (await api.dataSource.query(`SELECT status FROM evidence_items WHERE id = $1`, [
          evidenceId,
        ])) as { status: string }[];
        return row.status === 'processed' || row.status === 'failed' ? row.status : undefined;
      },
      { what: 'the screenshot to be processed', timeoutMs: 60_000, intervalMs: 250 },
    );

    // Found through the case list's search: the searched word is marked on the case page, and
    // carried from there to the evidence page.
    await page.goto(`${base}/cases?q=mate`);
    await page.click(`table a[href="/cases/${caseId}?q=mate"]`);
    expect(new URL(page.url()).search).toBe('?q=mate');
    expect(await page.textContent('#conduct-item-2 mark.app-term[title^="A word you searched for"]')).toBe(
      'mate',
    );

    // The case page's evidence tab: a short excerpt under the thumbnail, the passage marked.
    await page.click('a.govuk-tabs__tab[href="#evidence"]');
    const excerpt = page.locator('#evidence table .app-excerpt');
    expect(await excerpt.locator('.govuk-tag').textContent()).toBe('Matches conduct item 2');
    expect((await excerpt.locator('mark.app-passage').textContent())!.replace(/\s+/g, ' ')).toMatch(
      /go back to where you came from/,
    );
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `case-evidence-highlight-${suffix}`);

    await page.click(`#evidence table a[href="/evidence/${evidenceId}?q=mate"]`);
    const passage = page.locator('#ocr ~ .govuk-inset-text mark.app-passage');
    expect(await passage.count()).toBe(1);
    expect(await passage.getAttribute('id')).toBe('passage-2');
    expect((await passage.textContent())!.replace(/\s+/g, ' ')).toMatch(
      /Honestly mate, go back to where you came from and take every one of them with you/,
    );
    expect(await page.textContent('#ocr ~ .govuk-inset-text .govuk-tag')).toBe('Matches conduct item 2');
    // Inside the passage: the searched word, and the lexicon's term with why it is marked.
    expect(await passage.locator('mark[title^="A word you searched for"]').textContent()).toBe('mate');
    const term = passage.locator('mark.app-term[title*="discriminatory"]');
    expect((await term.textContent())!.replace(/\s+/g, ' ')).toBe('go back to where you came from');
    // The passage is listed above the text, with links to it and to the conduct item.
    await page.click('a:has-text("The passage matching conduct item 2")');
    expect(new URL(page.url()).hash).toBe('#passage-2');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `evidence-highlight-${suffix}`);

    // Nothing is marked as a passage that the OCR text does not hold (item 1), the text is all
    // there between the marks, and a searched word outside the passage is marked too.
    expect(await page.locator('#passage-1').count()).toBe(0);
    expect(await page.textContent('#ocr ~ .govuk-inset-text')).toMatch(/Team chat \(fictional\)/);
    await page.goto(`${base}/evidence/${evidenceId}?q=funny`);
    expect(await page.textContent('#ocr ~ .govuk-inset-text mark[title^="A word you searched for"]')).toBe(
      'funny',
    );
    expect(await page.locator('mark.app-passage mark[title^="A word you searched for"]').count()).toBe(0);

    await page.click('a:has-text("conduct item 2 on the case page")');
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);
    expect(new URL(page.url()).hash).toBe('#conduct-item-2');
    expect(await page.textContent('#conduct-item-2')).toContain('Conduct item 2');
    await context.close();
  });
});
