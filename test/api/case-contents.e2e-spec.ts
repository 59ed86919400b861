import { startTestApi, TestApi } from '../support/test-api';

describe('subjects, allegations and conduct items', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function newCase(auth: { Authorization: string }): Promise<string> {
    const created = await api
      .http()
      .post('/api/cases')
      .set(auth)
      .send({ source: 'psd_direct', receivedAt: '2026-11-02', summary: 'Comments in a team group chat.' })
      .expect(201);
    return created.body.id as string;
  }

  it('records a subject, an allegation and a conduct item with the exchange format values, audited', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const id = await newCase(investigator.auth);
    const subject = await api
      .http()
      .post(`/api/cases/${id}/subjects`)
      .set(investigator.auth)
      .send({ name: 'PC Jordan Fictional', staffNumber: '4821', role: 'constable', force: 'leicestershire' })
      .expect(201);
    await api
      .http()
      .post(`/api/cases/${id}/allegations`)
      .set(investigator.auth)
      .send({
        subjectId: subject.body.id,
        standards: ['equality_and_diversity', 'discreditable_conduct'],
        description: 'Posted a derogatory comment in the group.',
      })
      .expect(201);
    const item = await api
      .http()
      .post(`/api/cases/${id}/conduct-items`)
      .set(investigator.auth)
      .send({
        platform: 'whatsapp',
        audience: 'private_group',
        audienceSize: 12,
        text: 'fictional words at issue',
        categories: ['discriminatory'],
        targets: ['race'],
        offDuty: true,
        participation: 'shared',
      })
      .expect(201);
    expect(item.body).toMatchObject({ participation: 'shared', targets: ['race'], audienceSize: 12 });

    const contents = await api.http().get(`/api/cases/${id}/contents`).set(investigator.auth).expect(200);
    expect(contents.body.subjects).toHaveLength(1);
    expect(contents.body.allegations[0].standards).toEqual([
      'equality_and_diversity',
      'discreditable_conduct',
    ]);
    expect(contents.body.conductItems).toHaveLength(1);
    const actions = await api.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'case.record',
      'case.subject.add',
      'case.allegation.add',
      'case.conduct_item.add',
      'case.contents.read',
    ]);
  });

  it('lists the allowed values for an unknown one and refuses an allegation against a stranger', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const id = await newCase(investigator.auth);
    const bad = await api
      .http()
      .post(`/api/cases/${id}/conduct-items`)
      .set(investigator.auth)
      .send({ platform: 'myspace', audience: 'public', text: 'x', categories: ['rude'] })
      .expect(400);
    const messages = (bad.body.details.fields as { field: string; message: string }[]).map(
      (f) => `${f.field}: ${f.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('platform: platform must be one of: facebook, twitter'),
        expect.stringContaining('categories: each of categories must be one of: discriminatory'),
      ]),
    );
    const stranger = await api
      .http()
      .post(`/api/cases/${id}/allegations`)
      .set(investigator.auth)
      .send({
        subjectId: '00000000-0000-4000-8000-000000000000',
        standards: ['confidentiality'],
        description: 'Disclosed police information.',
      })
      .expect(422);
    expect(stranger.body.code).toBe('unknown_subject');
  });

  it("does not let another team's investigator add to or read the case", async () => {
    const owner = await api.signedIn(['investigator'], { team: 'east' });
    const outsider = await api.signedIn(['investigator'], { team: 'west' });
    const id = await newCase(owner.auth);
    await api.http().get(`/api/cases/${id}/contents`).set(outsider.auth).expect(404);
    await api
      .http()
      .post(`/api/cases/${id}/subjects`)
      .set(outsider.auth)
      .send({ name: 'PC X', staffNumber: '1', role: 'constable', force: 'kent' })
      .expect(404);
  });
});
