import type { Browser, Page } from 'playwright-core';
import { launchBrowser, listenForBrowser, newContext, newPage, signIn } from '../support/browser';
import { CaseJourney } from '../support/case-journey';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { TestClock } from '../support/test-clock';

// five people and some thirty pages, each checked with axe: far longer than one page's test
jest.setTimeout(420_000);

/**
 * One case from intake to a recorded outcome and its appeal, through the staff web UI only, signing
 * in as each staff role in turn: the admin opens the chair's account, the investigator records the
 * case, the appropriate authority assesses it, refers it, arranges the hearing and seats the panel,
 * the chair records the findings and outcome on the day, the authority records the appeal, and the
 * senior officer follows a figure on the reports to the case. With script and without.
 */
describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('one case through every staff role %s', (_label, javaScript) => {
  const clock = new TestClock();
  const suffix = javaScript ? 'js' : 'no-js';
  let api: TestApi;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    clock.setToday('2026-12-01');
    api = await startTestApi({ clock });
    base = await listenForBrowser(api);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function as(user: { username: string; password: string }, next: string): Promise<Page> {
    const page = await newPage(await newContext(browser, javaScript));
    await signIn(page, base, user, next);
    return page;
  }

  it('intake, assessment, referral, hearing, outcome, appeal and the reports, each by its own role', async () => {
    const admin = await api.signedIn(['admin']);
    const investigator = await api.signedIn(['investigator'], { team: 'north' });
    const authority = await api.signedIn(['appropriate_authority']);
    const senior: SignedInUser = await api.signedIn(['senior_officer'], {
      username: `senior.${suffix}`,
    });
    const journey = new CaseJourney(base, javaScript, `whole-journey-${suffix}`);

    // The admin opens an account for the officer who will chair the hearing.
    const chair = { username: `chair.${suffix}`, password: 'a long first password for the chair' };
    const adminPage = await as(admin, '/admin');
    await adminPage.fill('#username', chair.username);
    await adminPage.fill('#displayName', `Ch Supt Avery Chair ${suffix}`);
    await adminPage.fill('#password', chair.password);
    await adminPage.check('input[name="roles"][value="panel_member"]');
    await adminPage.click('button:has-text("Add the user")');
    expect(await adminPage.textContent('#main-content')).toContain(chair.username);
    await journey.checked(adminPage, 'admin-account');
    // A role that reads case content waits for a second administrator (docs/security.md, item 9).
    expect(await adminPage.textContent('#main-content')).toContain('Waiting for approval: panel member');
    const secondAdmin = await api.signedIn(['admin']);
    // the second administrator's My work says so, and leads to the approvals
    const secondMyWork = await as(secondAdmin, '/');
    expect(await secondMyWork.textContent('#service + .govuk-summary-list')).toContain(
      '1 given by another administrator, waiting for your approval',
    );
    await secondMyWork.click('a:has-text("Open the approvals")');
    const approvals = secondMyWork;
    const approve = `button[aria-label="Approve panel member for ${chair.username}"]`;
    await approvals.click(approve);
    expect(await approvals.locator(approve).count()).toBe(0);
    await journey.checked(approvals, 'admin-second-approval');
    // the admin's My work is the service's: failed jobs, work waiting for the queue, imports to check
    await adminPage.goto(`${base}/`);
    expect(await adminPage.textContent('#service + .govuk-summary-list')).toContain('Failed jobs');
    await journey.checked(adminPage, 'admin-my-work');

    // The investigator records the case, its subject, allegation and conduct, and sends it on.
    const page = await as(investigator, '/cases/new');
    await journey.recordCase(
      page,
      { day: 16, month: 11, year: 2026 },
      'Posts in a response team WhatsApp group about a community.',
    );
    await journey.addSubject(page, { name: 'PC Jordan Fictional', staffNumber: '4821' });
    await journey.addAllegation(page, 'Posted derogatory words about a community.');
    await journey.addConductItem(page, 'fictional derogatory words about a group, signed Jordan', true);
    await journey.sendForAssessment(page);
    await journey.checked(page, 'sent');

    // The appropriate authority finds it on My work, assesses it and refers it to a hearing.
    const aa = await as(authority, '/');
    // the header counts it: one case sent for assessment
    expect(await aa.textContent('.govuk-service-navigation .app-attention-count')).toBe('1 thing needs you');
    await journey.findOnMyWork(aa);
    await journey.assess(aa);
    await journey.recordIopcDecision(aa, 'Referred to the IOPC; returned to the force to investigate.');
    await journey.referToHearing(aa);

    // The pool: the chair (who signs in as the admin's new account) and the three other seats.
    await aa.goto(`${base}/hearings/panel-members`);
    const pool: [string, string, string?][] = [
      [`Ch Supt Avery Chair ${suffix}`, 'chair', chair.username],
      [`B Independent ${suffix}`, 'independent_member'],
      [`C Lay ${suffix}`, 'lay_member'],
      [`D Adviser ${suffix}`, 'legally_qualified_adviser'],
    ];
    for (const [name, role, username] of pool) {
      await aa.fill('#name', name);
      await aa.check(`input[name="roles"][value="${role}"]`);
      if (role === 'chair') await aa.selectOption('#rank', 'chief_superintendent');
      if (username) await aa.fill('#username', username);
      await aa.click('button:has-text("Add to the pool")');
      expect(await aa.locator(`h3:has-text("${name}")`).count()).toBe(1);
    }
    await journey.checked(aa, 'pool');

    // Arrange the hearing from the case page, propose a lawful date, seat the panel and fix it.
    await aa.goto(`${journey.caseUrl}#hearing`);
    await aa.click('a:has-text("Arrange a meeting or hearing")');
    await aa.check('input[name="forum"][value="misconduct_hearing"]');
    await aa.fill('#documentsSuppliedOn', '2026-11-20');
    await aa.click('button:has-text("Arrange the hearing")');
    const hearingPath = new URL(aa.url()).pathname;
    expect(hearingPath).toMatch(/^\/hearings\/[0-9a-f-]{36}$/);
    await aa.fill('#date', '2027-01-06');
    await aa.fill('#startsAt', '10:00');
    await aa.fill('#venue', 'Force HQ, Committee Room 2');
    await aa.click('button:has-text("Propose this date")');
    for (const [role, label] of [
      ['chair', `Ch Supt Avery Chair ${suffix} (chief superintendent)`],
      ['independent_member', `B Independent ${suffix}`],
      ['lay_member', `C Lay ${suffix}`],
      ['legally_qualified_adviser', `D Adviser ${suffix}`],
    ]) {
      await aa.selectOption(`#seat-${role}`, { label });
      await aa.click(`button:has-text("Seat as ${role.replace(/_/g, ' ')}")`);
      expect(await aa.locator('.govuk-error-summary').count()).toBe(0);
    }
    await aa.click('button:has-text("Fix this date")');
    expect(await aa.textContent('h1 .govuk-tag')).toContain('fixed');
    await journey.checked(aa, 'hearing-fixed');

    // The chair finds the hearing on My work; on the hearing day records the findings and outcome.
    const before = await as(chair, '/');
    expect(await before.textContent('#main-content')).toContain(journey.reference);
    clock.setToday('2027-01-06');
    const panel = await as(chair, hearingPath);
    expect(await panel.textContent('main')).toContain(journey.reference);
    await panel.check('input[name^="finding-"][value="gross_misconduct"]');
    await panel.selectOption('#outcome', 'dismissal_without_notice');
    await panel.fill('#notifiedOn', '2027-01-06');
    await panel.check('input[name="culpability"][value="high"]');
    await panel.check('input[name="harm"][value="medium"]');
    await panel.check('input[name="purposes"][value="public_confidence"]');
    await panel.fill(
      '#outcomeRationale',
      'Discriminatory words among officers: only dismissal keeps public confidence.',
    );
    await panel.fill('#reasons', 'The panel found the posts discriminatory and discreditable.');
    await panel.check('input[name="article10Engaged"][value="yes"]');
    await panel.fill('#prescribedByLaw', 'The Standards are in the Conduct Regulations.');
    await panel.fill('#legitimateAim', 'Public confidence in policing; the rights of others.');
    await panel.fill('#necessityAndProportionality', 'Racist remarks among officers undermine confidence.');
    await panel.click('button:has-text("Record the findings and outcome")');
    expect(await panel.locator('.govuk-error-summary').allTextContents()).toEqual([]);
    expect(new URL(panel.url()).pathname).toBe(`/cases/${journey.caseId}`);
    expect(await panel.textContent('h1 .govuk-tag')).toContain('decided');
    await journey.checked(panel, 'decided');

    // The appropriate authority records the officer's appeal and its result on the hearing page.
    const appeal = await as(authority, hearingPath);
    await appeal.check('input[name="grounds"][value="unreasonable"]');
    await appeal.fill(
      '#appealDetails',
      'Dismissal was unreasonable for two posts by an officer of good record.',
    );
    await appeal.click('button:has-text("Record the appeal")');
    await appeal.check('input[name="result"][value="outcome_varied"]');
    await appeal.selectOption('#variedOutcome', 'final_written_warning');
    await appeal.fill('#appealReasons', 'A final written warning meets the purposes of the sanction.');
    await appeal.click('button:has-text("Record the result")');
    expect(await appeal.textContent('#appeals ~ .govuk-summary-list')).toContain('Final written warning');
    await journey.checked(appeal, 'appealed');

    // The authority gives the senior officer the case, who follows the reports' figure to it.
    await appeal.goto(`${journey.caseUrl}/access`);
    await appeal.selectOption('#userId', senior.id);
    await appeal.fill('#reason', 'Reviewing discriminatory conduct outcomes this quarter.');
    await appeal.fill('#until-day', '31');
    await appeal.fill('#until-month', '3');
    await appeal.fill('#until-year', '2027');
    await appeal.click('button:has-text("Give access")');
    expect(await appeal.textContent('#grants ~ table')).toContain(senior.username);

    // The senior officer's My work lists the case given to them and the force's time limits.
    const reports = await as(senior, '/');
    expect(await reports.textContent('#granted-cases')).toContain(journey.reference);
    // the decided case's time limits are over, and it is the only case: the force has none running
    expect(await reports.textContent('#force ~ p')).toContain('No time limit is running on an open case');
    await journey.checked(reports, 'senior-my-work');
    await reports.click('a:has-text("open the cases behind each figure")');
    await reports.click('#category ~ table a[href^="/cases?category=discriminatory"]');
    expect(new URL(reports.url()).search).toContain('category=discriminatory');
    await journey.checked(reports, 'reports-to-cases');
    await reports.click(`a:has-text("${journey.reference}")`);
    expect(new URL(reports.url()).pathname).toBe(`/cases/${journey.caseId}`);
    expect(await reports.textContent('main')).toMatch(/final written warning/i);
    await journey.checked(reports, 'senior-case');
  });
});
