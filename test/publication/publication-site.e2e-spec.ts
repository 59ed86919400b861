import type { Browser, Page } from 'playwright-core';
import { PublicationService } from '@precedent/hearings';
import {
  accessibilityViolations,
  launchBrowser,
  listenForBrowser,
  newContext,
  newPage,
  screenshot,
  signIn,
} from '../support/browser';
import { dismissalOutcome, referredCase, type ReferredCase } from '../support/referred-case';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { TestClock } from '../support/test-clock';
import { startTestPublication, type TestPublication } from '../support/test-publication';

/**
 * A public misconduct hearing from its notice to the end of its outcome report's period, as the
 * public site shows it: the chair decides what is published, the site shows the notice before the
 * hearing and the outcome after it, and takes each down on time. The officer's staff number, the
 * case reference and the reporter never appear; the officer's name only once the chair allows it.
 */
const REPORTER = { name: 'Insp. Casey Example', contact: 'casey.example@force.example' };
const OFFICER = 'PC Jordan Fictional';
const STAFF_NUMBER = '4821';
const PUBLIC_CONDUCT =
  'Posted a derogatory comment about a group of people in a messaging group of officers.';

const clock = new TestClock();
let api: TestApi;
let site: TestPublication;
let staffBase: string;
let browser: Browser;
let authority: SignedInUser;
let investigator: SignedInUser;
let chairUser: SignedInUser;
let kase: ReferredCase;
let hearingId: string;
let noticeId: string;
let outcomeId: string;
/** Every body the public site served during the journey, for the search at the end. */
const served: { path: string; body: string }[] = [];

const post = (path: string, user: SignedInUser, body: object) =>
  api.http().post(path).set(user.auth).send(body);

async function signInAgain(user: SignedInUser): Promise<void> {
  const response = await api
    .http()
    .post('/api/auth/login')
    .send({ username: user.username, password: user.password })
    .expect(200);
  user.auth.Authorization = `Bearer ${(response.body as { accessToken: string }).accessToken}`;
}

/** The referred case's conduct was off duty: the decision carries the Article 10 balancing. */
function withArticle10<T extends { decision: object }>(outcome: T): T {
  return {
    ...outcome,
    decision: {
      ...outcome.decision,
      article10: {
        engaged: true,
        prescribedByLaw: 'The Standards are in the Conduct Regulations.',
        legitimateAim: 'Public confidence in policing; the rights of others.',
        necessityAndProportionality: 'The sanction is necessary and proportionate.',
      },
    },
  };
}

async function moveTo(day: string): Promise<void> {
  clock.setToday(day);
  for (const user of [authority, investigator, chairUser]) await signInAgain(user);
}

/** GETs a public address and keeps what was served. */
async function fetchPublic(path: string, status = 200): Promise<string> {
  const response = await site.http().get(path).expect(status);
  served.push({ path, body: response.text });
  return response.text;
}

/** Everything a visitor can reach today: the index, each entry it links, the feed. */
async function crawl(): Promise<string[]> {
  const index = await fetchPublic('/');
  const links = [...index.matchAll(/href="(\/notices\/[0-9a-f-]{36})"/g)].map((m) => m[1]);
  for (const link of links) await fetchPublic(link);
  await fetchPublic('/feed.atom');
  return links;
}

/** Opens a public page with JavaScript on and off: axe-clean both ways; answers the main text. */
async function look(path: string, name: string): Promise<string> {
  let text = '';
  for (const javaScript of [true, false]) {
    const context = await newContext(browser, javaScript);
    const page: Page = await newPage(context);
    await page.goto(`${site.base}${path}`);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `publication-${name}-${javaScript ? 'js' : 'no-js'}`);
    text = ((await page.textContent('main')) ?? '').replace(/\s+/g, ' ');
    await context.close();
  }
  return text;
}

