import type { Browser, Page } from 'playwright-core';
import {
  accessibilityViolations,
  launchBrowser,
  listenForBrowser,
  newContext,
  newPage,
  screenshot,
  signIn,
} from '../support/browser';
import { referredCase } from '../support/referred-case';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { TestClock } from '../support/test-clock';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('arranging a hearing in the staff web UI %s', (_label, javaScript) => {
  const clock = new TestClock();
  let api: TestApi;
  let browser: Browser;
  let base: string;
  const suffix = javaScript ? 'js' : 'no-js';
  let authority: SignedInUser;
  let panelUser: SignedInUser;
  let caseId: string;
  let caseReference: string;
  let hearingId: string;

  beforeAll(async () => {
    clock.setToday('2026-12-01');
    api = await startTestApi({ clock });
    base = await listenForBrowser(api);
    browser = await launchBrowser();
    authority = await api.signedIn(['appropriate_authority']);
    const investigator = await api.signedIn(['investigator'], { team: 'north' });
    panelUser = await api.signedIn(['panel_member']);
    ({ id: caseId, reference: caseReference } = await referredCase(api, { investigator, authority }));
    // another case's hearing proposed for the same day, with no panel: PSD sees it, the panel member not
    const other = await referredCase(api, { investigator, authority });
    const otherHearing = await api
      .http()
      .post('/api/hearings')
      .set(investigator.auth)
      .send({ caseId: other.id, documentsSuppliedOn: '2026-11-20' })
      .expect(201);
    await api
      .http()
      .post(`/api/hearings/${otherHearing.body.id}/proposed-date`)
      .set(investigator.auth)
      .send({ date: '2027-01-06', startsAt: '14:00', venue: 'Force HQ, Room 1' })
      .expect(201);
    // the pool, apart from the member added through the pool page below
    for (const [name, roles, extra] of [
      ['Chief Supt A Chair', ['chair'], { userId: panelUser.id, rank: 'chief_superintendent' }],
      ['B Independent', ['independent_member'], {}],
      ['C Lay', ['lay_member'], {}],
      ['D Adviser', ['legally_qualified_adviser'], {}],
    ] as const) {
      await api
        .http()
        .post('/api/panel-members')
        .set(authority.auth)
        .send({ name: `${name} ${suffix}`, roles, ...extra })
        .expect(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function noViolations(page: Page): Promise<void> {
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
  }

  it('PSD adds a line manager to the pool, arranges the hearing, is refused an unlawful date and a conflicting member, fixes a lawful date and panel, and sees it on the calendar', async () => {
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    const journeyActions = `action IN ('hearing.create', 'hearing.date.propose', 'hearing.seat', 'hearing.date.fix',
      'panel_member.add', 'panel_member.relationship.add')`;
    const countAudited = async () =>
      (
        (await api.dataSource.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND ${journeyActions}`,
          [authority.id],
        )) as { n: number }[]
      )[0].n;
    const auditedBefore = await countAudited();

    // The pool: nothing filled in is refused field by field; then a lay member who line-manages the subject.
    await signIn(page, base, authority, '/hearings/panel-members');
    await noViolations(page);
    await page.click('button:has-text("Add to the pool")');
    const missing = await page.textContent('.govuk-error-summary');
    expect(missing).toContain('Enter the member’s name');
    expect(missing).toContain('Choose at least one panel role');
    await noViolations(page);
    const lineManager = `F Line Manager ${suffix}`;
    await page.fill('#name', lineManager);
    await page.check('input[name="roles"][value="lay_member"]');
    await page.click('button:has-text("Add to the pool")');
    expect(await page.locator(`h3:has-text("${lineManager}")`).count()).toBe(1);
    const memberId = (await page.getAttribute(`h3:has-text("${lineManager}")`, 'id'))!.slice(
      'member-'.length,
    );
    await page.click(`summary:has-text("Relationships and availability of ${lineManager}")`);
    await page.fill(`#force-${memberId}`, 'leicestershire');
    await page.fill(`#staffNumber-${memberId}`, '4821');
    await page.fill(`#description-${memberId}`, "The subject's inspector.");
    await page.getByRole('button', { name: `Record the relationship for ${lineManager}` }).click();
    expect(await page.textContent(`#member-${memberId} + dl`)).toContain('Line-manages leicestershire 4821');
    // unavailable days: a date that does not exist is refused, then two days are kept
    await page.click(`summary:has-text("Relationships and availability of ${lineManager}")`);
    await page.fill(`#unavailableOn-${memberId}`, '2027-02-30');
    await page.getByRole('button', { name: `Save the days ${lineManager} cannot sit` }).click();
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Enter the days they cannot sit as dates',
    );
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe(`#unavailableOn-${memberId}`);
    await noViolations(page);
    await page.fill(`#unavailableOn-${memberId}`, '2027-01-21, 2027-01-06');
    await page.getByRole('button', { name: `Save the days ${lineManager} cannot sit` }).click();
    expect(await page.textContent(`#member-${memberId} + dl`)).toContain('2027-01-06, 2027-01-21');
    await noViolations(page);
    await screenshot(page, `panel-members-${suffix}`);

    // Arrange from the case page's hearing section.
    await page.goto(`${base}/cases/${caseId}#hearing`);
    expect(await page.textContent('#hearing')).toContain('No meeting or hearing has been arranged');
    await page.click('a:has-text("Arrange a meeting or hearing")');
    expect(new URL(page.url()).pathname).toBe('/hearings/new');
    await noViolations(page);
    // a forum other than the referral's, and no date: both named
    await page.check('input[name="forum"][value="accelerated_hearing"]');
    await page.click('button:has-text("Arrange the hearing")');
    const arrangeErrors = await page.textContent('.govuk-error-summary');
    expect(arrangeErrors).toContain('Enter the day the documents reached the officer');
    expect(arrangeErrors).toContain('move the case on to that referral first');
    await noViolations(page);
    await page.check('input[name="forum"][value="misconduct_hearing"]');
    await page.fill('#documentsSuppliedOn', '2026-11-20');
    await page.click('button:has-text("Arrange the hearing")');
    hearingId = new URL(page.url()).pathname.split('/')[2];
    expect(new URL(page.url()).pathname).toBe(`/hearings/${hearingId}`);
    expect(await page.textContent('h1')).toContain('Misconduct hearing');
    expect(await page.textContent('#panel ~ .govuk-inset-text')).toContain('Propose a date first');
    await noViolations(page);

    // A bank holiday is refused with the rule and the earliest lawful date; so is too soon a date.
    await page.fill('#date', '2026-12-28');
    await page.click('button:has-text("Propose this date")');
    let refusal = await page.textContent('.govuk-error-summary');
    expect(refusal).toContain('bank holiday');
    expect(refusal).toContain('The earliest lawful date is 2026-12-29');
    expect(refusal).not.toContain('rule:');
    expect(await page.inputValue('#date')).toBe('2026-12-28');
    await noViolations(page);
    await screenshot(page, `hearing-unlawful-date-${suffix}`);
    await page.fill('#date', '2026-12-03');
    await page.click('button:has-text("Propose this date")');
    refusal = await page.textContent('.govuk-error-summary');
    expect(refusal).toContain('The earliest lawful date is 2026-12-17');
    expect(refusal).not.toContain('(rule:');
    await page.fill('#startsAt', '25:00');
    await page.click('button:has-text("Propose this date")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter the start time as HH:MM');

    await page.fill('#date', '2027-01-06');
    await page.fill('#startsAt', '10:00');
    await page.fill('#venue', 'Force HQ, Committee Room 2');
    await page.click('button:has-text("Propose this date")');
    expect(await page.textContent('h1 .govuk-tag')).toContain('date proposed');
    expect(await page.textContent('#dates ~ table')).toContain('2027-01-06');
    // fixing before the panel is complete names every empty seat
    await page.click('button:has-text("Fix this date")');
    const incomplete = await page.textContent('.govuk-error-summary');
    expect(incomplete).toContain('The panel needs the chief officer or a delegate as chair');
    expect(incomplete).toContain('The panel needs a lay member');
    await noViolations(page);

    // Seat the panel: the line manager is refused with the rule, then a lawful panel.
    await page.selectOption('#seat-lay_member', { label: lineManager });
    await page.click('button:has-text("Seat as lay member")');
    const conflict = await page.textContent('.govuk-error-summary');
    expect(conflict).toContain('line management of subject 1');
    expect(conflict).not.toContain('(rule:');
    expect(conflict).toContain('unavailable on 2027-01-06; choose another member or another day.');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#seat-lay_member');
    const beside = await page.textContent('#seat-lay_member-error');
    expect(beside).toContain('line management');
    expect(beside).toContain('unavailable on 2027-01-06');
    await noViolations(page);
    await screenshot(page, `hearing-panel-conflict-${suffix}`);
    for (const [role, label] of [
      ['chair', `Chief Supt A Chair ${suffix} (chief superintendent)`],
      ['independent_member', `B Independent ${suffix}`],
      ['lay_member', `C Lay ${suffix}`],
      ['legally_qualified_adviser', `D Adviser ${suffix}`],
    ]) {
      await page.selectOption(`#seat-${role}`, { label });
      await page.click(`button:has-text("Seat as ${role.replace(/_/g, ' ')}")`);
      expect(await page.locator('.govuk-error-summary').count()).toBe(0);
    }
    const panelTable = await page.textContent('#panel + table');
    expect(panelTable).toContain(`C Lay ${suffix}`);
    expect(panelTable).not.toContain(lineManager);
    expect(await page.textContent('#panel ~ p:has-text("Every seat")')).toContain(
      'Every seat the rules require',
    );

    await page.click('button:has-text("Fix this date")');
    expect(await page.textContent('h1 .govuk-tag')).toContain('fixed');
    const history = await page.textContent('#dates ~ table');
    expect(history).toContain('proposed');
    expect(history).toContain('fixed');
    expect(history).toContain('Force HQ, Committee Room 2');
    expect(await page.textContent('#notices ~ table')).toContain('Public notice of the hearing');
    await noViolations(page);
    await screenshot(page, `hearing-arranged-${suffix}`);

    // The calendar: December first (today's month), then January with the hearing and New Year's Day.
    await page.goto(`${base}/hearings`);
    expect(await page.textContent('#calendar')).toBe('December 2026');
    expect(await page.textContent('#day-2026-12-25')).toContain('Bank holiday');
    expect(await page.textContent('#day-2026-12-28')).toContain('Bank holiday');
    await noViolations(page);
    await page.click('a:has-text("Next month")');
    expect(new URL(page.url()).search).toBe('?month=2027-01');
    expect(await page.textContent('#day-2027-01-01')).toContain('Bank holiday');
    const day = await page.textContent('#day-2027-01-06');
    expect(day).toContain(`10:00 misconduct hearing, ${caseReference}`);
    expect(day).toContain('14:00 misconduct hearing');
    expect(day).toContain('(date proposed)');
    // the same day's sittings come up in the order of their start times
    const upcoming = await page.locator('#upcoming ~ table tbody tr').allTextContents();
    const times = upcoming.flatMap((row) => /2027-01-06, (\d\d:\d\d)/.exec(row)?.[1] ?? []);
    expect(times).toEqual(expect.arrayContaining(['10:00', '14:00']));
    expect(times).toEqual([...times].sort());
    await noViolations(page);
    await screenshot(page, `hearings-calendar-${suffix}`);
    await page.click(`#day-2027-01-06 a:has-text("${caseReference}")`);
    expect(new URL(page.url()).pathname).toBe(`/hearings/${hearingId}`);
    await context.close();

    // what was refused left nothing behind: create, propose, four seats, fix, one member, one relationship
    expect((await countAudited()) - auditedBefore).toBe(9);
    // a bound, not a speed target: this journey visits some thirty pages, and took 64 s alone and
    // over 120 s at load 11 on the 2-core machine
  }, 300_000);

  it('the panel member sees only their hearing on the calendar and opens it', async () => {
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, base, panelUser, '/hearings');
    expect(await page.locator('a:has-text("Panel member pool")').count()).toBe(0);
    await page.goto(`${base}/hearings?month=2027-01`);
    // another case's hearing is proposed that day too: this member sees only the one they sit on
    expect(await page.locator('#day-2027-01-06 a').count()).toBe(1);
    expect(await page.textContent('#day-2027-01-06')).toContain(caseReference);
    await noViolations(page);
    await page.click(`#day-2027-01-06 a`);
    expect(new URL(page.url()).pathname).toBe(`/hearings/${hearingId}`);
    expect(await page.textContent('#panel + table')).toContain(`Chief Supt A Chair ${suffix}`);
    // the arrangement forms are for PSD, not the panel
    expect(await page.locator('form[action$="/fixed-date"], form[action$="/panel"]').count()).toBe(0);
    await noViolations(page);
    await screenshot(page, `hearing-panel-view-${suffix}`);
    const pool = await page.goto(`${base}/hearings/panel-members`);
    expect(pool?.status()).toBe(403);
    await context.close();
  });

  it('PSD adjourns the hearing with a reason, and the date history keeps both dates', async () => {
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, base, authority, `/hearings/${hearingId}`);
    await page.click('button:has-text("Adjourn")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Give the reason for adjourning');
    await noViolations(page);
    await page.fill('#adjournReason', 'The officer is unwell; a medical certificate was provided.');
    await page.click('button:has-text("Adjourn")');
    expect(await page.textContent('h1 .govuk-tag')).toContain('awaiting date');
    const history = await page.textContent('#dates ~ table');
    expect(history).toContain('adjourned');
    expect(history).toContain('The officer is unwell');
    // rescheduled: the seated panel is kept, and the new date is fixed straight away
    await page.fill('#date', '2027-01-13');
    await page.click('button:has-text("Fix this date")');
    expect(await page.textContent('h1 .govuk-tag')).toContain('fixed');
    expect(await page.textContent('#dates ~ table')).toContain('2027-01-13');
    await noViolations(page);
    await page.goto(`${base}/hearings?month=2027-01`);
    expect(await page.textContent('#day-2027-01-13')).toContain(caseReference);
    expect(await page.textContent('#day-2027-01-06')).not.toContain(caseReference);
    await context.close();
  });
});
