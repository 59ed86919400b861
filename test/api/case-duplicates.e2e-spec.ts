import { startTestApi, TestApi, SignedInUser } from '../support/test-api';

/** Possible duplicates at intake: warnings with links, never a refusal. */
describe('possible duplicates', () => {
  let api: TestApi;
  let north: SignedInUser;
  let south: SignedInUser;
  let authority: SignedInUser;

  const subject = { name: 'PC Robin Fictional', staffNumber: '4821', role: 'constable', force: 'testshire' };
  const words =
    'Fictional remarks mocking a family stopped on the ring road, posted to the shift group after nights.';

  beforeAll(async () => {
    api = await startTestApi();
    north = await api.signedIn(['investigator'], { team: 'north' });
    south = await api.signedIn(['investigator'], { team: 'south' });
    authority = await api.signedIn(['appropriate_authority']);
  });
  afterAll(() => api.close());

  async function record(by: SignedInUser, receivedAt: string): Promise<{ id: string; reference: string }> {
    const created = await api
      .http()
      .post('/api/cases')
      .set(by.auth)
      .send({ source: 'line_manager', receivedAt, summary: 'Comments in a shift WhatsApp group.' })
      .expect(201);
    expect(created.body.warnings).toEqual([]);
    return created.body;
  }
  const addSubject = (by: SignedInUser, id: string, fields = subject) =>
    api.http().post(`/api/cases/${id}/subjects`).set(by.auth).send(fields).expect(201);
  const addItem = (by: SignedInUser, id: string, text: string, postedAt?: string) =>
    api
      .http()
      .post(`/api/cases/${id}/conduct-items`)
      .set(by.auth)
      .send({ platform: 'whatsapp', audience: 'private_group', text, categories: ['other'], postedAt })
      .expect(201);

  it('warns of the same subject with overlapping dates, both ways, and not of one long before', async () => {
    const first = await record(north, '2026-02-01');
    await addItem(north, first.id, 'Something else entirely about rotas.', '2026-01-10T20:00:00Z');
    expect((await addSubject(north, first.id)).body.warnings).toEqual([]);

    const earlier = await record(north, '2024-01-05');
    expect((await addSubject(north, earlier.id)).body.warnings).toEqual([]);

    const second = await record(north, '2026-02-20');
    const added = await addSubject(north, second.id, { ...subject, force: 'Testshire' });
    expect(added.body).toMatchObject({ staffNumber: '4821' });
    expect(added.body.warnings).toEqual([
      {
        kind: 'same_subject',
        caseId: first.id,
        reference: first.reference,
        reason:
          'The same subject (staff number 4821, testshire) is in this case, covering 2026-01-10 to 2026-02-01.',
      },
    ]);
    const other = await api.http().get(`/api/cases/${first.id}`).set(north.auth).expect(200);
    expect(other.body.warnings).toEqual([
      expect.objectContaining({ kind: 'same_subject', caseId: second.id, reference: second.reference }),
    ]);
  });

  it('warns of near-identical conduct text in another case, and never blocks', async () => {
    const first = await record(north, '2026-03-01');
    expect((await addItem(north, first.id, words)).body.warnings).toEqual([]);
    const second = await record(north, '2026-03-02');
    const added = await addItem(north, second.id, words.replace('nights', 'the night shift').toUpperCase());
    expect(added.body).toMatchObject({ text: expect.any(String), id: expect.any(String) });
    expect(added.body.warnings).toEqual([
      {
        kind: 'similar_conduct',
        caseId: first.id,
        reference: first.reference,
        reason: expect.stringMatching(/^A conduct item's text is \d+% similar to one in this case\.$/),
      },
    ]);
    const unrelated = await record(north, '2026-03-03');
    expect(
      (await addItem(north, unrelated.id, 'Shared a photograph of a custody record with a friend.')).body
        .warnings,
    ).toEqual([]);
  });

  it('links only to cases the person may open', async () => {
    const theirs = await record(south, '2026-05-01');
    await addSubject(south, theirs.id, { ...subject, staffNumber: '9090' });
    const mine = await record(north, '2026-05-02');
    const added = await addSubject(north, mine.id, { ...subject, staffNumber: '9090' });
    expect(added.body.warnings).toEqual([]);
    const seen = await api.http().get(`/api/cases/${mine.id}`).set(authority.auth).expect(200);
    expect(seen.body.warnings).toEqual([
      expect.objectContaining({ kind: 'same_subject', caseId: theirs.id, reference: theirs.reference }),
    ]);
  });
});
