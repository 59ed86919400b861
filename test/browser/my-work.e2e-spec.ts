import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, format } from 'date-fns';
import type { Browser, Page } from 'playwright-core';
import { WorkingDayCalendar } from '@precedent/platform';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  newPage,
  screenshot,
  listenForBrowser,
} from '../support/browser';
import { truncatedPng } from '../support/evidence-fixtures';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { SAMPLE_REPORT, startTestReporter, type TestReporter } from '../support/test-reporter';
import { TestClock } from '../support/test-clock';
import { eventually, startTestWorker } from '../support/test-worker';

const iso = (day: Date) => format(day, 'yyyy-MM-dd');

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('my work in the staff web UI %s', (_label, javaScript) => {
  // A fortnight ahead of the real day: an IOPC referral found today (by the real clock, as cases
  // record it) is then overdue, and the rest still to come.
  const clock = new TestClock();
  const today = iso(addDays(new Date(), 14));
  const calendar = new WorkingDayCalendar();
  let api: TestApi;
  let worker: INestApplication;
  let reporter: TestReporter;
  let browser: Browser;
  let base: string;
  let evidenceDir: string;
  const suffix = javaScript ? 'js' : 'no-js';
  let investigator: SignedInUser;
  let panel: SignedInUser;
  let authority: SignedInUser;
  const ids: Record<'overdue' | 'investigating' | 'hearingCase' | 'hearing' | 'evidence', string> = {
    overdue: '',
    investigating: '',
    hearingCase: '',
    hearing: '',
    evidence: '',
  };
  const reportSummary = `Officer mocking a road death on Instagram (${suffix})`;
  let proposedDate: string;

  const post = (path: string, user: SignedInUser, body: object) =>
    api.http().post(path).set(user.auth).send(body);

  async function newCase(user: SignedInUser, body: object): Promise<string> {
    const created = await post('/api/cases', user, { source: 'line_manager', ...body }).expect(201);
    return created.body.id as string;
  }

  async function moveTo(caseId: string, authority: SignedInUser, statuses: string[]): Promise<void> {
    const current = await api.http().get(`/api/cases/${caseId}`).set(authority.auth).expect(200);
    await post(`/api/cases/${caseId}/assessment`, authority, {
      severity: 'gross_misconduct',
      rationale: 'Fictional: conduct that would justify dismissal if proved.',
      version: current.body.version,
    }).expect(201);
    for (const to of statuses)
      await post(`/api/cases/${caseId}/transitions`, authority, { to, reason: `moving to ${to}` }).expect(
        201,
      );
  }

  beforeAll(async () => {
    clock.setToday(today);
    evidenceDir = await mkdtemp(join(tmpdir(), 'precedent-my-work-'));
    process.env.EVIDENCE_DIR = evidenceDir;
    api = await startTestApi({ clock });
    worker = await startTestWorker();
    reporter = await startTestReporter();
    base = await listenForBrowser(api);
    browser = await launchBrowser();

    authority = await api.signedIn(['appropriate_authority']);
    investigator = await api.signedIn(['investigator'], { team: `team-${suffix}` });
    panel = await api.signedIn(['panel_member']);
    const received = iso(new Date());

    // 1. a mandatory IOPC referral found on recording and never decided: overdue by now
    ids.overdue = await newCase(investigator, {
      receivedAt: received,
      summary: `Fictional: an officer's post identifying a victim (${suffix}).`,
      iopcReferralRequired: true,
    });
    // 2. an investigation the matter of which came to attention 13 months ago: the report to the
    // local policing body is due
    ids.investigating = await newCase(investigator, {
      receivedAt: received,
      cameToAttentionOn: iso(addDays(new Date(), -400)),
      summary: `Fictional: offensive comments in a team chat (${suffix}).`,
    });
    await moveTo(ids.investigating, authority, ['assessed', 'investigating']);
    // 3. a case referred to a hearing, with a date proposed within the next eight weeks
    ids.hearingCase = await newCase(investigator, {
      receivedAt: received,
      summary: `Fictional: derogatory remarks at a public event (${suffix}).`,
    });
    await moveTo(ids.hearingCase, authority, ['assessed', 'investigating', 'referred_to_hearing']);
    const documentsSuppliedOn = iso(addDays(new Date(), 7));
    const hearing = await post('/api/hearings', investigator, {
      caseId: ids.hearingCase,
      documentsSuppliedOn,
    }).expect(201);
    ids.hearing = hearing.body.id as string;
    proposedDate = calendar.addWorkingDays(documentsSuppliedOn, 25);
    await post(`/api/hearings/${ids.hearing}/proposed-date`, investigator, {
      date: proposedDate,
      startsAt: '10:00',
      venue: 'Force HQ, Committee Room 2',
    }).expect(201);
    const member = await post('/api/panel-members', authority, {
      name: `Chief Supt A Chair ${suffix}`,
      roles: ['chair'],
      userId: panel.id,
    }).expect(201);
    await post(`/api/hearings/${ids.hearing}/panel`, investigator, {
      panelMemberId: member.body.id,
      role: 'chair',
    }).expect(201);

    // 4. a new anonymous report through the reporter portal
    await reporter.submit({ ...SAMPLE_REPORT, summary: reportSummary, platform: 'instagram' });

    // 5. a corrupt image the worker cannot decode
    const upload = await api
      .http()
      .post(`/api/cases/${ids.investigating}/evidence`)
      .set(investigator.auth)
      .attach('file', await truncatedPng(), `broken-${suffix}.png`)
      .expect(201);
    ids.evidence = upload.body.id as string;
    await eventually(
      async () => {
        const item = await api.http().get(`/api/evidence/${ids.evidence}`).set(investigator.auth).expect(200);
        return item.body.status === 'failed';
      },
      { what: 'the corrupt image to fail processing', timeoutMs: 45_000, intervalMs: 300 },
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await reporter?.close();
    await worker?.close();
    await api?.close();
    await rm(evidenceDir, { recursive: true, force: true });
    delete process.env.EVIDENCE_DIR;
  });

  async function signIn(page: Page, user: SignedInUser): Promise<void> {
    await page.goto(`${base}/sign-in?next=/`);
    await page.fill('#username', user.username);
    await page.fill('#password', user.password);
    await page.click('button:has-text("Sign in")');
    expect(new URL(page.url()).pathname).toBe('/');
  }

  const section = (page: Page, id: string) => page.locator(`h2#${id} + table, h2#${id} + p`).first();

  it('an investigator sees their cases by time limit (soonest first, overdue tagged), their hearing, the new report and the failed evidence, and follows each link', async () => {
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, investigator);
    expect(await page.textContent('h1')).toBe('My work');
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `my-work-${suffix}`);

    // cases: only this investigator's cases with a time limit (not the one at a hearing), coming up
    // apart from overdue: the report to the local policing body is due, the IOPC referral overdue
    const comingUp = page.locator('#limits-coming-up tbody tr');
    expect(await comingUp.count()).toBe(1);
    const first = await comingUp.nth(0).textContent();
    expect(first).toContain('report to the local policing body');
    expect(first).toContain('Due');
    expect(first).not.toContain('Overdue');
    const overdue = page.locator('#limits-overdue tbody tr');
    expect(await overdue.count()).toBe(1);
    const second = await overdue.nth(0).textContent();
    expect(second).toContain('IOPC referral decision');
    expect(second).toContain('Overdue');
    // what is counted, and the list it links to counts the same
    const counted = (await section(page, 'cases').textContent()) ?? '';
    expect(counted).toMatch(/Time limits are running on 2 of the \d+ open cases assigned to you/);
    const openTotal = counted.match(/of the (\d+) open cases/)?.[1];

    // hearings: the proposed date, linked to the hearing and its case
    const hearings = await section(page, 'hearings').textContent();
    expect(hearings).toContain(`${proposedDate}, 10:00`);
    expect(hearings).toContain('date proposed');

    // anonymous reports not yet opened
    expect(await section(page, 'anonymous').textContent()).toContain(reportSummary);

    // failed evidence with the reason
    const failed = await section(page, 'failed-evidence').textContent();
    expect(failed).toContain(`broken-${suffix}.png`);
    expect(failed).toContain('The image could not be decoded');

    await page.click(`#limits-overdue tbody tr:nth-child(1) a`);
    expect(new URL(page.url()).pathname).toBe(`/cases/${ids.overdue}`);
    await page.goto(`${base}/`);
    await page.click(`a:has-text("${proposedDate}")`);
    expect(new URL(page.url()).pathname).toBe(`/hearings/${ids.hearing}`);
    await page.goto(`${base}/`);
    await page.click(`a:has-text("broken-${suffix}.png")`);
    expect(new URL(page.url()).pathname).toBe(`/evidence/${ids.evidence}`);
    await page.goto(`${base}/`);
    await page.click(`a:has-text("${reportSummary}")`);
    expect(new URL(page.url()).pathname).toMatch(/^\/anonymous\/[0-9a-f-]{36}$/);

    // reading a report changes nothing; once someone starts the review (a POST), it is no longer new
    await page.goto(`${base}/`);
    expect(await section(page, 'anonymous').textContent()).toContain(reportSummary);
    await page.click(`a:has-text("${reportSummary}")`);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Start the review")')]);
    await page.goto(`${base}/`);
    expect(await section(page, 'anonymous').textContent()).not.toContain(reportSummary);

    // "see all" lists this investigator's open cases only, and counts as My work did
    await page.click('a[href="/cases?investigator=me&state=open"]');
    expect(new URL(page.url()).searchParams.get('investigator')).toBe('me');
    expect(await page.textContent('main')).toContain(`${openTotal} open cases assigned to you`);
    await context.close();
  }, 60_000);

  it('an appropriate authority sees every open case it may open with a time limit, but no restricted one', async () => {
    const restricted = await newCase(investigator, {
      receivedAt: iso(new Date()),
      summary: `Fictional: a restricted matter (${suffix}).`,
      iopcReferralRequired: true,
      restricted: true,
    });
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, authority);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    const anchors = page.locator('#limits-coming-up a, #limits-overdue a');
    const hrefs: string[] = [];
    for (let i = 0; i < (await anchors.count()); i++)
      hrefs.push((await anchors.nth(i).getAttribute('href')) ?? '');
    const links = hrefs.join(' ');
    expect(links).toContain(`/cases/${ids.overdue}`);
    expect(links).toContain(`/cases/${ids.investigating}`);
    expect(links).not.toContain(`/cases/${restricted}`);
    expect(await page.getAttribute('h2#cases + p a', 'href')).toBe('/cases?state=open');
    await context.close();
  }, 60_000);

  it('a panel member sees the hearing they sit on, no inbox, and plain empty states', async () => {
    const context = await newContext(browser, javaScript);
    const page = await newPage(context);
    await signIn(page, panel);
    expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
    await screenshot(page, `my-work-panel-${suffix}`);
    expect(await section(page, 'hearings').textContent()).toContain(proposedDate);
    expect(await section(page, 'cases').textContent()).toContain(
      'None of your open cases has a time limit running.',
    );
    expect(await page.locator('h2#anonymous').count()).toBe(0);
    expect(await section(page, 'failed-evidence').textContent()).toContain(
      'No evidence on your cases has failed processing.',
    );
    await context.close();
  }, 60_000);
});
