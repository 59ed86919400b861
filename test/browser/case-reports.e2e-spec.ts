import { addDays, format } from 'date-fns';
import type { Browser, Locator, Page } from 'playwright-core';
import { londonDate, WorkingDayCalendar } from '@precedent/platform';
import {
  accessibilityViolations,
  launchBrowser,
  listenForBrowser,
  newContext,
  newPage,
  screenshot,
  signIn,
} from '../support/browser';
import { dismissalOutcome } from '../support/referred-case';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { TestClock } from '../support/test-clock';

const iso = (day: Date) => format(day, 'yyyy-MM-dd');
const calendar = new WorkingDayCalendar();

// Cases change status on the real day; the reports are read 20 working days later, so a time limit
// of 5 working days from a change made during setup has passed and one of 20 falls due that day.
const realToday = londonDate(new Date());
const documentsSuppliedOn = calendar.addWorkingDays(realToday, 10);
const readOn = calendar.addWorkingDays(documentsSuppliedOn, 10);
const earlierReceipt = iso(addDays(new Date(), -40));

const clock = new TestClock();
let api: TestApi;
let base: string;
let browser: Browser;
let authority: SignedInUser;
let investigator: SignedInUser;

const post = (path: string, user: SignedInUser, body: object) =>
  api.http().post(path).set(user.auth).send(body);

async function newCase(
  receivedAt: string,
  summary: string,
  standards: string[],
  items: { platform: string; audience: string; categories: string[] }[],
): Promise<{ id: string; subjectId: string; allegationId: string }> {
  const created = await post('/api/cases', investigator, {
    source: 'line_manager',
    receivedAt,
    summary,
  }).expect(201);
  const id = created.body.id as string;
  const subject = await post(`/api/cases/${id}/subjects`, investigator, {
    name: 'PC Robin Fictional',
    staffNumber: '7781',
    role: 'constable',
    rank: 'PC',
    force: 'leicestershire',
  }).expect(201);
  const allegation = await post(`/api/cases/${id}/allegations`, investigator, {
    subjectId: subject.body.id,
    standards,
    description: 'Fictional: the posts at issue.',
  }).expect(201);
  for (const item of items)
    await post(`/api/cases/${id}/conduct-items`, investigator, {
      ...item,
      audienceSize: 10,
      text: `fictional words posted on ${item.platform}`,
      targets: [],
      offDuty: false,
      participation: 'author',
    }).expect(201);
  return { id, subjectId: subject.body.id as string, allegationId: allegation.body.id as string };
}

async function assess(caseId: string, severity: string, statuses: string[]): Promise<void> {
  const current = await api.http().get(`/api/cases/${caseId}`).set(authority.auth).expect(200);
  await post(`/api/cases/${caseId}/assessment`, authority, {
    severity,
    rationale: 'Fictional: assessed for the reports.',
    version: current.body.version,
  }).expect(201);
  for (const to of statuses) {
    const moved = await post(`/api/cases/${caseId}/transitions`, authority, {
      to,
      reason: `moving to ${to}`,
      ...(to === 'referred_to_accelerated_hearing' ? { specialConditionsCertified: true } : {}),
    });
    if (moved.status !== 201) throw new Error(`Moving to ${to}: ${JSON.stringify(moved.body)}`);
  }
}

/** Three cases on four platforms: one decided at an accelerated hearing (its chair's report now
 * overdue), one under investigation, one referred to a misconduct meeting due on the day of reading. */
