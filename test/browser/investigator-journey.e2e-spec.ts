import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pngWithText } from '../support/evidence-fixtures';
import { accessibilityViolations, newContext, newPage, screenshot } from '../support/browser';
import { startBrowserWithWorker, type BrowserWithWorker } from '../support/browser-with-worker';
import type { SignedInUser, TestApi } from '../support/test-api';
import { eventually } from '../support/test-worker';
import { zip } from '../support/zip-writer';

const LRM = '\u200e';

/** A fictional WhatsApp group export (iOS, inside its ZIP) with one post that is the conduct at issue. */
function chatExport(marker: string): Buffer {
  return zip([
    {
      name: '_chat.txt',
      data: [
        `${LRM}[13/01/2026, 14:30:00] Sam Fictional: ${LRM}Messages and calls are end-to-end encrypted.`,
        '[13/01/2026, 14:31:05] Sam Fictional: parade at the depot 0600',
        `[13/01/2026, 14:35:12] Jo Placeholder: the complainants on that estate are all liars and scroungers ${marker}`,
        '[14/01/2026, 09:02:40] Alex Example: the new rota is out',
      ].join('\n'),
    },
  ]);
}

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the investigator journey in the staff web UI %s', (_label, javaScript) => {
  let setUp: BrowserWithWorker;
  let api: TestApi;
  let browser: Browser;
  const suffix = javaScript ? 'js' : 'no-js';

  beforeAll(async () => {
    setUp = await startBrowserWithWorker('precedent-journey');
    ({ api, browser } = setUp);
  });
  afterAll(() => setUp?.close());

  const signIn = (page: Page, user: SignedInUser, next: string) => setUp.signIn(page, user, next);

  /** The tab's link: with script it shows the panel, without it jumps to the section. */
  async function openTab(page: Page, id: string): Promise<void> {
    await page.click(`a.govuk-tabs__tab[href="#${id}"]`);
    if (javaScript) expect(await page.isVisible(`#${id}`)).toBe(true);
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
  }

  async function settled(evidenceId: string): Promise<string> {
    return eventually(
      async () => {
        const [row] = (await api.dataSource.query(`SELECT status FROM evidence_items WHERE id = $1`, [
          evidenceId,
        ])) as { status: string }[];
        return row.status === 'processed' || row.status === 'failed' ? row.status : undefined;
      },
      { what: `evidence ${evidenceId} to be processed`, timeoutMs: 60_000, intervalMs: 250 },
    );
  }

  async function count(table: string, caseId: string): Promise<number> {
    const [row] = (await api.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [
      caseId,
    ])) as { n: number }[];
    return row.n;
  }

  async function moveOn(page: Page, to: string, reason: string): Promise<void> {
    await openTab(page, 'summary');
    await page.check(`input[name="to"][value="${to}"]`);
    await page.fill('#reason', reason);
    await page.click('button:has-text("Change status")');
    expect(await page.textContent('h1 .govuk-tag')).toContain(to.replace(/_/g, ' '));
  }

  it('records a case, its subject, allegation, evidence and conduct, then the authority assesses and refers it', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'north' });
    const authority = await api.signedIn(['appropriate_authority']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);

    // Intake
    await signIn(page, investigator, '/cases/new');
    await expectAccessible(page);
    await page.check('input[name="source"][value="line_manager"]');
    await page.fill('#receivedAt-day', '2');
    await page.fill('#receivedAt-month', '11');
    await page.fill('#receivedAt-year', '2026');
    await page.fill('#summary', `Posts in a response team's WhatsApp group about complainants (${suffix}).`);
    await page.fill('#reporterName', 'Insp. Casey Example');
    await page.fill('#reporterContact', 'casey.example@force.example');
    await page.click('button:has-text("Record the case")');
    expect(new URL(page.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split('/')[2];
    const caseUrl = `/cases/${caseId}`;
    expect(await page.textContent('h1')).toMatch(/PSD-\d{4}-\d{5}/);
    expect((await page.locator('a.govuk-tabs__tab').allTextContents()).map((t) => t.trim())).toEqual([
      'Summary',
      'Subjects and allegations',
      'Conduct items',
      'Evidence',
      'Assessment',
      'Hearing',
      'Timeline',
    ]);
    // An investigator records no assessment (the appropriate authority does) and reads no audit.
    expect(await page.locator('#assessment-severity').count()).toBe(0);
    expect(await page.locator('a[href="#audit"]').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, `journey-case-summary-${suffix}`);

    // Bad input: the subject form sent empty names every missing field and saves nothing.
    await openTab(page, 'subjects');
    await page.fill('#subject-staffNumber', '4821');
    await page.click('button:has-text("Add the subject")');
    const problems = await page.textContent('.govuk-error-summary');
    expect(problems).toContain('Enter the name of the officer or member of staff');
    expect(problems).toContain('Choose their role');
    expect(problems).toContain('Choose their force');
    expect(problems).not.toContain('staff number');
    expect(await page.textContent('#subject-name-error')).toContain('Enter the name');
    expect(await page.inputValue('#subject-staffNumber')).toBe('4821');
    if (javaScript) expect(await page.isVisible('#subject-name')).toBe(true);
    expect(await count('case_subjects', caseId)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, `journey-subject-errors-${suffix}`);

    // Subject and allegation
    await page.fill('#subject-name', 'PC Jordan Fictional');
    await page.selectOption('#subject-role', 'constable');
    await page.selectOption('#subject-force', 'kent');
    await page.click('button:has-text("Add the subject")');
    expect(new URL(page.url()).pathname).toBe(caseUrl);
    expect(await page.textContent('#subjects')).toContain('PC Jordan Fictional (constable, Kent Police)');
    await page.selectOption('#allegation-subjectId', { label: 'PC Jordan Fictional' });
    await page.check('input[name="standards"][value="discreditable_conduct"]');
    await page.check('input[name="standards"][value="authority_respect_and_courtesy"]');
    await page.fill('#allegation-description', 'Called complainants liars and scroungers in the team group.');
    await page.click('button:has-text("Add the allegation")');
    expect(new URL(page.url()).pathname).toBe(caseUrl);
    const subjectsTab = await page.textContent('#subjects');
    expect(subjectsTab).toContain('authority respect and courtesy, discreditable conduct');
    expect(subjectsTab).toContain('Called complainants liars and scroungers');
    await expectAccessible(page);

    // Evidence: a screenshot, read by OCR
    const shot = join(setUp.evidenceDir, `group-chat-${suffix}.png`);
    await writeFile(shot, await pngWithText(['Night shift group', `Screenshot ${suffix}`]));
    await openTab(page, 'evidence');
    await page.fill('#description', 'Screenshot sent by the line manager');
    await page.setInputFiles('#file', shot);
    await page.click('button:has-text("Upload evidence")');
    expect(new URL(page.url()).pathname).toMatch(/^\/evidence\/[0-9a-f-]{36}$/);
    const shotId = new URL(page.url()).pathname.split('/')[2];
    expect(await settled(shotId)).toBe('processed');
    await page.reload();
    expect(await page.textContent('#ocr ~ .govuk-inset-text')).toMatch(/Night shift group/);
    await expectAccessible(page);

    // Evidence: the group's export, parsed by the worker into posts
    const archive = join(setUp.evidenceDir, `whatsapp-night-shift-${suffix}.zip`);
    await writeFile(archive, chatExport(suffix));
    await page.click('a:has-text("Back to the case")');
    await openTab(page, 'evidence');
    await page.setInputFiles('#file', archive);
    await page.click('button:has-text("Upload evidence")');
    const archiveId = new URL(page.url()).pathname.split('/')[2];
    expect(await settled(archiveId)).toBe('processed');
    await page.reload();
    expect(await page.textContent('#posts ~ p')).toContain('4 posts read from this WhatsApp export');
    expect(await page.locator('button:has-text("Use as conduct item")').count()).toBe(4);
    await expectAccessible(page);

    // The post browser's search (a GET form), then "Use as conduct item" on the one found
    await page.fill('#q', 'scroungers');
    await page.click('button:has-text("Search")');
    expect(new URL(page.url()).searchParams.get('q')).toBe('scroungers');
    const found = page.locator('ol.app-posts > li');
    expect(await found.count()).toBe(1);
    expect(await found.first().textContent()).toContain('Jo Placeholder');
    await expectAccessible(page);
    await screenshot(page, `journey-posts-${suffix}`);

    // Used without saying who could see it or what it is: refused, nothing saved.
    await page.click('button:has-text("Use as conduct item")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Choose who could see the post');
    expect(await count('conduct_items', caseId)).toBe(0);
    await expectAccessible(page);
    await page.selectOption('#promote-audience', 'private_group');
    await page.check('input[name="categories"][value="abusive_or_offensive"]');
    await page.click('button:has-text("Use as conduct item")');
    expect(new URL(page.url()).pathname).toBe(caseUrl);
    expect(new URL(page.url()).hash).toBe('#conduct');
    if (javaScript) expect(await page.isVisible('#conduct')).toBe(true);
    expect(await page.textContent('#conduct')).toContain(
      `the complainants on that estate are all liars and scroungers ${suffix}`,
    );
    const [promoted] = (await api.dataSource.query(
      `SELECT source_evidence_id, source_archive_post_id FROM conduct_items WHERE case_id = $1`,
      [caseId],
    )) as { source_evidence_id: string; source_archive_post_id: string | null }[];
    expect(promoted.source_evidence_id).toBe(archiveId);
    expect(promoted.source_archive_post_id).not.toBeNull();

    // A conduct item typed in
    await page.fill('#conduct-text', 'Reposted the same comment about the estate to a public page.');
    await page.selectOption('#conduct-platform', 'facebook');
    await page.selectOption('#conduct-audience', 'public');
    await page.fill('#conduct-audienceSize', '340');
    await page.check('input[name="categories"][value="abusive_or_offensive"]');
    await page.selectOption('#conduct-participation', 'shared');
    await page.check('#conduct-identifiableAsPolice');
    await page.click('button:has-text("Add the conduct item")');
    expect(new URL(page.url()).hash).toBe('#conduct');
    expect(await page.textContent('#conduct')).toContain('Reposted the same comment about the estate');
    expect(await count('conduct_items', caseId)).toBe(2);
    await expectAccessible(page);
    await screenshot(page, `journey-conduct-${suffix}`);
    await context.close();

    // The appropriate authority records the severity assessment and refers the case.
    const aaContext = await newContext(browser, javaScript);
    const aaPage = await newPage(aaContext);
    await signIn(aaPage, authority, caseUrl);
    await openTab(aaPage, 'assessment');
    await aaPage.check('input[name="severity"][value="gross_misconduct"]');
    await aaPage.click('button:has-text("Record the assessment")');
    expect(await aaPage.textContent('.govuk-error-summary')).toContain('Explain the assessment');
    await expectAccessible(aaPage);
    await aaPage.fill(
      '#assessment-rationale',
      'Contempt for the public, shared to hundreds; identifiable as police.',
    );
    await aaPage.click('button:has-text("Record the assessment")');
    expect(new URL(aaPage.url()).hash).toBe('#assessment');
    expect(await aaPage.textContent('#assessment')).toContain('gross misconduct');
    await expectAccessible(aaPage);
    await screenshot(aaPage, `journey-assessment-${suffix}`);

    await moveOn(aaPage, 'assessed', 'Severity assessment recorded.');
    await moveOn(aaPage, 'investigating', 'Investigation to establish who else saw the posts.');
    await moveOn(aaPage, 'referred_to_hearing', 'Case to answer for gross misconduct.');
    await openTab(aaPage, 'timeline');
    const timeline = await aaPage.textContent('#timeline table');
    expect(timeline).toContain('investigating → referred to hearing');
    expect(timeline).toContain('Case to answer for gross misconduct.');
    expect(timeline).toContain('assessed');
    await expectAccessible(aaPage);
    await screenshot(aaPage, `journey-timeline-${suffix}`);

    await openTab(aaPage, 'hearing');
    expect(await aaPage.getAttribute('a:has-text("Arrange a meeting or hearing")', 'href')).toBe(
      `/hearings/new?caseId=${caseId}`,
    );
    await aaContext.close();

    // Someone who may read the audit (as GET /api/audit allows) sees the case's trail in its own tab.
    const auditor = await api.signedIn(['appropriate_authority', 'admin']);
    const auditContext = await newContext(browser, javaScript);
    const auditPage = await newPage(auditContext);
    await signIn(auditPage, auditor, caseUrl);
    await openTab(auditPage, 'audit');
    const trail = await auditPage.textContent('#audit table');
    expect(trail).toContain('case.assess');
    expect(trail).toContain('case.transition');
    await expectAccessible(auditPage);
    await auditContext.close();
    // the whole journey, with two files processed by the worker and axe on every page, runs long
  }, 240_000);
});
