import { CASE_STATUSES } from '@precedent/cases';
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
  });
});
