import request from 'supertest';
import { CASE_STATUSES, CaseDueDatesService } from '@precedent/cases';
import type { Principal } from '@precedent/identity';
import { Clock } from '@precedent/platform';
import { runCli } from '../support/cli';
import { startTestApi, TestApi } from '../support/test-api';

/** `demo` loads a few hundred fictional cases across every status, once. */
describe('demo cases', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('loads them across every status with subjects, allegations and conduct items, and adds nothing when run again', async () => {
    const first = runCli(['demo']);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('300 fictional cases loaded');
    const second = runCli(['demo']);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('already loaded');

    const byStatus = await api.dataSource.query<{ status: string; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM cases GROUP BY status`,
    );
    expect(byStatus.map((r) => r.status).sort()).toEqual([...CASE_STATUSES].sort());
    expect(byStatus.reduce((sum, r) => sum + r.n, 0)).toBe(300);
    const [counts] = await api.dataSource.query<{ subjects: number; allegations: number; items: number }[]>(
      `SELECT (SELECT count(DISTINCT case_id)::int FROM case_subjects) AS subjects,
              (SELECT count(DISTINCT case_id)::int FROM case_allegations) AS allegations,
              (SELECT count(DISTINCT case_id)::int FROM conduct_items) AS items`,
    );
    expect(counts).toEqual({ subjects: 300, allegations: 300, items: 300 });

    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ username: 'investigator', password: 'precedent-demo-2026' })
      .expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    const held = await api
      .http()
      .get('/api/cases')
      .query({ status: 'hearing_scheduled' })
      .set(auth)
      .expect(200);
    expect(held.body.total).toBeGreaterThan(0);
    const one = await api.http().get(`/api/cases/${held.body.items[0].id}`).set(auth).expect(200);
    expect(one.body.summary).toMatch(/^Fictional demo case/);
    const timeline = await api.http().get(`/api/cases/${one.body.id}/timeline`).set(auth).expect(200);
    expect(timeline.body.items.map((e: { toStatus: string | null }) => e.toStatus).filter(Boolean)).toEqual(
      expect.arrayContaining(['received', 'referred_to_hearing', 'hearing_scheduled']),
    );
    const verify = runCli(['audit', 'verify']);
    expect(verify.status).toBe(0);
    // the demo command runs twice and the audit is verified: minutes on a busy machine
  }, 240_000);

  it('has hearings coming up with seated panels, concluded hearings with outcomes, and an appeal', async () => {
    const today = api.app.get(Clock).today();
    const upcoming = await api.dataSource.query<{ id: string; seats: number; status: string }[]>(
      `SELECT h.id, h.status, (SELECT count(*)::int FROM hearing_seats s WHERE s.hearing_id = h.id) AS seats
         FROM hearings h WHERE h.scheduled_on >= $1 AND h.status <> 'concluded'`,
      [today],
    );
    expect(upcoming.length).toBeGreaterThan(0);
    for (const hearing of upcoming) {
      expect(hearing.status).toBe('fixed');
      // a misconduct hearing after 7 May 2024: chair, independent member, lay member and adviser
      expect(hearing.seats).toBeGreaterThanOrEqual(4);
    }
    const [concluded] = await api.dataSource.query<{ hearings: number; without: number }[]>(
      `SELECT count(*)::int AS hearings,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM outcome_records o WHERE o.hearing_id = h.id))::int AS without
         FROM hearings h WHERE h.status = 'concluded'`,
    );
    expect(concluded.hearings).toBeGreaterThan(0);
    expect(concluded.without).toBe(0);
    // every decided case has an outcome, and every case with a hearing scheduled has its hearing
    const [gaps] = await api.dataSource.query<{ decided: number; scheduled: number; appeals: number }[]>(
      `SELECT (SELECT count(*)::int FROM cases c WHERE c.status IN ('decided', 'appeal', 'closed')
                 AND NOT EXISTS (SELECT 1 FROM outcome_records o WHERE o.case_id = c.id)) AS decided,
              (SELECT count(*)::int FROM cases c WHERE c.status = 'hearing_scheduled'
                 AND NOT EXISTS (SELECT 1 FROM hearings h WHERE h.case_id = c.id AND h.status = 'fixed')) AS scheduled,
              (SELECT count(*)::int FROM appeals) AS appeals`,
    );
    expect(gaps).toMatchObject({ decided: 0, scheduled: 0 });
    expect(gaps.appeals).toBeGreaterThan(0);
  });

  it('gives the senior officer decided cases and a hearing case to review, which they may open', async () => {
    const grants = await api.dataSource.query<{ case_id: string; status: string; until: string }[]>(
      `SELECT g.case_id, c.status, to_char(g.until, 'YYYY-MM-DD') AS until
         FROM case_grants g JOIN users u ON u.id = g.user_id JOIN cases c ON c.id = g.case_id
        WHERE u.username = 'senior' AND g.revoked_at IS NULL`,
    );
    expect(grants.map((g) => g.status).sort()).toEqual([
      'decided',
      'decided',
      'decided',
      'hearing_scheduled',
    ]);
    expect(grants.every((g) => g.until > api.app.get(Clock).today())).toBe(true);
    const [audited] = await api.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.grant' AND entity_id = ANY($1)`,
      [grants.map((g) => g.case_id)],
    );
    expect(audited.n).toBe(4);
    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ username: 'senior', password: 'precedent-demo-2026' })
      .expect(200);
    await api
      .http()
      .get(`/api/cases/${grants[0].case_id}`)
      .set({ Authorization: `Bearer ${login.body.accessToken}` })
      .expect(200);
  });

  it('gives each administrator a role to approve: one the other administrator gave a new user', async () => {
    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'precedent-demo-2026' })
      .expect(200);
    const pending = await api
      .http()
      .get('/api/users/role-approvals')
      .set({ Authorization: `Bearer ${login.body.accessToken}` })
      .expect(200);
    expect(pending.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ username: 'new.investigator', role: 'investigator' }),
        expect.objectContaining({ username: 'new.panel', role: 'panel_member' }),
      ]),
    );
    expect(pending.body.items).toHaveLength(2);
  });

  it('keeps most time limits running: fewer than half of the open cases are overdue', async () => {
    // the appropriate authority sees every case that is not restricted, with its next time limit
    const [user] = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'authority'`,
    );
    const authority: Principal = {
      userId: user.id,
      username: 'authority',
      displayName: 'Supt Jo Example',
      roles: ['appropriate_authority'],
      team: null,
      sessionId: 'demo-check',
    };
    const [open] = await api.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM cases WHERE status NOT IN ('closed', 'withdrawn') AND NOT restricted`,
    );
    const due = await api.app.get(CaseDueDatesService).mine(authority, { limit: 1000 }, 'demo-check');
    const overdue = due.items.filter((item) => item.next.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(open.n / 2);
  });

  it.each(['investigator', 'authority', 'panel'])(
    'lands %s on a My work that lists something to do',
    async (username) => {
      const agent = request.agent(api.app.getHttpServer());
      const signInPage = await agent.get('/sign-in').expect(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(signInPage.text)![1];
      await agent
        .post('/sign-in')
        .type('form')
        .send({ username, password: 'precedent-demo-2026', _csrf: csrf })
        .expect(303);
      const myWork = await agent.get('/').set('Accept', 'text/html').expect(200);
      expect(myWork.text).toContain('My work');
      expect(myWork.text).toMatch(/<td class="govuk-table__cell/);
    },
  );
});
