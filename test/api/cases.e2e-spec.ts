import { startTestApi, TestApi, SignedInUser } from '../support/test-api';

describe('case intake and lifecycle', () => {
  let api: TestApi;
  let investigator: SignedInUser;
  let authority: SignedInUser;

  beforeAll(async () => {
    api = await startTestApi();
    investigator = await api.signedIn(['investigator'], { team: 'north' });
    authority = await api.signedIn(['appropriate_authority']);
  });
  afterAll(() => api.close());

  const report = {
    source: 'line_manager',
    receivedAt: '2026-11-20',
    summary: 'Screenshots of derogatory comments about a colleague in a WhatsApp group.',
    reporter: { name: 'Insp. Casey Example', contact: 'casey.example@force.example' },
  };

  it('takes a report from intake to referral, every step audited and on the timeline', async () => {
    const created = await api.http().post('/api/cases').set(investigator.auth).send(report).expect(201);
    expect(created.body).toMatchObject({
      reference: expect.stringMatching(/^PSD-2026-\d{5}$/),
      status: 'received',
      version: 1,
      regime: 'pcr2020',
      assignedInvestigatorId: investigator.id,
      team: 'north',
    });
    const id = created.body.id as string;

    const assessed = await api
      .http()
      .post(`/api/cases/${id}/assessment`)
      .set(authority.auth)
      .send({
        severity: 'gross_misconduct',
        rationale: 'Discriminatory language; identifiable as police.',
        version: 1,
      })
      .expect(201);
    let version = assessed.body.version as number;
    for (const [who, to] of [
      [authority, 'assessed'],
      [investigator, 'investigating'],
      [authority, 'referred_to_hearing'],
    ] as const) {
      const moved = await api
        .http()
        .post(`/api/cases/${id}/transitions`)
        .set(who.auth)
        .send({ to, reason: `moving to ${to}`, version })
        .expect(201);
      expect(moved.body.status).toBe(to);
      version = moved.body.version;
    }

    const timeline = await api.http().get(`/api/cases/${id}/timeline`).set(investigator.auth).expect(200);
    expect(
      timeline.body.items.map((e: { kind: string; toStatus: string | null }) => e.toStatus ?? e.kind),
    ).toEqual(['received', 'assessed', 'assessed', 'investigating', 'referred_to_hearing']);
    const actions = await api.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'case.record',
      'case.assess',
      'case.transition',
      'case.transition',
      'case.transition',
      'case.timeline.read',
    ]);
  });

  it('refuses a transition with 409 and the allowed next states', async () => {
    const created = await api.http().post('/api/cases').set(investigator.auth).send(report).expect(201);
    const refused = await api
      .http()
      .post(`/api/cases/${created.body.id}/transitions`)
      .set(investigator.auth)
      .send({ to: 'decided', reason: 'skip ahead' })
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'transition_not_allowed',
      details: { allowed: ['withdrawn'] },
    });
  });

  it('answers a stale version with 409 and keeps the first change', async () => {
    const created = await api.http().post('/api/cases').set(investigator.auth).send(report).expect(201);
    const id = created.body.id as string;
    const change = { severity: 'misconduct', rationale: 'First assessment of the comments.', version: 1 };
    await api.http().post(`/api/cases/${id}/assessment`).set(authority.auth).send(change).expect(201);
    const stale = await api
      .http()
      .post(`/api/cases/${id}/assessment`)
      .set(authority.auth)
      .send({ ...change, severity: 'gross_misconduct' })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', details: { currentVersion: 2 } });
    const kept = await api.http().get(`/api/cases/${id}`).set(authority.auth).expect(200);
    expect(kept.body.severity).toBe('misconduct');
  });

  it('answers 404, not the case, to an investigator of another team, and lists only visible cases', async () => {
    const created = await api.http().post('/api/cases').set(investigator.auth).send(report).expect(201);
    const outsider = await api.signedIn(['investigator'], { team: 'south' });
    const admin = await api.signedIn(['admin']);
    await api.http().get(`/api/cases/${created.body.id}`).set(outsider.auth).expect(404);
    await api.http().get(`/api/cases/${created.body.id}`).set(admin.auth).expect(404);
    const list = await api.http().get('/api/cases').set(outsider.auth).expect(200);
    expect(list.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    const own = await api
      .http()
      .get('/api/cases')
      .query({ q: 'whatsapp' })
      .set(investigator.auth)
      .expect(200);
    expect(own.body.total).toBeGreaterThan(0);
  });

  it('refuses proactive monitoring without its authorisation, a future date and an unknown source', async () => {
    const missing = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({ ...report, source: 'proactive_monitoring', reporter: undefined })
      .expect(422);
    expect(missing.body.code).toBe('authorisation_required');
    const future = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({ ...report, receivedAt: '2099-01-01', source: 'gossip' })
      .expect(400);
    expect(future.body.details.fields).toEqual(
      expect.arrayContaining([
        { field: 'receivedAt', message: 'receivedAt cannot be in the future' },
        expect.objectContaining({
          field: 'source',
          message: expect.stringContaining('line_manager, psd_direct'),
        }),
      ]),
    );
  });

  it('edits a case with PATCH, refusing a stale version without losing the first edit', async () => {
    const created = await api.http().post('/api/cases').set(investigator.auth).send(report).expect(201);
    const id = created.body.id as string;
    const first = await api
      .http()
      .patch(`/api/cases/${id}`)
      .set(investigator.auth)
      .send({
        version: 1,
        summary: 'Comments in a WhatsApp group, with two screenshots.',
        cameToAttentionOn: '2019-12-02',
      })
      .expect(200);
    expect(first.body).toMatchObject({ version: 2, regime: 'pcr2012' });
    const second = await api
      .http()
      .patch(`/api/cases/${id}`)
      .set(investigator.auth)
      .send({ version: 1, summary: 'A competing edit made from a stale page.' })
      .expect(409);
    expect(second.body.code).toBe('stale_version');
    const kept = await api.http().get(`/api/cases/${id}`).set(investigator.auth).expect(200);
    expect(kept.body.summary).toBe('Comments in a WhatsApp group, with two screenshots.');
    await api
      .http()
      .patch(`/api/cases/${id}`)
      .set(investigator.auth)
      .send({ version: 2, status: 'closed' })
      .expect(400);
  });

  it('numbers references sequentially per year', async () => {
    const a = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({ ...report, receivedAt: '2025-03-01' });
    const b = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({ ...report, receivedAt: '2025-03-02' });
    expect(a.body.reference).toBe('PSD-2025-00001');
    expect(b.body.reference).toBe('PSD-2025-00002');
  });
});