beforeAll(async () => {
  clock.setToday(readOn);
  api = await startTestApi({ clock });
  base = await listenForBrowser(api);
  browser = await launchBrowser();
  authority = await api.signedIn(['appropriate_authority']);
  investigator = await api.signedIn(['investigator'], { team: 'west' });

  const decided = await newCase(
    earlierReceipt,
    'Fictional: threats in private messages.',
    ['discreditable_conduct'],
    [{ platform: 'whatsapp', audience: 'direct_message', categories: ['violent_or_threatening'] }],
  );
  await assess(decided.id, 'gross_misconduct', ['assessed', 'referred_to_accelerated_hearing']);
  const chair = await post('/api/panel-members', authority, {
    name: 'Chief Constable',
    roles: ['chair'],
    rank: 'chief_constable',
    force: 'leicestershire',
  }).expect(201);
  const hearing = await post('/api/hearings', investigator, {
    caseId: decided.id,
    documentsSuppliedOn,
    certifiedByUserId: authority.id,
  }).expect(201);
  const hearingId = hearing.body.id as string;
  await post(`/api/hearings/${hearingId}/proposed-date`, investigator, {
    date: readOn,
    startsAt: '09:30',
    remoteLink: 'https://meet.example.org/accelerated',
  }).expect(201);
  await post(`/api/hearings/${hearingId}/panel`, investigator, {
    panelMemberId: chair.body.id,
    role: 'chair',
  }).expect(201);
  await post(`/api/hearings/${hearingId}/fixed-date`, investigator, {}).expect(201);
  await post(
    `/api/cases/${decided.id}/outcome`,
    authority,
    dismissalOutcome(decided.subjectId, decided.allegationId, readOn),
  ).expect(201);

  const investigating = await newCase(
    realToday,
    'Fictional: abusive posts on Facebook and Instagram.',
    ['authority_respect_and_courtesy', 'discreditable_conduct'],
    [
      { platform: 'facebook', audience: 'public', categories: ['abusive_or_offensive'] },
      {
        platform: 'instagram',
        audience: 'followers',
        categories: ['abusive_or_offensive', 'mocking_victims_or_public'],
      },
    ],
  );
  await assess(investigating.id, 'misconduct', ['assessed', 'investigating']);
  const meeting = await newCase(
    realToday,
    'Fictional: an abusive reply on X.',
    ['honesty_and_integrity'],
    [{ platform: 'twitter', audience: 'public', categories: ['abusive_or_offensive'] }],
  );
  await assess(meeting.id, 'misconduct', ['assessed', 'investigating', 'referred_to_meeting']);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** A table's body rows as cell texts, found by its caption. */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table: Locator = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('case reports in the staff web UI %s', (_label, javaScript) => {
  const suffix = javaScript ? 'js' : 'no-js';

  it('a senior officer reads cases and outcomes over time, by conduct and against the time limits, and downloads each CSV', async () => {
    const senior = await api.signedIn(['senior_officer']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    const csv = async (path: string) => {
      const response = await context.request.get(`${base}${path}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('text/csv');
      return (await response.text()).trim().split('\n');
    };
    await signIn(page, base, senior, '/reports');

    // Cases and outcomes over time
    await page.click('a:has-text("Cases and outcomes over time")');
    expect(new URL(page.url()).pathname).toBe('/reports/cases');
    expect(await page.locator('#chart-received').textContent()).toBe('Cases received by month');
    expect(await page.locator('#chart-outcomes').textContent()).toContain('Outcomes decided each year');
    const received = await tableRows(page, 'Cases received by month');
    const thisMonth = realToday.slice(0, 7);
    const earlierMonth = earlierReceipt.slice(0, 7);
    expect(received).toContainEqual([thisMonth, '2']);
    expect(received).toContainEqual([earlierMonth, '1']);
    expect(received[0][0]).toBe(earlierMonth);
    expect(received.at(-1)?.[0]).toBe(readOn.slice(0, 7));
    expect(received.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(3);
    const year = readOn.slice(0, 4);
    expect(
      await page
        .locator('table', { hasText: 'Outcomes decided by year' })
        .locator('thead th')
        .evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim())),
    ).toEqual(['Outcome', year]);
    const outcomes = await tableRows(page, 'Outcomes decided by year');
    expect(outcomes).toHaveLength(10);
    expect(outcomes).toContainEqual(['Dismissal without notice', '1']);
    expect(outcomes).toContainEqual(['Written warning', '0']);
    expect(outcomes.at(-1)).toEqual(['All outcomes', '1']);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `case-reports-over-time-${suffix}`);
    const receivedCsv = await csv('/reports/cases-received.csv');
    expect(receivedCsv[0]).toBe('period,from_month,cases');
    expect(receivedCsv).toContain(`${thisMonth},${thisMonth},2`);
    const outcomesCsv = await csv('/reports/outcomes-by-year.csv');
    expect(outcomesCsv[0]).toBe(
      'year,no_further_action,reflective_practice,management_advice,written_warning,final_written_warning,reduction_in_rank,dismissal_with_notice,dismissal_without_notice,would_have_been_dismissed,total',
    );
    expect(outcomesCsv[1]).toBe(`${year},0,0,0,0,0,0,0,1,0,1`);

    // By standard, category, platform and audience
    await page.goto(`${base}/reports`);
    await page.click('a:has-text("Cases by standard, category, platform and audience")');
    expect(new URL(page.url()).pathname).toBe('/reports/conduct');
    for (const id of ['chart-standard', 'chart-category', 'chart-platform', 'chart-audience'])
      expect(await page.locator(`#${id}`).count()).toBe(1);
    const standards = await tableRows(page, 'Cases by standard of professional behaviour');
    expect(standards).toContainEqual(['Discreditable conduct', '2', '67%']);
    expect(standards).toContainEqual(['Authority respect and courtesy', '1', '33%']);
    expect(standards).toContainEqual(['Use of force', '0', '0%']);
    // a count leads to the cases behind it (the period kept); a nought leads nowhere
    expect(await page.locator('#standard ~ table a[href*="standard=use_of_force"]').count()).toBe(0);
    const behind = await page.getAttribute(
      '#standard ~ table a[href*="standard=discreditable_conduct"]',
      'href',
    );
    expect(behind).toMatch(/^\/cases\?standard=discreditable_conduct/);
    const platforms = await tableRows(page, 'Cases by platform');
    expect(platforms).toEqual([
      ['Facebook', '1', '33%'],
      ['X (Twitter)', '1', '33%'],
      ['Instagram', '1', '33%'],
      ['WhatsApp', '1', '33%'],
      ['Snapchat', '0', '0%'],
      ['TikTok', '0', '0%'],
      ['Telegram', '0', '0%'],
      ['Other', '0', '0%'],
    ]);
    expect(await tableRows(page, 'Cases by conduct category')).toContainEqual([
      'Abusive or offensive',
      '2',
      '67%',
    ]);
    expect(await tableRows(page, 'Cases by audience')).toContainEqual(['Public', '2', '67%']);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `case-reports-conduct-${suffix}`);
    const platformCsv = await csv('/reports/conduct.csv?by=platform');
    expect(platformCsv[0]).toBe('platform,label,cases,percent_of_cases');
    expect(platformCsv).toContain('twitter,X (Twitter),1,33');
    const standardCsv = await csv('/reports/conduct.csv?by=standard');
    expect(standardCsv[0]).toBe('standard,label,cases,percent_of_cases');
    expect(standardCsv).toContain('discreditable_conduct,Discreditable conduct,2,67');
    expect((await csv('/reports/conduct.csv?by=category'))[0]).toBe('category,label,cases,percent_of_cases');
    expect(await csv('/reports/conduct.csv?by=audience')).toContain('direct_message,Direct message,1,33');

    // the same for a year before any of these cases were received: every count is zero, CSVs too
    const yearBefore = String(Number(earlierReceipt.slice(0, 4)) - 1);
    await page.fill('#from', yearBefore);
    await page.fill('#to', yearBefore);
    await page.click('button:has-text("Show the period")');
    expect(new URL(page.url()).search).toBe(`?from=${yearBefore}&to=${yearBefore}`);
    expect(await page.textContent('main')).toContain(
      `Cases received from ${yearBefore}-01-01 to ${yearBefore}-12-31`,
    );
    expect((await tableRows(page, 'Cases by platform')).map((row) => row[1])).toEqual(Array(8).fill('0'));
    const periodCsv = await page.getAttribute('a:has-text("Download cases by platform")', 'href');
    expect(periodCsv).toBe(`/reports/conduct.csv?by=platform&from=${yearBefore}&to=${yearBefore}`);
    expect(await csv(periodCsv ?? '')).toContain('twitter,X (Twitter),0,0');
    const receivedBefore = await csv(`/reports/cases-received.csv?from=${yearBefore}&to=${yearBefore}`);
    expect(receivedBefore).toHaveLength(13);
    expect(receivedBefore[1]).toBe(`${yearBefore}-01,${yearBefore}-01,0`);
    expect(receivedBefore.slice(1).every((line) => line.endsWith(',0'))).toBe(true);
    expect(await csv(`/reports/outcomes-by-year.csv?from=${yearBefore}&to=${yearBefore}`)).toHaveLength(1);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    // a period that is not a year is refused, saying what to enter
    await page.fill('#from', 'last year');
    await page.click('button:has-text("Show the period")');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Enter the first year as a year from 1990',
    );
    expect(await page.textContent('#from-error')).toContain('Enter the first year');
    expect(await page.locator('table').count()).toBe(0);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    expect((await context.request.get(`${base}/reports/conduct.csv?by=platform&from=1066`)).status()).toBe(
      400,
    );

    // Timeliness against the time limits
    await page.goto(`${base}/reports`);
    await page.click('a:has-text("Timeliness against the time limits")');
    expect(new URL(page.url()).pathname).toBe('/reports/timeliness');
    expect(await page.locator('#chart-timeliness').textContent()).toBe(
      `Open cases under each time limit on ${readOn}`,
    );
    expect(await tableRows(page, 'Open cases by time limit')).toEqual([
      ['IOPC referral decision', '0', '0', '0', '0'],
      ['Report to the local policing body', '1', '0', '0', '1'],
      ["Officer's account (reflective practice)", '0', '0', '0', '0'],
      ['Misconduct meeting', '0', '1', '0', '1'],
      ['Accelerated hearing', '0', '0', '0', '0'],
      ["Chair's outcome report", '0', '0', '1', '1'],
    ]);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `case-reports-timeliness-${suffix}`);
    const timelinessCsv = await csv('/reports/timeliness.csv');
    expect(timelinessCsv[0]).toBe('time_limit,label,within_time,due_soon,overdue,total');
    expect(timelinessCsv).toContain("chair_outcome_report,Chair's outcome report,0,0,1,1");

    // every read was audited as a report read by this officer
    const audited: { report: string }[] = await api.dataSource.query(
      `SELECT details::jsonb->>'report' AS report FROM audit_events WHERE action = 'report.read' AND actor_id = $1`,
      [senior.id],
    );
    expect(new Set(audited.map((row) => row.report))).toEqual(
      new Set(['cases_over_time', 'outcomes_by_year', 'cases_by_conduct', 'timeliness']),
    );
    await context.close();
  });

  it('refuses the case reports to an investigator', async () => {
    const other = await api.signedIn(['investigator']);
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await page.goto(`${base}/sign-in?next=/reports/timeliness`);
    await page.fill('#username', other.username);
    await page.fill('#password', other.password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/reports/timeliness'),
      page.click('button:has-text("Sign in")'),
    ]);
    expect(response.status()).toBe(403);
    expect((await context.request.get(`${base}/reports/timeliness.csv`)).status()).toBe(403);
    await context.close();
  });
});
