import { startTestApi, TestApi, SignedInUser } from '../support/test-api';

/**
 * GET /api/cases with every filter, the full-text search and the orders, against real PostgreSQL.
 * Four cases: A and B in team north, C in team south, D in north but restricted to its investigator.
 */
describe('case list filters and search', () => {
  let api: TestApi;
  let northA: SignedInUser;
  let northB: SignedInUser;
  let south: SignedInUser;
  let authority: SignedInUser;
  const label = new Map<string, string>();

  async function recordCase(
    by: SignedInUser,
    name: string,
    fields: { source: string; receivedAt: string; summary: string; restricted?: boolean },
    allegation: string[],
    items: { platform: string; categories: string[]; text: string }[],
  ): Promise<void> {
    const created = await api.http().post('/api/cases').set(by.auth).send(fields).expect(201);
    const id = created.body.id as string;
    label.set(id, name);
    const subject = await api
      .http()
      .post(`/api/cases/${id}/subjects`)
      .set(by.auth)
      .send({ name: `PC ${name} Fictional`, staffNumber: `10${name}`, role: 'constable', force: 'testshire' })
      .expect(201);
    await api
      .http()
      .post(`/api/cases/${id}/allegations`)
      .set(by.auth)
      .send({
        subjectId: subject.body.id,
        standards: allegation,
        description: 'What the subject is said to have done.',
      })
      .expect(201);
    for (const item of items) {
      await api
        .http()
        .post(`/api/cases/${id}/conduct-items`)
        .set(by.auth)
        .send({ audience: 'private_group', ...item })
        .expect(201);
    }
  }

  /** The labels of the cases listed, in the order listed, and the total. */
  async function list(who: SignedInUser, query: Record<string, string | number>) {
    const response = await api.http().get('/api/cases').query(query).set(who.auth).expect(200);
    return {
      cases: (response.body.items as { id: string }[]).map((c) => label.get(c.id) ?? c.id),
      total: response.body.total as number,
    };
  }

  beforeAll(async () => {
    api = await startTestApi();
    northA = await api.signedIn(['investigator'], { team: 'north' });
    northB = await api.signedIn(['investigator'], { team: 'north' });
    south = await api.signedIn(['investigator'], { team: 'south' });
    authority = await api.signedIn(['appropriate_authority']);
    await recordCase(
      northA,
      'A',
      {
        source: 'line_manager',
        receivedAt: '2026-03-10',
        summary: 'Comments about a colleague in a team WhatsApp group.',
      },
      ['equality_and_diversity', 'discreditable_conduct'],
      [
        {
          platform: 'whatsapp',
          categories: ['discriminatory'],
          text: 'Remarks at the Café Rouge about Zoë and her ACCENT.',
        },
      ],
    );
    await recordCase(
      northB,
      'B',
      {
        source: 'public_complaint',
        receivedAt: '2026-05-02',
        summary: 'Posts on a public Facebook page mocking the victims of a crash.',
      },
      ['authority_respect_and_courtesy'],
      [
        { platform: 'facebook', categories: ['mocking_victims_or_public'], text: 'Laughing at the crash.' },
        {
          platform: 'whatsapp',
          categories: ['abusive_or_offensive'],
          text: 'Forwarded the clip to the shift.',
        },
      ],
    );
    await recordCase(
      south,
      'C',
      { source: 'anonymous', receivedAt: '2026-04-15', summary: 'A leaked briefing shared on Instagram.' },
      ['confidentiality'],
      [
        {
          platform: 'instagram',
          categories: ['disclosure_of_police_information'],
          text: 'Photo of the briefing board taken in the cafe.',
        },
      ],
    );
    await recordCase(
      northB,
      'D',
      {
        source: 'psd_direct',
        receivedAt: '2026-04-20',
        summary: 'Restricted matter about a colleague in the north team.',
        restricted: true,
      },
      ['equality_and_diversity'],
      [{ platform: 'whatsapp', categories: ['discriminatory'], text: 'Messages sent from the CAFÉ.' }],
    );
  });
  afterAll(() => api.close());

  it('orders newest received first by default, and by received date or reference either way', async () => {
    expect(await list(authority, {})).toEqual({ cases: ['B', 'C', 'A'], total: 3 });
    expect((await list(authority, { sort: '-received' })).cases).toEqual(['B', 'C', 'A']);
    expect((await list(authority, { sort: 'received' })).cases).toEqual(['A', 'C', 'B']);
    expect((await list(authority, { sort: 'reference' })).cases).toEqual(['A', 'B', 'C']);
    expect((await list(authority, { sort: '-reference' })).cases).toEqual(['C', 'B', 'A']);
    expect(await list(authority, { limit: 1, offset: 1 })).toEqual({ cases: ['C'], total: 3 });
  });

  it('narrows by investigator, Standard, platform, category, received dates, status and source', async () => {
    expect(await list(authority, { investigator: northA.id })).toEqual({ cases: ['A'], total: 1 });
    expect((await list(authority, { investigator: northB.id })).cases).toEqual(['B']);
    expect((await list(northB, { investigator: northB.id })).cases).toEqual(['B', 'D']);

    expect((await list(authority, { standard: 'equality_and_diversity' })).cases).toEqual(['A']);
    expect((await list(authority, { standard: 'confidentiality' })).cases).toEqual(['C']);
    expect((await list(authority, { standard: 'use_of_force' })).cases).toEqual([]);

    expect((await list(authority, { platform: 'whatsapp' })).cases).toEqual(['B', 'A']);
    expect((await list(authority, { platform: 'instagram' })).cases).toEqual(['C']);
    expect((await list(authority, { category: 'discriminatory' })).cases).toEqual(['A']);
    // both on the same conduct item: B has a WhatsApp item and an abusive item, but they are different items
    expect((await list(authority, { platform: 'whatsapp', category: 'abusive_or_offensive' })).cases).toEqual(
      ['B'],
    );
    expect((await list(authority, { platform: 'facebook', category: 'abusive_or_offensive' })).cases).toEqual(
      [],
    );

    expect((await list(authority, { receivedFrom: '2026-04-15' })).cases).toEqual(['B', 'C']);
    expect((await list(authority, { receivedTo: '2026-04-15' })).cases).toEqual(['C', 'A']);
    expect((await list(authority, { receivedFrom: '2026-04-01', receivedTo: '2026-04-30' })).cases).toEqual([
      'C',
    ]);

    expect((await list(authority, { source: 'anonymous' })).cases).toEqual(['C']);
    expect((await list(authority, { status: 'received', standard: 'confidentiality' })).cases).toEqual(['C']);
    expect((await list(authority, { status: 'investigating' })).cases).toEqual([]);
    expect(
      (await list(authority, { platform: 'whatsapp', standard: 'equality_and_diversity', q: 'zoe' })).cases,
    ).toEqual(['A']);
  });

  it('searches summaries and conduct text whatever the case and accents', async () => {
    // "CAFE" finds "Café" (A) and "cafe" (C); D's "CAFÉ" is restricted
    expect((await list(authority, { q: 'CAFE' })).cases).toEqual(['C', 'A']);
    expect((await list(authority, { q: 'café' })).cases).toEqual(['C', 'A']);
    expect((await list(authority, { q: 'ZOË' })).cases).toEqual(['A']);
    expect((await list(authority, { q: 'zoe' })).cases).toEqual(['A']);
    // English word forms: "accents" finds "ACCENT", "laughed" finds "Laughing"
    expect((await list(authority, { q: 'accents' })).cases).toEqual(['A']);
    expect((await list(authority, { q: 'laughed' })).cases).toEqual(['B']);
    // every word must be found, in the summary or in a conduct item: "whatsapp" is in A's summary, "zoe" in its item
    expect((await list(authority, { q: 'WhatsApp Zoë' })).cases).toEqual(['A']);
    expect((await list(authority, { q: 'facebook zoe' })).cases).toEqual([]);
    // a summary word alone, and stop words that narrow nothing
    expect((await list(authority, { q: 'instagram' })).cases).toEqual(['C']);
    expect((await list(authority, { q: 'the café' })).cases).toEqual(['C', 'A']);
    expect((await list(authority, { q: 'xylophone' })).cases).toEqual([]);
  });

  it('never lists a case the person may not open, whatever the filters or search', async () => {
    expect((await list(northA, { q: 'cafe' })).cases).toEqual(['A']);
    expect((await list(northA, {})).cases).toEqual(['B', 'A']);
    expect((await list(northB, { q: 'cafe' })).cases).toEqual(['D', 'A']);
    expect(await list(south, { q: 'cafe' })).toEqual({ cases: ['C'], total: 1 });
    expect(await list(south, { standard: 'equality_and_diversity' })).toEqual({ cases: [], total: 0 });
    expect(await list(south, { investigator: northA.id })).toEqual({ cases: [], total: 0 });
    expect(await list(south, { platform: 'whatsapp', q: 'zoe' })).toEqual({ cases: [], total: 0 });
    const admin = await api.signedIn(['admin']);
    expect(await list(admin, { q: 'cafe' })).toEqual({ cases: [], total: 0 });
  });

  it.each([
    ['standard', 'honesty', 'honesty_and_integrity, authority_respect_and_courtesy'],
    ['platform', 'myspace', 'facebook, twitter, instagram, whatsapp'],
    ['category', 'rude', 'discriminatory, abusive_or_offensive'],
    ['sort', 'newest', '-received, received, -reference, reference'],
    ['status', 'open', 'received'],
    ['source', 'gossip', 'line_manager, psd_direct'],
  ])('refuses an unknown %s with 400 listing the allowed values', async (field, value, allowed) => {
    const response = await api
      .http()
      .get('/api/cases')
      .query({ [field]: value })
      .set(authority.auth)
      .expect(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      code: 'bad_request',
      message: `The request has a field to correct: ${field}.`,
    });
    expect(response.body.details.fields).toEqual([
      { field, message: expect.stringMatching(new RegExp(`^${field} must be one of: .*${allowed}`)) },
    ]);
  });

  it('refuses a malformed investigator, a malformed date and a range that ends before it starts', async () => {
    const response = await api
      .http()
      .get('/api/cases')
      .query({ investigator: 'north-b', receivedFrom: '2026-02-30' })
      .set(authority.auth)
      .expect(400);
    expect(response.body.details.fields).toEqual(
      expect.arrayContaining([
        { field: 'investigator', message: 'investigator must be a user id (a UUID)' },
        { field: 'receivedFrom', message: 'receivedFrom must be a date as YYYY-MM-DD' },
      ]),
    );
    const backwards = await api
      .http()
      .get('/api/cases')
      .query({ receivedFrom: '2026-05-01', receivedTo: '2026-04-01' })
      .set(authority.auth)
      .expect(400);
    expect(backwards.body.details.fields).toEqual([
      { field: 'receivedTo', message: 'receivedTo cannot be before receivedFrom' },
    ]);
  });

  it('describes the filters in the OpenAPI document, with their allowed values and examples', async () => {
    const docs = await api.http().get('/api/docs/openapi.json').expect(200);
    const operation = docs.body.paths['/api/cases'].get;
    const parameters = new Map(
      (operation.parameters as { name: string; schema: { enum?: string[]; example?: unknown } }[]).map(
        (p) => [p.name, p],
      ),
    );
    for (const name of [
      'investigator',
      'standard',
      'platform',
      'category',
      'receivedFrom',
      'receivedTo',
      'q',
      'sort',
    ])
      expect(parameters.get(name)?.schema.example).toBeDefined();
    expect(parameters.get('standard')?.schema.enum).toContain('equality_and_diversity');
    expect(parameters.get('sort')?.schema.enum).toEqual(['-received', 'received', '-reference', 'reference']);
    expect(operation.responses['200'].content['application/json'].schema.example).toMatchObject({ total: 1 });
    expect(
      operation.responses['400'].content['application/json'].schema.example.details.fields[0].field,
    ).toBe('platform');
  });
});
