import type { Browser, Page } from 'playwright-core';
import { launchBrowser, listenForBrowser, newContext, newPage, signIn } from '../support/browser';
import { CaseJourney } from '../support/case-journey';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';

// two people, a dozen pages each checked with axe: longer than one page's test
jest.setTimeout(240_000);

/**
 * One case from intake to its referral to a hearing, through the staff web UI, signing in as the
 * investigator and then the appropriate authority: every page axe-checked, with script and without.
 */
describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the investigator to appropriate authority journey %s', (_label, javaScript) => {
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

  async function as(user: SignedInUser, next: string): Promise<Page> {
    const page = await newPage(await newContext(browser, javaScript));
    await signIn(page, base, user, next);
    return page;
  }

  it('records, corrects and sends a case; the authority finds it, assesses, decides the IOPC referral and refers it', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'north' });
    const authority = await api.signedIn(['appropriate_authority']);
    const journey = new CaseJourney(base, javaScript, `cases-journey-${javaScript ? 'js' : 'no-js'}`);
    const yesterday = new Date(Date.now() - 86_400_000);

    // The investigator records the case and its contents.
    const page = await as(investigator, '/cases/new');
    await journey.checked(page, 'new');
    await journey.recordCase(
      page,
      { day: yesterday.getUTCDate(), month: yesterday.getUTCMonth() + 1, year: yesterday.getUTCFullYear() },
      'Posts in a response team WhatsApp group about a community.',
    );
    // A new case offers the investigator no status change, but says who assesses it and how to send it.
    expect(await page.locator('input[name="to"]').count()).toBe(0);
    await journey.checked(page, 'recorded');

    await journey.addSubject(page, { name: 'PC Jordan Fictonal', staffNumber: '4821' });
    await journey.correct(page, 'subjects', async (p) => {
      expect(await p.inputValue('#subject-name')).toBe('PC Jordan Fictonal');
      await p.fill('#subject-name', 'PC Jordan Fictional');
      await journey.checked(p, 'correct-subject');
    });
    expect(await page.textContent('#subjects')).toContain('PC Jordan Fictional');

    await journey.addAllegation(page, 'Posted derogatory words about a community.');
    await journey.correct(page, 'allegations', async (p) => {
      await p.fill('#allegation-description', 'Posted derogatory words about a community, twice.');
    });
    expect(await page.textContent('#subjects')).toContain('twice');

    await journey.addConductItem(page, 'fictional derogatory words about a group', true);
    await journey.correct(page, 'conduct-items', async (p) => {
      await p.fill('#conduct-text', 'fictional derogatory words about a group, signed Jordan');
      // when it was posted: a GOV.UK date input and a UK time
      await p.fill('#conduct-postedAt-day', '3');
      await p.fill('#conduct-postedAt-month', '10');
      await p.fill('#conduct-postedAt-year', '2026');
      await p.fill('#conduct-postedAt-time', '21:14');
    });
    expect(await page.textContent('#conduct')).toContain('signed Jordan');
    expect(await page.textContent('#conduct')).toContain('posted 2026-10-03 21:14 (UK time)');

    // A second conduct item added by mistake, then removed.
    await journey.addConductItem(page, 'a post that belongs to another case', false);
    await journey.openTab(page, 'conduct');
    // removing asks first, on a page of its own (no script needed)
    await page.click('a:has-text("Remove conduct item 2")');
    expect(await page.textContent('h1')).toContain('Remove conduct item 2?');
    expect(await page.textContent('main')).toContain('a post that belongs to another case');
    await journey.checked(page, 'confirm-removal');
    await page.click('button:has-text("Yes, remove it")');
    expect(await journey.banner(page)).toContain('The conduct item has been removed.');
    expect(await page.textContent('#conduct')).not.toContain('another case');
    await journey.checked(page, 'contents');

    await journey.sendForAssessment(page);
    expect(await page.textContent('#summary')).toContain('it is on their My work');
    await journey.checked(page, 'sent');

    // The appropriate authority finds it on My work and assesses it.
    const aa = await as(authority, '/');
    await journey.checked(aa, 'my-work');
    await journey.findOnMyWork(aa);
    // The discriminatory post makes an IOPC referral mandatory: assessed is not offered until it is decided.
    expect(await aa.locator('input[name="to"][value="assessed"]').count()).toBe(0);
    expect(await aa.textContent('#summary')).not.toMatch(/domain\.md|§/);
    await journey.assess(aa);
    expect(await aa.textContent('#assessment')).toContain('Legitimate aim');
    await journey.checked(aa, 'assessed');
    await journey.recordIopcDecision(aa, 'Referred to the IOPC today; returned to the force to investigate.');
    await journey.referToHearing(aa);
    await journey.checked(aa, 'referred');

    // The investigator now reads who moves the case on, and the case left the authority's list.
    await page.goto(journey.caseUrl);
    expect(await page.textContent('h1 .govuk-tag')).toContain('referred to hearing');
    await journey.openTab(page, 'hearing');
    expect(await page.textContent('#hearing')).toContain('The case is referred to a misconduct hearing.');
    await aa.goto(`${base}/`);
    expect(await aa.textContent('#main-content')).toContain('No case is waiting for your assessment.');
  });
});
