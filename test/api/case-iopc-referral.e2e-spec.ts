import { startTestApi, TestApi, SignedInUser } from '../support/test-api';

/** The mandatory IOPC referral criteria, checked at recording and as conduct items and allegations arrive. */
describe('IOPC mandatory referral criteria', () => {
  let api: TestApi;
  let investigator: SignedInUser;
  let authority: SignedInUser;

  const report = {
    source: 'psd_direct',
    receivedAt: '2026-01-12',
    summary: 'Comments about a member of the public in a team WhatsApp group.',
  };

  beforeAll(async () => {
    api = await startTestApi();
    investigator = await api.signedIn(['investigator'], { team: 'north' });
    authority = await api.signedIn(['appropriate_authority']);
  });
  afterAll(() => api.close());

  const get = (id: string) => api.http().get(`/api/cases/${id}`).set(authority.auth).expect(200);
  const assess = (id: string, version: number) =>
    api
      .http()
      .post(`/api/cases/${id}/assessment`)
      .set(authority.auth)
      .send({ severity: 'gross_misconduct', rationale: 'Racist language, identifiable as police.', version })
      .expect(201);
  const moveTo = (id: string, to: string, version: number) =>
    api
      .http()
      .post(`/api/cases/${id}/transitions`)
      .set(authority.auth)
      .send({ to, reason: `moving to ${to}`, version });

  it('records criteria declared at intake, with why, and requires the referral', async () => {
    const created = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({
        ...report,
        iopcCriteria: [
          { criterion: 'serious_sexual_offence', reason: 'Intimate images shared without consent.' },
        ],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      iopcReferralRequired: true,
      iopcCriteria: [
        {
          criterion: 'serious_sexual_offence',
          reason: 'Intimate images shared without consent.',
          source: 'declared',
        },
      ],
      iopcCriteriaMetAt: expect.any(String),
      iopcReferralDecision: null,
      deadlines: [expect.objectContaining({ name: 'iopc_referral' })],
    });
    const timeline = await api
      .http()
      .get(`/api/cases/${created.body.id}/timeline`)
      .set(investigator.auth)
      .expect(200);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toEqual([
      'recorded',
      'iopc_criteria_met',
    ]);
    expect(timeline.body.items[1].reason).toContain('serious sexual offence');

    const unknown = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({ ...report, iopcCriteria: [{ criterion: 'rudeness', reason: 'x' }] })
      .expect(400);
    expect(unknown.body.details.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'iopcCriteria.0.criterion',
          message: expect.stringContaining('discrimination_aggravated'),
        }),
        expect.objectContaining({ field: 'iopcCriteria.0.reason' }),
      ]),
    );
  });

  it('finds conduct aggravated by discrimination in a conduct item and holds the assessment until the referral decision', async () => {
    const created = await api.http().post('/api/cases').set(investigator.auth).send(report).expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ iopcReferralRequired: false, iopcCriteria: [] });

    await api
      .http()
      .post(`/api/cases/${id}/conduct-items`)
      .set(investigator.auth)
      .send({
        platform: 'whatsapp',
        audience: 'private_group',
        text: 'Fictional slur about a family seen on patrol.',
        categories: ['discriminatory'],
        targets: ['race'],
      })
      .expect(201);
    const flagged = await get(id);
    expect(flagged.body).toMatchObject({
      iopcReferralRequired: true,
      iopcCriteria: [
        {
          criterion: 'discrimination_aggravated',
          reason: 'Conduct item 1 is categorised as discriminatory targeting race.',
          source: 'conduct_item',
        },
      ],
    });

    const assessed = await assess(id, flagged.body.version);
    const held = await moveTo(id, 'assessed', assessed.body.version).expect(409);
    expect(held.body).toMatchObject({
      code: 'transition_not_allowed',
      details: { allowed: ['iopc_referral_hold', 'withdrawn'] },
    });
    expect(held.body.message).toContain('record the referral decision');

    const waived = await api
      .http()
      .patch(`/api/cases/${id}`)
      .set(authority.auth)
      .send({ version: assessed.body.version, iopcReferralRequired: false })
      .expect(422);
    expect(waived.body.code).toBe('iopc_referral_mandatory');

    const hold = await moveTo(id, 'iopc_referral_hold', assessed.body.version).expect(201);
    const decided = await api
      .http()
      .patch(`/api/cases/${id}`)
      .set(authority.auth)
      .send({
        version: hold.body.version,
        iopcReferralDecision: 'Referred to the IOPC; returned for local investigation.',
      })
      .expect(200);
    expect(decided.body.deadlines).toEqual([]);
    const moved = await moveTo(id, 'assessed', decided.body.version).expect(201);
    expect(moved.body.status).toBe('assessed');

    const audit = await api.dataSource.query<{ action: string; details: string }[]>(
      `SELECT action, details FROM audit_events WHERE entity_id = $1 AND action = 'case.conduct_item.add'`,
      [id],
    );
    expect(JSON.parse(audit[0].details)).toMatchObject({ iopcCriteria: ['discrimination_aggravated'] });
  });

  it('finds it in an allegation of a breach of equality and diversity, and not in a case without one', async () => {
    const created = await api.http().post('/api/cases').set(investigator.auth).send(report).expect(201);
    const id = created.body.id as string;
    const subject = await api
      .http()
      .post(`/api/cases/${id}/subjects`)
      .set(investigator.auth)
      .send({ name: 'PC Alex Fictional', staffNumber: '7001', role: 'constable', force: 'testshire' })
      .expect(201);
    await api
      .http()
      .post(`/api/cases/${id}/allegations`)
      .set(investigator.auth)
      .send({
        subjectId: subject.body.id,
        standards: ['confidentiality'],
        description: 'Shared a screenshot of a police system.',
      })
      .expect(201);
    expect((await get(id)).body).toMatchObject({ iopcReferralRequired: false, iopcCriteria: [] });
    await api
      .http()
      .post(`/api/cases/${id}/allegations`)
      .set(investigator.auth)
      .send({
        subjectId: subject.body.id,
        standards: ['equality_and_diversity'],
        description: 'Mocked a colleague’s religion in the same group.',
      })
      .expect(201);
    expect((await get(id)).body).toMatchObject({
      iopcReferralRequired: true,
      iopcCriteria: [
        expect.objectContaining({ criterion: 'discrimination_aggravated', source: 'allegation' }),
      ],
    });
  });
});