beforeAll(async () => {
  clock.setToday('2026-12-01');
  api = await startTestApi({ clock });
  staffBase = await listenForBrowser(api);
  site = await startTestPublication({ clock });
  browser = await launchBrowser();
  authority = await api.signedIn(['appropriate_authority']);
  investigator = await api.signedIn(['investigator'], { team: 'north' });
  chairUser = await api.signedIn(['panel_member']);
  kase = await referredCase(api, { investigator, authority }, REPORTER);
  const member = async (name: string, roles: string[], extra: object = {}) =>
    (await post('/api/panel-members', authority, { name, roles, ...extra }).expect(201)).body.id as string;
  const seats: [string, string][] = [
    [await member('Chief Supt A Chair', ['chair'], { userId: chairUser.id }), 'chair'],
    [await member('B Independent', ['independent_member']), 'independent_member'],
    [await member('C Lay', ['lay_member']), 'lay_member'],
    [await member('D Adviser', ['legally_qualified_adviser']), 'legally_qualified_adviser'],
  ];
  const hearing = await post('/api/hearings', investigator, {
    caseId: kase.id,
    documentsSuppliedOn: '2026-11-20',
  }).expect(201);
  hearingId = hearing.body.id as string;
  await post(`/api/hearings/${hearingId}/proposed-date`, investigator, {
    date: '2027-01-06',
    startsAt: '10:00',
    venue: 'Force HQ, Committee Room 2',
  }).expect(201);
  for (const [panelMemberId, role] of seats)
    await post(`/api/hearings/${hearingId}/panel`, investigator, { panelMemberId, role }).expect(201);
  await post(`/api/hearings/${hearingId}/fixed-date`, investigator, {}).expect(201);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await api?.close();
});

