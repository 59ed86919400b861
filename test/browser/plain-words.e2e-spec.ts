import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, listenForBrowser, newContext, newPage, signIn } from '../support/browser';
import { codeWords } from '../support/plain-words';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(240_000);

/** Everything the staff pages say about a person's task: errors, confirmations, notes and warnings. */
const MESSAGES = [
  '.govuk-error-summary__list li',
  '.govuk-error-message',
  '.govuk-notification-banner__content',
  '.govuk-inset-text',
  '.govuk-warning-text__text',
  'main p.govuk-body',
].join(', ');

/** The same messages read from HTML a crafted request got back (no page shows it). */
function messagesIn(html: string): string[] {
  const out: string[] = [];
  const strip = (text: string) =>
    text
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  for (const [, item] of html.matchAll(/<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/g))
    for (const [, li] of item.matchAll(/<li>([\s\S]*?)<\/li>/g)) out.push(strip(li));
  for (const [, message] of html.matchAll(/<p[^>]*class="govuk-error-message"[^>]*>([\s\S]*?)<\/p>/g))
    out.push(strip(message));
  return out;
}

/**
 * The staff pages and their forms, sent bad input with JavaScript off (the server's words, not the
 * browser's): no message a person reads may contain a field name, a code or a document reference.
 */
describe('plain words in the staff web UI', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  const seen: { where: string; text: string }[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    base = await listenForBrowser(api);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function collect(page: Page, where: string): Promise<void> {
    for (const text of await page.locator(MESSAGES).allInnerTexts()) seen.push({ where, text });
  }

  /** A form post the page would never send (a choice it does not offer), with the page's own token. */
  async function crafted(page: Page, path: string, form: Record<string, string>, where: string) {
    const csrf = await page.getAttribute('input[name="_csrf"]', 'value');
    const response = await page.request.post(`${base}${path}`, {
      form: { _csrf: csrf ?? '', ...form },
      maxRedirects: 5,
    });
    const html = await response.text();
    for (const text of messagesIn(html)) seen.push({ where, text });
    return html;
  }

  async function submit(page: Page, button: string, where: string): Promise<void> {
    await page.click(`button:has-text("${button}")`);
    await collect(page, where);
  }

  it('says what to do in sentences, never in field names, codes or document references', async () => {
    // the detector finds what was seen before this was fixed
    expect(codeWords('source must be one of: line_manager, psd_direct, …')).toEqual(
      expect.arrayContaining(['line_manager', 'psd_direct']),
    );
    expect(codeWords('SeenAt cannot be in the future')).toEqual(['SeenAt']);
    expect(codeWords('Posts in a WhatsApp group')).toEqual([]);
    expect(codeWords('receivedAt must be a date as YYYY-MM-DD')).toEqual(['receivedAt']);
    expect(codeWords('Refer to the IOPC by 4 December (domain.md §4.2)')).toContain('domain.md');
    expect(codeWords('Too soon for the officer. (rule: officer response period)')).toContain('(rule:');
    expect(codeWords('This needs the appropriate_authority role.')).toEqual(['appropriate_authority']);

    const investigator = await api.signedIn(['investigator'], { team: 'north' });
    const authority = await api.signedIn(['appropriate_authority']);
    const page = await newPage(await newContext(browser, false));
    await signIn(page, base, investigator, '/cases/new');

    // Intake: empty, then an impossible date with proactive monitoring and no authorisation, then the future.
    await submit(page, 'Record the case', 'record a case, empty');
    expect(seen.length).toBeGreaterThan(2);
    await page.check('input[name="source"][value="proactive_monitoring"]');
    await page.fill('#receivedAt-day', '31');
    await page.fill('#receivedAt-month', '2');
    await page.fill('#receivedAt-year', '2026');
    await page.fill('#summary', 'short');
    await submit(page, 'Record the case', 'record a case, impossible date and monitoring');
    const nextYear = new Date().getUTCFullYear() + 1;
    await page.fill('#receivedAt-day', '3');
    await page.fill('#receivedAt-month', '12');
    await page.fill('#receivedAt-year', String(nextYear));
    await submit(page, 'Record the case', 'record a case, in the future');
    await crafted(
      page,
      '/cases/new',
      { source: 'psd_direct_bogus', summary: 'x'.repeat(5000), 'receivedAt-day': 'a' },
      'record a case, crafted',
    );

    // A case recorded properly, then each of its forms sent empty or wrong.
    await page.check('input[name="source"][value="line_manager"]');
    // yesterday, counted from today: a fixed day of the year is in the future for part of every year
    const yesterday = new Date(Date.now() - 86_400_000);
    await page.fill('#receivedAt-day', String(yesterday.getUTCDate()));
    await page.fill('#receivedAt-month', String(yesterday.getUTCMonth() + 1));
    await page.fill('#receivedAt-year', String(yesterday.getUTCFullYear()));
    await page.fill('#summary', 'Posts in a WhatsApp group about a community.');
    await page.click('button:has-text("Record the case")');
    const caseId = new URL(page.url()).pathname.split('/')[2];
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    const reference = ((await page.textContent('h1')) ?? '').match(/PSD-\d{4}-\d{5}/)?.[0];
    await collect(page, 'the case page, new');

    await submit(page, 'Add the subject', 'subject, empty');
    await crafted(
      page,
      `/cases/${caseId}/subjects`,
      {
        name: 'x'.repeat(300),
        staffNumber: '1',
        role: 'chief_constable_x',
        force: 'nowhere_force',
        serviceStart: '2999-01-01',
      },
      'subject, crafted',
    );
    await page.goto(`${base}/cases/${caseId}`);
    await page.fill('#subject-name', 'PC Jordan Fictional');
    await page.fill('#subject-staffNumber', '4821');
    await page.selectOption('#subject-role', 'constable');
    await page.selectOption('#subject-force', { index: 1 });
    await page.click('button:has-text("Add the subject")');
    await submit(page, 'Add the allegation', 'allegation, empty');
    await crafted(
      page,
      `/cases/${caseId}/allegations`,
      {
        subjectId: '00000000-0000-4000-8000-000000000000',
        standards: 'bogus_standard',
        description: 'A long enough allegation.',
      },
      'allegation, crafted',
    );
    await page.goto(`${base}/cases/${caseId}`);
    await submit(page, 'Add the conduct item', 'conduct item, empty');
    await page.fill('#conduct-text', 'fictional derogatory words about a group');
    await page.fill('#conduct-audienceSize', 'many');
    await page.fill('#conduct-postedAt-day', '03/12/2026');
    await page.fill('#conduct-url', 'not a link');
    await page.fill('#conduct-messageCount', '-2');
    await submit(page, 'Add the conduct item', 'conduct item, wrong values');
    await crafted(
      page,
      `/cases/${caseId}/conduct-items`,
      {
        text: 'words',
        platform: 'myspace_x',
        audience: 'everyone_x',
        categories: 'bad_category',
        participation: 'lurker_x',
        offDuty: 'maybe',
      },
      'conduct item, crafted',
    );
    await page.goto(`${base}/cases/${caseId}`);
    await page.fill('#conduct-text', 'fictional derogatory words about a group');
    await page.selectOption('#conduct-platform', 'whatsapp');
    await page.selectOption('#conduct-audience', 'private_group');
    await page.check('input[name="categories"][value="discriminatory"]');
    await page.check('input[name="offDuty"][value="yes"]');
    await page.click('button:has-text("Add the conduct item")');
    await collect(page, 'conduct item added');
    await crafted(
      page,
      `/cases/${caseId}/transitions`,
      { to: 'decided', reason: 'Trying.' },
      'transition, not yours',
    );
    await crafted(
      page,
      `/cases/${caseId}/transitions`,
      { to: 'bogus_status', reason: '' },
      'transition, crafted',
    );
    await page.goto(`${base}/cases/${caseId}?refused=referred_to_hearing`);
    await collect(page, 'transition refused, from the address');
    await page.click('button:has-text("Send for assessment")');
    await collect(page, 'sent for assessment');
    await crafted(page, `/cases/${caseId}/send-for-assessment`, {}, 'sent twice');
    // a page that is not for investigators
    await page.goto(`${base}/admin`);
    await collect(page, 'administration, as an investigator');
    await page.goto(`${base}/`);
    await collect(page, 'my work, investigator');
    await page.goto(`${base}/cases?q=${reference}`);
    await collect(page, 'search by reference');
    expect(await page.textContent('main')).toContain(`Its reference is ${reference}.`);

    // The appropriate authority's forms.
    const aa = await newPage(await newContext(browser, false));
    await signIn(aa, base, authority, '/');
    await collect(aa, 'my work, authority');
    await aa.goto(`${base}/cases/${caseId}`);
    await collect(aa, 'the case page, authority');
    await submit(aa, 'Record the assessment', 'assessment, empty');
    await aa.check('input[name="severity"][value="misconduct"]');
    await aa.fill('#assessment-rationale', 'Derogatory words in a group of officers.');
    await submit(aa, 'Record the assessment', 'assessment, off duty without the balancing');
    await aa.goto(`${base}/cases/${caseId}`);
    await submit(aa, 'Record the referral decision', 'IOPC decision, empty');
    await aa.goto(`${base}/cases/${caseId}`);
    await aa.check('input[name="to"][value="withdrawn"]');
    await submit(aa, 'Change status', 'status, no reason');
    await crafted(
      aa,
      `/cases/${caseId}/assessment`,
      { severity: 'very_bad', rationale: 'x', version: 'abc' },
      'assessment, crafted',
    );

    // what was read, for a person to look over
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'plain-words-messages.json'), JSON.stringify(seen, null, 2));
    const problems = seen
      .map(({ where, text }) => ({ where, text, codes: codeWords(text) }))
      .filter((found) => found.codes.length > 0);
    expect(problems).toEqual([]);
    // it read the messages it was meant to: every form came back with at least one
    for (const where of [
      'record a case, empty',
      'subject, empty',
      'conduct item, wrong values',
      'assessment, empty',
      'IOPC decision, empty',
      'subject, crafted',
      'conduct item, crafted',
    ])
      expect(seen.some((s) => s.where === where)).toBe(true);
  });
});
