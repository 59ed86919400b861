import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { TestClock } from '../support/test-clock';

/**
 * The 2025-2026 changes through the API, on each side of their date: a former officer's case goes
 * to an accelerated hearing by default from 28 May 2025; an indictable-only conviction is gross
 * misconduct; the severity assessment can refer to vetting; an allegation under the Use of Force
 * standard says which test applies; the amendment set in force is stored on the case.
 */
describe('the law as it stands: dated changes through the API', () => {
  const clock = new TestClock();
  let api: TestApi;
  let authority: SignedInUser;
  let investigator: SignedInUser;

  const post = (path: string, user: SignedInUser, body: object) =>
    api.http().post(path).set(user.auth).send(body);

  /** A case about one subject with a gross misconduct allegation, assessed and under investigation. */
  async function investigatedCase(receivedAt: string, formerOfficer: boolean): Promise<string> {
    const created = await post('/api/cases', investigator, {
      source: 'line_manager',
      receivedAt,
      summary: 'An officer convicted of an offence while on a rest day.',
    }).expect(201);
    const id = created.body.id as string;
    const subject = await post(`/api/cases/${id}/subjects`, investigator, {
      name: 'Former PC Sam Example',
      staffNumber: '7001',
      role: 'constable',
      force: 'leicestershire',
      formerOfficer,
    }).expect(201);
    await post(`/api/cases/${id}/allegations`, investigator, {
      subjectId: subject.body.id,
      standards: ['discreditable_conduct'],
      description: 'Convicted of an offence that discredits the police service.',
    }).expect(201);
    const current = await api.http().get(`/api/cases/${id}`).set(authority.auth).expect(200);
    await post(`/api/cases/${id}/assessment`, authority, {
      severity: 'gross_misconduct',
      rationale: 'A conviction that would justify dismissal.',
      version: current.body.version,
    }).expect(201);
    for (const to of ['assessed', 'investigating']) {
      await post(`/api/cases/${id}/transitions`, authority, { to, reason: `moving to ${to}` }).expect(201);
    }
    return id;
  }

  beforeAll(async () => {
    clock.setToday('2025-07-01');
    api = await startTestApi({ clock });
    authority = await api.signedIn(['appropriate_authority']);
    investigator = await api.signedIn(['investigator'], { team: 'north' });
  });
  afterAll(() => api.close());

  it("sends a former officer's case referred after 28 May 2025 to an accelerated hearing by default", async () => {
    const id = await investigatedCase('2025-06-20', true);
    const referred = await post(`/api/cases/${id}/transitions`, authority, {
      to: 'referred_to_hearing',
      reason: 'Case to answer for gross misconduct.',
    }).expect(201);
    expect(referred.body.status).toBe('referred_to_accelerated_hearing');
    expect(referred.body.amendmentSet).toBe('conduct_2025');
    const timeline = await api.http().get(`/api/cases/${id}/timeline`).set(authority.auth).expect(200);
    const items = (timeline.body.items ?? timeline.body) as { toStatus?: string; reason: string }[];
    expect(items.find((e) => e.toStatus === 'referred_to_accelerated_hearing')?.reason).toMatch(
      /accelerated hearing is presumed for a former officer/,
    );
  });

  it('goes to an ordinary hearing when the appropriate authority records why not', async () => {
    const id = await investigatedCase('2025-06-20', true);
    const referred = await post(`/api/cases/${id}/transitions`, authority, {
      to: 'referred_to_hearing',
      reason: 'Case to answer for gross misconduct.',
      notAcceleratedReason: 'The facts are disputed and the witnesses must be heard.',
    }).expect(201);
    expect(referred.body.status).toBe('referred_to_hearing');
  });

  it('sends a serving officer, or a former officer referred before 28 May 2025, to an ordinary hearing', async () => {
    const serving = await investigatedCase('2025-06-20', false);
    const servingReferred = await post(`/api/cases/${serving}/transitions`, authority, {
      to: 'referred_to_hearing',
      reason: 'Case to answer for gross misconduct.',
    }).expect(201);
    expect(servingReferred.body.status).toBe('referred_to_hearing');

    clock.setToday('2025-05-27');
    try {
      const before = await investigatedCase('2025-05-20', true);
      const referred = await post(`/api/cases/${before}/transitions`, authority, {
        to: 'referred_to_hearing',
        reason: 'Case to answer for gross misconduct.',
      }).expect(201);
      expect(referred.body.status).toBe('referred_to_hearing');
      expect(referred.body.amendmentSet).toBe('vetting_2025');
    } finally {
      clock.setToday('2025-07-01');
    }
  });

  it('assesses an indictable-only conviction as gross misconduct, and refers to vetting, only from 28 May 2025', async () => {
    const created = await post('/api/cases', investigator, {
      source: 'line_manager',
      receivedAt: '2025-06-30',
      summary: 'An officer convicted of robbery.',
    }).expect(201);
    const id = created.body.id as string;
    const lower = await post(`/api/cases/${id}/assessment`, authority, {
      severity: 'misconduct',
      rationale: 'Convicted in the Crown Court.',
      version: created.body.version,
      indictableOnlyConviction: true,
    }).expect(422);
    expect(lower.body.message).toMatch(/counts as gross misconduct from 28 May 2025/);
    const assessed = await post(`/api/cases/${id}/assessment`, authority, {
      severity: 'gross_misconduct',
      rationale: 'Convicted in the Crown Court.',
      version: created.body.version,
      indictableOnlyConviction: true,
      referToVetting: true,
    }).expect(201);
    expect(assessed.body.referredToVettingOn).toBe('2025-07-01');

    clock.setToday('2025-05-27');
    try {
      const early = await post('/api/cases', investigator, {
        source: 'line_manager',
        receivedAt: '2025-05-26',
        summary: 'An officer convicted of robbery.',
      }).expect(201);
      await post(`/api/cases/${early.body.id}/assessment`, authority, {
        severity: 'misconduct',
        rationale: 'Convicted in the Crown Court.',
        version: early.body.version,
        indictableOnlyConviction: true,
      }).expect(201);
      const vetting = await post(`/api/cases/${early.body.id}/assessment`, authority, {
        severity: 'misconduct',
        rationale: 'Convicted in the Crown Court.',
        version: early.body.version + 1,
        referToVetting: true,
      }).expect(422);
      expect(vetting.body.message).toMatch(/vetting procedures only from 28 May 2025/);
    } finally {
      clock.setToday('2025-07-01');
    }
  });

  it('says which use-of-force test an allegation is assessed against, by when the conduct happened', async () => {
    clock.setToday('2026-07-10');
    // sessions last hours: a year on, the investigator signs in again
    investigator = await api.signedIn(['investigator'], { team: 'north' });
    const created = await post('/api/cases', investigator, {
      source: 'line_manager',
      receivedAt: '2026-07-09',
      summary: 'Force used during an arrest.',
    }).expect(201);
    const id = created.body.id as string;
    const subject = await post(`/api/cases/${id}/subjects`, investigator, {
      name: 'PC Alex Example',
      staffNumber: '7002',
      role: 'constable',
      force: 'leicestershire',
    }).expect(201);
    const add = (conductOn: string) =>
      post(`/api/cases/${id}/allegations`, investigator, {
        subjectId: subject.body.id,
        standards: ['use_of_force'],
        description: 'Struck the detained man after he was restrained.',
        conductOn,
      }).expect(201);
    await add('2026-06-29');
    await add('2026-06-30');
    const rows = await api.dataSource.query<{ conduct_on: string; use_of_force_test: string }[]>(
      `SELECT to_char(conduct_on, 'YYYY-MM-DD') AS conduct_on, use_of_force_test FROM case_allegations WHERE case_id = $1 ORDER BY conduct_on`,
      [id],
    );
    expect(rows).toEqual([
      { conduct_on: '2026-06-29', use_of_force_test: 'reasonable_in_the_circumstances' },
      { conduct_on: '2026-06-30', use_of_force_test: 'criminal_law_honest_belief' },
    ]);
    expect(created.body.amendmentSet).toBe('use_of_force_2026');
  });
});
