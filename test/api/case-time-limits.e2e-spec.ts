import { format, subMonths } from 'date-fns';
import { londonDate, WorkingDayCalendar } from '@precedent/platform';
import { startTestApi, TestApi, SignedInUser } from '../support/test-api';

/** Time limits on GET /api/cases/:id and the list of investigations that need the report to the local policing body. */
describe('case time limits', () => {
  let api: TestApi;
  let investigator: SignedInUser;
  let authority: SignedInUser;
  const calendar = new WorkingDayCalendar();
  const today = londonDate(new Date());
  const monthsAgo = (n: number) => format(subMonths(new Date(`${today}T12:00:00Z`), n), 'yyyy-MM-dd');

  beforeAll(async () => {
    api = await startTestApi();
    investigator = await api.signedIn(['investigator'], { team: 'north' });
    authority = await api.signedIn(['appropriate_authority']);
  });
  afterAll(() => api.close());

  async function record(fields: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    const created = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({
        source: 'line_manager',
        receivedAt: today,
        summary: 'Derogatory comments about a colleague in a WhatsApp group.',
        ...fields,
      })
      .expect(201);
    return { id: created.body.id, version: created.body.version };
  }

  async function moveTo(
    kase: { id: string; version: number },
    severity: string,
    steps: [SignedInUser, string][],
  ): Promise<{ id: string; version: number }> {
    const assessed = await api
      .http()
      .post(`/api/cases/${kase.id}/assessment`)
      .set(authority.auth)
      .send({ severity, rationale: 'Assessment for the time-limit test.', version: kase.version })
      .expect(201);
    let version = assessed.body.version as number;
    for (const [who, to] of steps) {
      const moved = await api
        .http()
        .post(`/api/cases/${kase.id}/transitions`)
        .set(who.auth)
        .send({ to, reason: `moving to ${to}`, version })
        .expect(201);
      version = moved.body.version;
    }
    return { id: kase.id, version };
  }

  it('shows no deadline on a fresh case, and a misconduct meeting due 20 working days after referral', async () => {
    const kase = await record();
    const fresh = await api.http().get(`/api/cases/${kase.id}`).set(investigator.auth).expect(200);
    expect(fresh.body).toMatchObject({ deadlines: [], lpbReportDue: false, lpbReport: null });

    await moveTo(kase, 'misconduct', [
      [authority, 'assessed'],
      [investigator, 'investigating'],
      [authority, 'referred_to_meeting'],
    ]);
    const referred = await api.http().get(`/api/cases/${kase.id}`).set(investigator.auth).expect(200);
    expect(referred.body.deadlines).toEqual([
      {
        name: 'misconduct_meeting',
        dueOn: calendar.addWorkingDays(today, 20),
        basis: expect.stringContaining('20 working days'),
        overdue: false,
      },
    ]);
  });

  it('gives a case meeting a mandatory IOPC criterion a referral deadline until the decision is recorded', async () => {
    const kase = await record({ iopcReferralRequired: true });
    const open = await api.http().get(`/api/cases/${kase.id}`).set(investigator.auth).expect(200);
    expect(open.body.deadlines).toEqual([
      expect.objectContaining({ name: 'iopc_referral', dueOn: calendar.addWorkingDays(today, 1) }),
    ]);
    const decided = await api
      .http()
      .patch(`/api/cases/${kase.id}`)
      .set(authority.auth)
      .send({ version: kase.version, iopcReferralDecision: 'Referred; returned for local investigation.' })
      .expect(200);
    expect(decided.body.deadlines).toEqual([]);
  });

  it('flags an investigation open 12 months for the report to the local policing body, and lists those cases', async () => {
    const old = await moveTo(await record({ cameToAttentionOn: monthsAgo(13) }), 'gross_misconduct', [
      [authority, 'assessed'],
      [investigator, 'investigating'],
    ]);
    const recent = await moveTo(await record({ cameToAttentionOn: monthsAgo(11) }), 'gross_misconduct', [
      [authority, 'assessed'],
      [investigator, 'investigating'],
    ]);
    const notInvestigating = await record({ cameToAttentionOn: monthsAgo(20) });

    const flagged = await api.http().get(`/api/cases/${old.id}`).set(investigator.auth).expect(200);
    expect(flagged.body).toMatchObject({
      lpbReportDue: true,
      lpbReport: { due: true, reportsDue: 1, nextDueOn: expect.any(String) },
      deadlines: [expect.objectContaining({ name: 'lpb_report', overdue: false })],
    });
    const notYet = await api.http().get(`/api/cases/${recent.id}`).set(investigator.auth).expect(200);
    expect(notYet.body).toMatchObject({ lpbReportDue: false, lpbReport: { due: false, reportsDue: 0 } });

    const due = await api
      .http()
      .get('/api/cases')
      .query({ lpbReportDue: 'true' })
      .set(investigator.auth)
      .expect(200);
    expect(due.body.items.map((c: { id: string }) => c.id)).toEqual([old.id]);
    expect(due.body.items[0].lpbReportDue).toBe(true);
    const others = await api
      .http()
      .get('/api/cases')
      .query({ lpbReportDue: 'false' })
      .set(investigator.auth)
      .expect(200);
    const otherIds = others.body.items.map((c: { id: string }) => c.id);
    expect(otherIds).toEqual(expect.arrayContaining([recent.id, notInvestigating.id]));
    expect(otherIds).not.toContain(old.id);

    const bad = await api
      .http()
      .get('/api/cases')
      .query({ lpbReportDue: 'maybe' })
      .set(investigator.auth)
      .expect(400);
    expect(bad.body.details.fields).toEqual([
      { field: 'lpbReportDue', message: 'lpbReportDue must be true or false' },
    ]);
  });
});
