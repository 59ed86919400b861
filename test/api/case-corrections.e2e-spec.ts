import { startTestApi, TestApi } from '../support/test-api';

/** Correcting and removing a case's contents, sending it for assessment, and the assessment of off-duty speech. */
describe('case corrections and the hand-over to the appropriate authority', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function actions(caseId: string): Promise<string[]> {
    const rows = await api.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 ORDER BY id`,
      [caseId],
    );
    return rows.map((row) => row.action);
  }

  it('corrects and removes subjects, allegations and conduct items, each on the timeline and audited', async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'east' });
    const outsider = await api.signedIn(['investigator'], { team: 'west' });
    const id = (
      await api
        .http()
        .post('/api/cases')
        .set(investigator.auth)
        .send({ source: 'psd_direct', receivedAt: '2026-11-02', summary: 'Comments in a team group chat.' })
        .expect(201)
    ).body.id as string;
    const subject = { name: 'PC Jordan Fictonal', staffNumber: '4821', role: 'constable', force: 'kent' };
    const subjectId = (
      await api.http().post(`/api/cases/${id}/subjects`).set(investigator.auth).send(subject).expect(201)
    ).body.id as string;
    const allegation = { subjectId, standards: ['discreditable_conduct'], description: 'Posted a comment.' };
    const allegationId = (
      await api
        .http()
        .post(`/api/cases/${id}/allegations`)
        .set(investigator.auth)
        .send(allegation)
        .expect(201)
    ).body.id as string;
    const item = {
      platform: 'whatsapp',
      audience: 'private_group',
      text: 'fictional words at issue',
      categories: ['abusive_or_offensive'],
      offDuty: true,
    };
    const itemId = (
      await api.http().post(`/api/cases/${id}/conduct-items`).set(investigator.auth).send(item).expect(201)
    ).body.id as string;

    const url = `/api/cases/${id}`;
    await api
      .http()
      .patch(`${url}/subjects/${subjectId}`)
      .set(investigator.auth)
      .send({ ...subject, name: 'PC Jordan Fictional' })
      .expect(204);
    // checked as when added, and only by someone who may open the case
    await api
      .http()
      .patch(`${url}/subjects/${subjectId}`)
      .set(investigator.auth)
      .send({ ...subject, role: 'general' })
      .expect(400);
    await api.http().patch(`${url}/subjects/${subjectId}`).set(outsider.auth).send(subject).expect(404);
    await api.http().delete(`${url}/conduct-items/${itemId}`).set(outsider.auth).expect(404);
    await api
      .http()
      .patch(`${url}/allegations/${allegationId}`)
      .set(investigator.auth)
      .send({ ...allegation, description: 'Posted a derogatory comment, twice.' })
      .expect(204);
    await api
      .http()
      .patch(`${url}/conduct-items/${itemId}`)
      .set(investigator.auth)
      .send({ ...item, text: 'fictional words at issue, signed Jordan' })
      .expect(204);
    // a subject with allegations is not removed from under them
    const refused = await api
      .http()
      .delete(`${url}/subjects/${subjectId}`)
      .set(investigator.auth)
      .expect(409);
    expect(refused.body.message).toContain('Remove the allegations against this person first');

    const contents = (await api.http().get(`${url}/contents`).set(investigator.auth).expect(200)).body;
    expect(contents.subjects[0].name).toBe('PC Jordan Fictional');
    expect(contents.allegations[0].description).toBe('Posted a derogatory comment, twice.');
    expect(contents.conductItems[0].text).toBe('fictional words at issue, signed Jordan');

    await api.http().delete(`${url}/allegations/${allegationId}`).set(investigator.auth).expect(204);
    await api.http().delete(`${url}/subjects/${subjectId}`).set(investigator.auth).expect(204);
    await api.http().delete(`${url}/subjects/${subjectId}`).set(investigator.auth).expect(404);
    const after = (await api.http().get(`${url}/contents`).set(investigator.auth).expect(200)).body;
    expect(after.subjects).toEqual([]);
    expect(after.allegations).toEqual([]);

    expect(await actions(id)).toEqual(
      expect.arrayContaining([
        'case.subject.change',
        'case.allegation.change',
        'case.conduct_item.change',
        'case.allegation.remove',
        'case.subject.remove',
      ]),
    );
    const timeline = (await api.http().get(`${url}/timeline`).set(investigator.auth).expect(200)).body
      .items as {
      kind: string;
    }[];
    expect(timeline.map((event) => event.kind)).toEqual(
      expect.arrayContaining([
        'subject_changed',
        'allegation_changed',
        'conduct_item_changed',
        'allegation_removed',
        'subject_removed',
      ]),
    );

    // Sent for assessment once; the authority's assessment of off-duty speech needs the Article 10 balancing.
    await api
      .http()
      .post(`${url}/send-for-assessment`)
      .set(investigator.auth)
      .send({ note: 'Ready.' })
      .expect(201);
    await api.http().post(`${url}/send-for-assessment`).set(investigator.auth).send({}).expect(409);
    const authority = await api.signedIn(['appropriate_authority']);
    const kase = (await api.http().get(url).set(authority.auth).expect(200)).body;
    expect(kase.sentForAssessmentAt).not.toBeNull();
    const assessment = {
      severity: 'misconduct',
      rationale: 'Derogatory words among officers.',
      version: kase.version,
    };
    const unbalanced = await api
      .http()
      .post(`${url}/assessment`)
      .set(authority.auth)
      .send(assessment)
      .expect(422);
    expect(unbalanced.body.message).toContain('Article 10 balancing');
    const article10 = {
      interference: 'Expression is engaged.',
      prescribedByLaw: 'The Standards in the Conduct Regulations.',
      legitimateAim: 'Public confidence in policing.',
      necessityAndProportionality: 'No less intrusive step answers it.',
    };
    const assessed = await api
      .http()
      .post(`${url}/assessment`)
      .set(authority.auth)
      .send({ ...assessment, article10 })
      .expect(201);
    expect(assessed.body.article10Balancing).toEqual(article10);
    expect(await actions(id)).toEqual(expect.arrayContaining(['case.send_for_assessment', 'case.assess']));
  });
});
