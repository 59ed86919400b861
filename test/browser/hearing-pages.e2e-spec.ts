import { Readable } from 'node:stream';
import type { Browser } from 'playwright-core';
import { PrecedentStore } from '@precedent/analytics';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  newPage,
  screenshot,
  signIn,
  listenForBrowser,
} from '../support/browser';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { TestClock } from '../support/test-clock';
import { referredCase, REFERRED_CONDUCT_ITEM } from '../support/referred-case';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('hearings in the staff web UI %s', (_label, javaScript) => {
  const clock = new TestClock();
  let api: TestApi;
  let browser: Browser;
  let base: string;
  const suffix = javaScript ? 'js' : 'no-js';
  let panel: SignedInUser;
  let caseId: string;
  let caseReference: string;
  let hearingId: string;
  let authority: SignedInUser;

  const post = (path: string, user: SignedInUser, body: object) =>
    api.http().post(path).set(user.auth).send(body);

  beforeAll(async () => {
    clock.setToday('2026-12-01');
    api = await startTestApi({ clock });
    base = await listenForBrowser(api);
    browser = await launchBrowser();

    authority = await api.signedIn(['appropriate_authority']);
    const investigator = await api.signedIn(['investigator'], { team: 'north' });
    panel = await api.signedIn(['panel_member']);
    ({ id: caseId, reference: caseReference } = await referredCase(api, { investigator, authority }));
    const hearing = await post('/api/hearings', investigator, {
      caseId,
      documentsSuppliedOn: '2026-11-20',
    }).expect(201);
    hearingId = hearing.body.id as string;
    await post(`/api/hearings/${hearingId}/proposed-date`, investigator, {
      date: '2027-01-06',
      startsAt: '10:00',
      venue: 'Force HQ, Committee Room 2',
    }).expect(201);
    const seats: [string, string, object][] = [
      ['Chief Supt A Chair', 'chair', { userId: panel.id }],
      ['B Independent', 'independent_member', {}],
      ['C Lay', 'lay_member', {}],
      ['D Adviser', 'legally_qualified_adviser', {}],
    ];
    for (const [name, role, extra] of seats) {
      const member = await post('/api/panel-members', authority, {
        name: `${name} ${suffix}`,
        roles: [role],
        ...extra,
      }).expect(201);
      await post(`/api/hearings/${hearingId}/panel`, investigator, {
        panelMemberId: member.body.id,
        role,
      }).expect(201);
    }
    await post(`/api/hearings/${hearingId}/fixed-date`, investigator, {}).expect(201);

    // five close comparables, all dismissals
    const lines = [1, 2, 3, 4, 5].map((n) =>
      JSON.stringify({
        formatVersion: 1,
        ref: `web-${suffix}-${n}`,
        force: 'kent',
        decidedOn: `2025-06-0${n}`,
        forum: 'misconduct_hearing',
        subject: { role: 'constable', formerOfficer: false },
        conduct: [REFERRED_CONDUCT_ITEM],
        messageCount: 1,
        standards: ['equality_and_diversity', 'discreditable_conduct'],
        finding: 'gross_misconduct',
        outcome: 'dismissal_without_notice',
        culpability: 'high',
        harm: 'medium',
        aggravating: ['discriminatory_motive'],
        mitigating: ['good_record'],
      }),
    );
    await api.app.get(PrecedentStore).import(Readable.from(lines.join('\n')), { strict: true });
    clock.setToday('2027-01-05');
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('a panel member finds the hearing, reads its panel and notices, gets the .ics, and records the outcome with the comparables beside it', async () => {
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, base, panel, '/hearings');
    expect(await page.textContent('#upcoming ~ table')).toContain('2027-01-06, 10:00');
    // the header offers a panel member only what a panel member may open
    const nav = await page.$$eval('.govuk-service-navigation__list a', (links) =>
      links.map((a) => a.getAttribute('href')),
    );
    expect(nav).toEqual(['/', '/cases', '/hearings', '/comparables']);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `hearings-${suffix}`);

    await page.click('#upcoming ~ table a:has-text("2027-01-06")');
    expect(new URL(page.url()).pathname).toBe(`/hearings/${hearingId}`);
    // the day before the hearing: no form, the page says when recording opens; the case is named and linked
    expect(await page.textContent('main')).toContain(
      'Findings and the outcome can be recorded from 2027-01-06, the day of the hearing.',
    );
    expect(await page.$('button:has-text("Record the findings and outcome")')).toBeNull();
    expect(await page.getAttribute(`a:has-text("${caseReference}")`, 'href')).toBe(`/cases/${caseId}`);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `hearing-before-the-day-${suffix}`);
    // the hearing day: a day later the session has lapsed, so the panel member signs in again
    clock.setToday('2027-01-06');
    await signIn(page, base, panel, `/hearings/${hearingId}`);
    const panelTable = await page.textContent('#panel + table');
    expect(panelTable).toContain(`Chief Supt A Chair ${suffix}`);
    expect(panelTable).toContain('legally qualified adviser');
    // the public notice goes out 5 working days before, skipping Christmas and New Year
    const notices = await page.textContent('#notices ~ table');
    expect(notices).toContain('Public notice of the hearing');
    expect(notices).toContain('2026-12-29');
    expect(notices).toContain('2027-01-07');

    const ics = await context.request.get(`${base}/hearings/${hearingId}/calendar.ics`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await ics.text()).toContain('\r\nDTSTART:20270106T100000Z\r\n');

    // comparables beside the form: all dismissals
    expect(await page.textContent('#comparables ~ table')).toContain('dismissal without notice');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    // A written warning for gross misconduct is refused, naming the rule.
    await page.check('input[name^="finding-"][value="gross_misconduct"]');
    await page.selectOption('#outcome', 'written_warning');
    await page.fill('#notifiedOn', '2027-01-06');
    await page.click('button:has-text("Record the findings and outcome")');
    const refused = await page.textContent('.govuk-error-summary');
    expect(refused).toMatch(/gross misconduct/i);
    expect(refused).not.toContain('rule:');
    // the form keeps what was entered, and the comparables place the proposal
    expect(await page.inputValue('#outcome')).toBe('written_warning');
    expect(await page.textContent('#proposed')).toContain('falls outside the band');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `hearing-refused-${suffix}`);

    // The seriousness assessment left out: every missing stage is named.
    await page.selectOption('#outcome', 'dismissal_without_notice');
    await page.click('button:has-text("Record the findings and outcome")');
    const incomplete = await page.textContent('.govuk-error-summary');
    expect(incomplete).toContain('Assess culpability');
    expect(incomplete).toContain('Assess harm');
    expect(await page.getAttribute('.govuk-error-summary a[href="#culpability"]', 'href')).toBe(
      '#culpability',
    );

    await page.check('input[name="culpability"][value="high"]');
    await page.check('input[name="harm"][value="medium"]');
    // the factor lists fold away until opened (a native <details>, so without JavaScript too)
    await page.click('summary:has-text("Aggravating and mitigating factors")');
    await page.check('input[name="aggravating"][value="discriminatory_motive"]');
    await page.check('input[name="purposes"][value="public_confidence"]');
    await page.check('input[name="purposes"][value="high_standards"]');
    await page.fill(
      '#outcomeRationale',
      'A written warning would not mark the seriousness of discriminatory language among colleagues.',
    );
    await page.fill('#reasons', 'The panel found the comment discriminatory and discreditable.');
    await page.check('input[name="article10Engaged"][value="yes"]');
    await page.fill('#prescribedByLaw', 'The Standards are in the Conduct Regulations.');
    await page.fill('#legitimateAim', 'Public confidence in policing; the rights of others.');
    await page.fill('#necessityAndProportionality', 'Racist remarks among officers undermine confidence.');
    await page.click('button:has-text("Record the findings and outcome")');
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);
    expect(await page.textContent('h1 .govuk-tag')).toContain('decided');
    expect(await page.textContent('#timeline table')).toContain('dismissal without notice');
    const [precedent] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND action = 'case.outcome.record'`,
      [panel.id],
    )) as { n: number }[];
    expect(precedent.n).toBe(1);
    await context.close();
  }, 150_000);

  it('the appropriate authority records an appeal on the hearing page, then its result; the precedent follows the appeal', async () => {
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, base, authority, `/hearings/${hearingId}`);
    expect(await page.textContent('#appeals ~ .govuk-summary-list')).toContain('Dismissal without notice');

    // refused: no ground, too short
    await page.click('button:has-text("Record the appeal")');
    const refused = await page.textContent('.govuk-error-summary');
    expect(refused).toContain('Choose at least one ground of appeal');
    expect(refused).toContain('Describe the appeal in at least 10 characters');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);

    await page.check('input[name="grounds"][value="unreasonable"]');
    await page.fill('#appealDetails', 'Dismissal was unreasonable for a single remark.');
    await page.click('button:has-text("Record the appeal")');
    expect(new URL(page.url()).pathname).toBe(`/hearings/${hearingId}`);
    expect(await page.textContent('main')).toContain(
      'Appeal to the Police Appeals Tribunal, lodged 2027-01-06',
    );

    await page.check('input[name="result"][value="outcome_varied"]');
    await page.selectOption('#variedOutcome', 'final_written_warning');
    await page.fill('#appealReasons', 'A final written warning meets the purposes of the sanction.');
    await page.click('button:has-text("Record the result")');
    expect(await page.textContent('main')).toContain('outcome varied');
    expect(await page.textContent('#appeals ~ .govuk-summary-list')).toContain('Final written warning');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `hearing-appealed-${suffix}`);

    const [stored] = await api.dataSource.query<
      { record: { outcome: string; stages: { stage: string }[] } }[]
    >(`SELECT record FROM precedents WHERE case_id = $1`, [caseId]);
    expect(stored.record.outcome).toBe('final_written_warning');
    expect(stored.record.stages.at(-1)).toEqual({ stage: 'appeal', outcome: 'final_written_warning' });
    await context.close();
  }, 120_000);

  it('a page the role may not open says so plainly, without role codes', async () => {
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, base, panel, '/');
    const response = await page.goto(`${base}/reports`);
    expect(response?.status()).toBe(403);
    const main = await page.textContent('main');
    expect(main).toContain('You cannot open this page');
    expect(main).not.toMatch(/senior_officer|appropriate_authority|\brole\b/);
    await context.close();
  });

  it('answers 404 for a hearing of a case that is not yours', async () => {
    const stranger = await api.signedIn(['panel_member']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, base, stranger, '/hearings');
    expect(await page.textContent('main')).toContain('No meetings or hearings coming up');
    const response = await page.goto(`${base}/hearings/${hearingId}`);
    expect(response?.status()).toBe(404);
    await context.close();
  });
});
