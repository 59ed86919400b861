import request from 'supertest';
import { Clock } from '@precedent/platform';
import { startTestApi, TestApi, SignedInUser } from '../support/test-api';

/**
 * Who may open a case changes only through the appropriate authority or an access manager, with a
 * reason, audited; no change leaves a case only its author can open; grants open cases until they
 * are revoked or run out.
 */
describe('case access and grants', () => {
  let api: TestApi;
  let investigator: SignedInUser;
  let teammate: SignedInUser;
  let otherInvestigator: SignedInUser;
  let authority: SignedInUser;
  let accessManager: SignedInUser;
  let senior: SignedInUser;
  let admin: SignedInUser;
  let today: string;

  beforeAll(async () => {
    api = await startTestApi();
    investigator = await api.signedIn(['investigator'], { team: 'north' });
    teammate = await api.signedIn(['investigator'], { team: 'north' });
    otherInvestigator = await api.signedIn(['investigator'], { team: 'south' });
    authority = await api.signedIn(['appropriate_authority']);
    accessManager = await api.signedIn(['access_manager']);
    senior = await api.signedIn(['senior_officer']);
    admin = await api.signedIn(['admin']);
    today = api.app.get(Clock).today();
  });
  afterAll(() => api.close());

  const daysFrom = (date: string, days: number) => {
    const d = new Date(`${date}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };

  async function newCase(): Promise<{ id: string; version: number }> {
    const created = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({
        source: 'line_manager',
        receivedAt: daysFrom(today, -3),
        summary: 'Fictional: offensive comments about a colleague in a group chat.',
      })
      .expect(201);
    return { id: created.body.id, version: created.body.version };
  }

  async function audited(caseId: string, action: string) {
    const rows = await api.dataSource.query<{ actor_id: string; details: string }[]>(
      `SELECT actor_id, details FROM audit_events WHERE entity_id = $1 AND action = $2 ORDER BY id`,
      [caseId, action],
    );
    return rows.map((row) => ({ actor_id: row.actor_id, details: JSON.parse(row.details) as unknown }));
  }

  it('refuses an investigator taking a case over through an edit, and keeps it open to the team and the authority', async () => {
    const { id, version } = await newCase();
    const takeover = await api
      .http()
      .patch(`/api/cases/${id}`)
      .set(teammate.auth)
      .send({ version, assignedInvestigatorId: teammate.id, restricted: true })
      .expect(403);
    expect(takeover.body.message).toContain('PUT /api/cases/{id}/access');
    expect(takeover.body.message).toContain('appropriate authority or an access manager');
    for (const field of [{ team: 'south' }, { restricted: false }, { assignedInvestigatorId: null }])
      await api
        .http()
        .patch(`/api/cases/${id}`)
        .set(authority.auth)
        .send({ version, ...field })
        .expect(403);
    await api.http().get(`/api/cases/${id}`).set(authority.auth).expect(200);
    await api.http().get(`/api/cases/${id}`).set(investigator.auth).expect(200);
    const kept = await api.http().get(`/api/cases/${id}`).set(teammate.auth).expect(200);
    expect(kept.body).toMatchObject({ restricted: false, assignedInvestigatorId: investigator.id, version });
    // the access route is not the investigator's either
    await api
      .http()
      .put(`/api/cases/${id}/access`)
      .set(teammate.auth)
      .send({ version, restricted: true, assignedInvestigatorId: teammate.id, reason: 'Taking it over.' })
      .expect(403);
  });

  it("keeps the IOPC referral decision the appropriate authority's, saying who decides", async () => {
    const { id, version } = await newCase();
    const refused = await api
      .http()
      .patch(`/api/cases/${id}`)
      .set(investigator.auth)
      .send({ version, iopcReferralDecision: 'Not referred: I decided myself.' })
      .expect(403);
    expect(refused.body.message).toBe(
      'The appropriate authority records the IOPC referral decision. Ask them to record it on the case.',
    );
    await api
      .http()
      .patch(`/api/cases/${id}`)
      .set(investigator.auth)
      .send({ version, summary: 'Fictional: offensive comments, two screenshots.' })
      .expect(200);
    await api
      .http()
      .patch(`/api/cases/${id}`)
      .set(authority.auth)
      .send({ version: version + 1, iopcReferralDecision: 'Referred; returned for local investigation.' })
      .expect(200);
  });

  it('lets the authority restrict a case with a reason, audited, and an access manager undo it', async () => {
    const { id, version } = await newCase();
    const restricted = await api
      .http()
      .put(`/api/cases/${id}/access`)
      .set(authority.auth)
      .send({ version, restricted: true, reason: 'The subject is a superintendent in this team.' })
      .expect(200);
    expect(restricted.body).toMatchObject({ restricted: true, assignedInvestigatorId: investigator.id });
    // restricted: the team and the authority no longer open it; its investigator does
    await api.http().get(`/api/cases/${id}`).set(teammate.auth).expect(404);
    await api.http().get(`/api/cases/${id}`).set(authority.auth).expect(404);
    await api.http().get(`/api/cases/${id}`).set(investigator.auth).expect(200);
    const [change] = await audited(id, 'case.access.change');
    expect(change).toMatchObject({
      actor_id: authority.id,
      details: {
        reason: 'The subject is a superintendent in this team.',
        changed: { restricted: { from: false, to: true } },
      },
    });
    // an access manager reaches the case, without reading its content, and puts it back
    await api.http().get(`/api/cases/${id}`).set(accessManager.auth).expect(404);
    const seen = await api.http().get(`/api/cases/${id}/access`).set(accessManager.auth).expect(200);
    expect(seen.body).not.toHaveProperty('summary');
    const undone = await api
      .http()
      .put(`/api/cases/${id}/access`)
      .set(accessManager.auth)
      .send({
        version: seen.body.version,
        restricted: false,
        assignedInvestigatorId: otherInvestigator.id,
        team: 'south',
        reason: 'Reassigned to the south team after review.',
      })
      .expect(200);
    expect(undone.body).toMatchObject({
      restricted: false,
      team: 'south',
      assignedInvestigatorId: otherInvestigator.id,
    });
    await api.http().get(`/api/cases/${id}`).set(otherInvestigator.auth).expect(200);
    await api.http().get(`/api/cases/${id}`).set(authority.auth).expect(200);
    expect(await audited(id, 'case.access.change')).toHaveLength(2);
    const timeline = await api.http().get(`/api/cases/${id}/timeline`).set(authority.auth).expect(200);
    expect(timeline.body.items.filter((e: { kind: string }) => e.kind === 'access_changed')).toHaveLength(2);
    // administrators manage users, not who opens a case
    await api
      .http()
      .put(`/api/cases/${id}/access`)
      .set(admin.auth)
      .send({ version: undone.body.version, restricted: true, reason: 'Because I can.' })
      .expect(403);
  });

  it('refuses a change that leaves a restricted case only its author, or nobody, could open', async () => {
    const both = await api.signedIn(['appropriate_authority', 'investigator'], { team: 'north' });
    const { id, version } = await newCase();
    const onlyMe = await api
      .http()
      .put(`/api/cases/${id}/access`)
      .set(both.auth)
      .send({ version, restricted: true, assignedInvestigatorId: both.id, reason: 'Keeping this to myself.' })
      .expect(422);
    expect(onlyMe.body.message).toContain('only you could open');
    const nobody = await api
      .http()
      .put(`/api/cases/${id}/access`)
      .set(accessManager.auth)
      .send({ version, restricted: true, assignedInvestigatorId: null, reason: 'Nobody should see this.' })
      .expect(422);
    expect(nobody.body.message).toContain('must name someone');
    const notInvestigator = await api
      .http()
      .put(`/api/cases/${id}/access`)
      .set(accessManager.auth)
      .send({ version, assignedInvestigatorId: senior.id, reason: 'A senior officer investigates.' })
      .expect(422);
    expect(notInvestigator.body.message).toContain('must be an investigator');
    expect(await audited(id, 'case.access.change')).toHaveLength(0);
  });

  it('opens a case to a granted senior officer until the grant is revoked, every grant and revocation audited', async () => {
    const { id } = await newCase();
    await api.http().get(`/api/cases/${id}`).set(senior.auth).expect(404);
    const granted = await api
      .http()
      .post(`/api/cases/${id}/grants`)
      .set(authority.auth)
      .send({ userId: senior.id, reason: 'Oversight of a sensitive matter.', until: daysFrom(today, 30) })
      .expect(201);
    expect(granted.body).toMatchObject({ userId: senior.id, grantedBy: authority.id, inForce: true });
    await api.http().get(`/api/cases/${id}`).set(senior.auth).expect(200);
    const listed = await api.http().get('/api/cases').set(senior.auth).expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const grants = await api.http().get(`/api/cases/${id}/grants`).set(senior.auth).expect(200);
    expect(grants.body.items).toEqual([
      expect.objectContaining({ id: granted.body.id, reason: 'Oversight of a sensitive matter.' }),
    ]);

    await api
      .http()
      .post(`/api/cases/${id}/grants/${granted.body.id}/revoke`)
      .set(investigator.auth)
      .send({ reason: 'Not mine to revoke.' })
      .expect(403);
    const revoked = await api
      .http()
      .post(`/api/cases/${id}/grants/${granted.body.id}/revoke`)
      .set(accessManager.auth)
      .send({ reason: 'The oversight review is finished.' })
      .expect(201);
    expect(revoked.body).toMatchObject({ inForce: false, revokedBy: accessManager.id });
    await api.http().get(`/api/cases/${id}`).set(senior.auth).expect(404);
    const after = await api.http().get('/api/cases').set(senior.auth).expect(200);
    expect(after.body.items.map((c: { id: string }) => c.id)).not.toContain(id);

    expect(await audited(id, 'case.grant')).toEqual([
      expect.objectContaining({
        actor_id: authority.id,
        details: expect.objectContaining({
          grantId: granted.body.id,
          userId: senior.id,
          reason: 'Oversight of a sensitive matter.',
        }),
      }),
    ]);
    expect(await audited(id, 'case.grant.revoke')).toEqual([
      expect.objectContaining({
        actor_id: accessManager.id,
        details: expect.objectContaining({
          grantId: granted.body.id,
          reason: 'The oversight review is finished.',
        }),
      }),
    ]);
  });

  it('stops a grant once its last day has passed, and refuses grants to oneself or to a role that reads no case', async () => {
    const { id } = await newCase();
    const granted = await api
      .http()
      .post(`/api/cases/${id}/grants`)
      .set(authority.auth)
      .send({ userId: senior.id, reason: 'Second opinion on the assessment.', until: today })
      .expect(201);
    await api.http().get(`/api/cases/${id}`).set(senior.auth).expect(200);
    // the grant's last day was yesterday
    await api.dataSource.query(`UPDATE case_grants SET until = $2 WHERE id = $1`, [
      granted.body.id,
      daysFrom(today, -1),
    ]);
    await api.http().get(`/api/cases/${id}`).set(senior.auth).expect(404);

    const self = await api
      .http()
      .post(`/api/cases/${id}/grants`)
      .set(authority.auth)
      .send({ userId: authority.id, reason: 'For myself.', until: daysFrom(today, 5) })
      .expect(422);
    expect(self.body.message).toContain('yourself');
    const toAdmin = await api
      .http()
      .post(`/api/cases/${id}/grants`)
      .set(accessManager.auth)
      .send({ userId: admin.id, reason: 'Let the administrator read it.', until: daysFrom(today, 5) })
      .expect(422);
    expect(toAdmin.body.message).toContain('no role that reads cases');
    await api
      .http()
      .post(`/api/cases/${id}/grants`)
      .set(investigator.auth)
      .send({ userId: teammate.id, reason: 'A second investigator.', until: daysFrom(today, 5) })
      .expect(403);
  });

  it('lets a grant open a restricted case to a second investigator', async () => {
    const { id, version } = await newCase();
    const grant = await api
      .http()
      .post(`/api/cases/${id}/grants`)
      .set(authority.auth)
      .send({
        userId: otherInvestigator.id,
        reason: 'Second investigator from the south team.',
        until: daysFrom(today, 60),
      })
      .expect(201);
    await api
      .http()
      .put(`/api/cases/${id}/access`)
      .set(authority.auth)
      .send({ version, restricted: true, reason: 'Sensitive: a covert source is named.' })
      .expect(200);
    await api.http().get(`/api/cases/${id}`).set(otherInvestigator.auth).expect(200);
    await api.http().get(`/api/cases/${id}`).set(teammate.auth).expect(404);
    // the assigned investigator still opens it, so the grant may go
    await api
      .http()
      .post(`/api/cases/${id}/grants/${grant.body.id}/revoke`)
      .set(accessManager.auth)
      .send({ reason: 'No longer needed.' })
      .expect(201);
    await api.http().get(`/api/cases/${id}`).set(otherInvestigator.auth).expect(404);
  });

  it('gives and revokes access on the case’s web page, with a GOV.UK date and plain-word errors', async () => {
    const { id } = await newCase();
    const browser = request.agent(api.app.getHttpServer());
    const signIn = await browser.get('/sign-in').expect(200);
    await browser
      .post('/sign-in')
      .type('form')
      .send({ username: authority.username, password: authority.password, _csrf: csrfOf(signIn.text) })
      .expect(303);
    const casePage = await browser.get(`/cases/${id}`).expect(200);
    expect(casePage.text).toContain(`/cases/${id}/access`);
    const page = await browser.get(`/cases/${id}/access`).expect(200);
    expect(page.text).toContain('Nobody has been given this case.');
    const refused = await browser
      .post(`/cases/${id}/access/grants`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        userId: '',
        reason: '',
        'until-day': '31',
        'until-month': '2',
        'until-year': '2027',
      })
      .expect(400);
    expect(refused.text).toContain('Choose who may open the case');
    expect(refused.text).toContain('Enter the last day of access as a real date');
    const [year, month, day] = daysFrom(today, 10).split('-');
    const given = await browser
      .post(`/cases/${id}/access/grants`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        userId: senior.id,
        reason: 'Oversight by the senior officer.',
        'until-day': day,
        'until-month': month,
        'until-year': year,
      })
      .expect(303);
    expect(given.headers.location).toBe(`/cases/${id}/access?saved=access-granted#grants`);
    await api.http().get(`/api/cases/${id}`).set(senior.auth).expect(200);
    const listed = await browser.get(`/cases/${id}/access?saved=access-granted`).expect(200);
    expect(listed.text).toContain('Oversight by the senior officer.');
    expect(listed.text).toContain('Access given.');
    const [grant] = (await api.http().get(`/api/cases/${id}/grants`).set(authority.auth).expect(200)).body
      .items;
    await browser
      .post(`/cases/${id}/access/grants/${grant.id}/revoke`)
      .type('form')
      .send({ _csrf: csrfOf(listed.text), reason: 'Oversight finished.' })
      .expect(303);
    await api.http().get(`/api/cases/${id}`).set(senior.auth).expect(404);
    expect(await audited(id, 'case.grant')).toHaveLength(1);
    expect(await audited(id, 'case.grant.revoke')).toHaveLength(1);
    // without the form's token nothing is changed
    await browser
      .post(`/cases/${id}/access/grants`)
      .type('form')
      .send({
        userId: senior.id,
        reason: 'Forged.',
        'until-day': day,
        'until-month': month,
        'until-year': year,
      })
      .expect(403);
  });
});

function csrfOf(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)![1];
}