describe('the public publication site', () => {
  it('shows nothing of a hearing before the chair decides', async () => {
    const index = await fetchPublic('/');
    expect(index).toContain('No public hearings are arranged at the moment.');
    expect(index).toContain('There are no outcome reports at the moment.');
    expect(await look('/', 'empty')).toContain('An outcome report stays here for at least 28 days.');
  });

  it("lets only the hearing's chair, or the appropriate authority, decide; refuses private details", async () => {
    const notice = {
      subjectId: kase.subjectId,
      stage: 'notice',
      publish: true,
      showOfficerName: false,
      showRank: true,
      conduct: PUBLIC_CONDUCT,
      reasons: "Publishing the name would put the officer's family at risk.",
    };
    await post(`/api/hearings/${hearingId}/publication`, investigator, notice).expect(403);
    const stranger = await api.signedIn(['panel_member']);
    await post(`/api/hearings/${hearingId}/publication`, stranger, notice).expect(404);
    // a subject of another case is not on this hearing
    await post(`/api/hearings/${hearingId}/publication`, chairUser, {
      ...notice,
      subjectId: '00000000-0000-4000-8000-000000000000',
    }).expect(404);
    const leaky = await post(`/api/hearings/${hearingId}/publication`, chairUser, {
      ...notice,
      conduct: `${PUBLIC_CONDUCT} Reported under ${kase.reference} about officer ${STAFF_NUMBER}.`,
    }).expect(422);
    expect(leaky.body.message).toBe(
      "Remove the officer's staff number from the conduct alleged: it is not published",
    );
    const unexplained = await post(`/api/hearings/${hearingId}/publication`, chairUser, {
      ...notice,
      reasons: '',
    }).expect(422);
    expect(unexplained.body.message).toBe('Give the reasons for withholding what is not published');
    // nothing was published or recorded by the refusals
    expect((await api.dataSource.query(`SELECT id FROM published_notices`)).length).toBe(0);

    const decided = await post(`/api/hearings/${hearingId}/publication`, chairUser, notice).expect(201);
    expect(decided.body).toMatchObject({
      stage: 'notice',
      publish: true,
      withheld: ['officer_name'],
      reasons: notice.reasons,
      decidedBy: chairUser.id,
      publishFrom: '2026-12-01',
      // the working day after the hearing
      removeOn: '2027-01-07',
    });
    noticeId = decided.body.publishedNoticeId as string;
    const audit = await api.dataSource.query<{ actor_id: string; details: string }[]>(
      `SELECT actor_id, details FROM audit_events WHERE action = 'hearing.publication.decide'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(chairUser.id);
    expect(JSON.parse(audit[0].details)).toMatchObject({
      stage: 'notice',
      withheld: ['officer_name'],
      publishedNoticeId: noticeId,
    });
    const listed = await api
      .http()
      .get(`/api/hearings/${hearingId}/publication`)
      .set(investigator.auth)
      .expect(200);
    expect(listed.body.items).toHaveLength(1);
  });

  it('shows the notice before the hearing: date, time, place, rank and conduct, without the withheld name', async () => {
    expect(await crawl()).toEqual([`/notices/${noticeId}`]);
    expect(await look('/', 'index-notice')).toContain('Misconduct hearing on Wednesday 6 January 2027');
    const text = await look(`/notices/${noticeId}`, 'notice');
    for (const words of [
      'Wednesday 6 January 2027',
      '10am',
      'Force HQ, Committee Room 2',
      'Constable',
      PUBLIC_CONDUCT,
      "Not published (the chair's decision)",
    ])
      expect(text).toContain(words);
    expect(text).not.toContain(OFFICER);
    const feed = await fetchPublic('/feed.atom');
    expect(feed).toContain(`<id>urn:uuid:${noticeId}</id>`);
  });

  it('shows the outcome report after the hearing, with the name the chair now publishes', async () => {
    await moveTo('2027-01-06');
    await post(
      `/api/cases/${kase.id}/outcome`,
      chairUser,
      withArticle10(dismissalOutcome(kase.subjectId, kase.allegationId, '2027-01-06')),
    ).expect((r) => {
      if (r.status !== 201) throw new Error(`The outcome was refused: ${JSON.stringify(r.body)}`);
    });
    // the appropriate authority records the chair's decision for them, on the staff hearing page
    const context = await newContext(browser, false);
    const page = await newPage(context);
    await signIn(page, staffBase, authority, `/hearings/${hearingId}`);
    await page.click('a:has-text("Publication: the public notice and outcome report")');
    expect(new URL(page.url()).pathname).toBe(`/hearings/${hearingId}/publication`);
    const fill = async (summary: string) => {
      await page.check(`input[name="subjectId"][value="${kase.subjectId}"]`);
      await page.check('input[name="stage"][value="outcome"]');
      await page.check('input[name="publish"][value="yes"]');
      await page.check('input[name="showOfficerName"][value="yes"]');
      await page.check('input[name="showRank"][value="yes"]');
      await page.fill('#conduct', PUBLIC_CONDUCT);
      await page.fill('#outcomeSummary', summary);
      await page.click('button:has-text("Record the decision")');
    };
    await fill(`Case ${kase.reference}: gross misconduct proven.`);
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Remove the case reference from the summary of the outcome: it is not published',
    );
    expect(await accessibilityViolations(page, { javaScript: false })).toEqual([]);
    await fill(
      'The panel found gross misconduct proven on the messages.\nDismissal is the only outcome that protects the public.',
    );
    expect(await page.textContent('.govuk-notification-banner')).toContain(
      'The publication decision has been recorded.',
    );
    const decisions = ((await page.textContent('#main-content table')) ?? '').replace(/\s+/g, ' ');
    expect(decisions).toContain('Outcome report');
    expect(decisions).toContain("The officer's name");
    expect(decisions).toContain('Publishing the name would put');
    expect(await accessibilityViolations(page, { javaScript: false })).toEqual([]);
    await screenshot(page, 'publication-staff-decisions-no-js');
    await context.close();
    const [row] = await api.dataSource.query<{ published_notice_id: string; withheld: string[] }[]>(
      `SELECT published_notice_id, withheld FROM publication_decisions WHERE stage = 'outcome'`,
    );
    expect(row.withheld).toEqual([]);
    outcomeId = row.published_notice_id;
    const [entry] = await api.dataSource.query<{ publish_from: string; remove_on: string }[]>(
      `SELECT to_char(publish_from, 'YYYY-MM-DD') AS publish_from, to_char(remove_on, 'YYYY-MM-DD') AS remove_on FROM published_notices WHERE id = $1`,
      [outcomeId],
    );
    expect(entry).toEqual({ publish_from: '2027-01-06', remove_on: '2027-02-03' });

    // on the hearing day the notice is still up; the day after it has come down
    expect((await crawl()).sort()).toEqual([`/notices/${noticeId}`, `/notices/${outcomeId}`].sort());
    await moveTo('2027-01-07');
    expect(await crawl()).toEqual([`/notices/${outcomeId}`]);
    await fetchPublic(`/notices/${noticeId}`, 404);
    const text = await look(`/notices/${outcomeId}`, 'outcome');
    for (const words of [
      'Outcome of the misconduct hearing on Wednesday 6 January 2027',
      OFFICER,
      'Dismissal without notice',
      'Dismissal is the only outcome that protects the public.',
      'shown until Tuesday 2 February 2027',
    ])
      expect(text).toContain(words);
  });

  it('keeps the outcome report to the last day of its period, then takes it down (kept internally)', async () => {
    await moveTo('2027-02-02');
    expect(await crawl()).toEqual([`/notices/${outcomeId}`]);
    await moveTo('2027-02-03');
    expect(await crawl()).toEqual([]);
    const gone = await look(`/notices/${outcomeId}`, 'outcome-gone');
    expect(gone).toContain('Page not found');
    await fetchPublic(`/notices/${outcomeId}`, 404);
    expect(await fetchPublic('/feed.atom')).not.toContain('<entry>');

    // the worker's hourly sweep marks both entries withdrawn, once; the rows and decisions are kept
    const publication = api.app.get(PublicationService);
    expect(await publication.withdrawEnded('test-sweep')).toBe(2);
    expect(await publication.withdrawEnded('test-sweep')).toBe(0);
    const rows = await api.dataSource.query<{ id: string; withdrawn_reason: string }[]>(
      `SELECT id, withdrawn_reason FROM published_notices ORDER BY publish_from`,
    );
    expect(rows).toEqual([
      { id: noticeId, withdrawn_reason: 'period_ended' },
      { id: outcomeId, withdrawn_reason: 'period_ended' },
    ]);
    const decisions = await api.dataSource.query(`SELECT id FROM publication_decisions`);
    expect(decisions).toHaveLength(2);
  });

  it('serves nothing else: no listing, no staff routes, a GOV.UK 404, security headers, a bare /health', async () => {
    for (const path of [
      '/govuk/',
      '/assets/',
      '/static/',
      '/.env',
      '/api/cases',
      '/sign-in',
      '/notices/nope',
    ])
      expect((await fetchPublic(path, 404)).includes('Page not found')).toBe(true);
    await site.http().post('/').send({}).expect(404);
    const index = await site.http().get('/').expect(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['x-powered-by']).toBeUndefined();
    expect(index.headers['set-cookie']).toBeUndefined();
    const health = await site.http().get('/health').expect(200);
    expect(health.body).toEqual({ status: 'up' });
    await site.http().get('/govuk/govuk-frontend.min.css').expect(200);
  });

  it("never served the staff number, the case reference or the reporter's details; the name only once allowed", () => {
    expect(served.length).toBeGreaterThan(10);
    const forbidden = [STAFF_NUMBER, kase.reference, REPORTER.name, REPORTER.contact, 'Casey'];
    for (const { path, body: text } of served) {
      // public ids and the script nonce are random: a run of four digits inside them is not the staff number
      const body = text
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')
        .replace(/nonce="[^"]*"/g, '');
      for (const word of forbidden) {
        if (new RegExp(`(^|[^0-9A-Za-z])${word.replace(/[.]/g, '\\.')}($|[^0-9A-Za-z])`).test(body))
          throw new Error(`${path} served "${word}"`);
      }
    }
    const named = served.filter(({ body }) => body.includes(OFFICER)).map(({ path }) => path);
    expect(named.length).toBeGreaterThan(0);
    expect(
      named.every((path) => path === `/notices/${outcomeId}` || path === '/feed.atom' || path === '/'),
    ).toBe(true);
  });
});
