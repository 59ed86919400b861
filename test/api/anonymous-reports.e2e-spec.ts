import { AnonymousChannel, startAnonymousChannel } from '../support/anonymous-channel';
import type { SignedInUser, TestApi } from '../support/test-api';
import { SAMPLE_REPORT, TestReporter } from '../support/test-reporter';

describe("PSD's inbox of anonymous reports", () => {
  let channel: AnonymousChannel;
  let api: TestApi;
  let reporter: TestReporter;
  let investigator: SignedInUser;
  let authority: SignedInUser;

  beforeAll(async () => {
    channel = await startAnonymousChannel();
    ({ api, reporter, authority } = channel);
    investigator = await api.signedIn(['investigator'], { team: 'north' });
  });
  afterAll(() => channel.close());

  const reportIdOf = (summary: string) => channel.reportIdOf(summary);

  it('goes from report to question, answer and case, every staff step audited without content', async () => {
    const summary = 'Officer posting abuse about a vigil on Facebook';
    const receipt = await reporter.submit({ ...SAMPLE_REPORT, summary, platform: 'facebook' });

    const list = await api.http().get('/api/anonymous-reports').set(investigator.auth).expect(200);
    const item = list.body.items.find((i: { summary: string }) => i.summary === summary);
    expect(item).toEqual({
      id: expect.any(String),
      status: 'received',
      receivedAt: expect.stringMatching(/T\d\d:00:00\.000Z$/),
      summary,
      platform: 'facebook',
      seenAt: '2026-11-18',
      caseId: null,
      messageCount: 0,
      lastMessageFrom: null,
    });
    const id = item.id as string;

    // reading changes nothing; starting the review (a POST) does
    const opened = await api.http().get(`/api/anonymous-reports/${id}`).set(investigator.auth).expect(200);
    expect(opened.body).toMatchObject({ id, status: 'received' });
    const reviewed = await api
      .http()
      .post(`/api/anonymous-reports/${id}/review`)
      .set(investigator.auth)
      .expect(200);
    expect(reviewed.body).toEqual({ status: 'in_review' });
    expect(opened.body).toMatchObject({
      id,
      details: SAMPLE_REPORT.details,
      links: SAMPLE_REPORT.links,
      messages: [],
    });

    const question = 'Thank you. Roughly how many people are in the group?';
    const sent = await api
      .http()
      .post(`/api/anonymous-reports/${id}/messages`)
      .set(investigator.auth)
      .send({ body: question })
      .expect(201);
    expect(sent.body).toEqual({
      from: 'psd',
      body: question,
      at: expect.any(String),
      staffAuthorId: investigator.id,
    });

    // the reporter signs in with the code and sees the question, without who sent it
    const auth = await reporter.signIn(receipt);
    const view = await reporter.http().get('/api/report').set(auth).expect(200);
    expect(view.body).toEqual({
      report: {
        summary,
        details: SAMPLE_REPORT.details,
        platform: 'facebook',
        seenAt: SAMPLE_REPORT.seenAt,
        links: SAMPLE_REPORT.links,
      },
      status: 'in_review',
      statusText:
        'Professional Standards is looking into your report. They have sent you a message: please read it and reply.',
      messages: [{ from: 'psd', body: question, at: sent.body.at }],
      attachments: [],
    });
    await reporter.http().post('/api/report/messages').set(auth).send({ body: 'About forty.' }).expect(201);

    const reread = await api.http().get(`/api/anonymous-reports/${id}`).set(investigator.auth).expect(200);
    expect(reread.body.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['psd', question],
      ['reporter', 'About forty.'],
    ]);
    const listed = await api.http().get('/api/anonymous-reports?status=in_review').set(investigator.auth);
    expect(listed.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      messageCount: 2,
      lastMessageFrom: 'reporter',
    });

    const made = await api
      .http()
      .post(`/api/anonymous-reports/${id}/case`)
      .set(investigator.auth)
      .send({})
      .expect(201);
    expect(made.body).toEqual({
      caseId: expect.any(String),
      reference: expect.stringMatching(/^PSD-\d{4}-\d{5}$/),
      evidenceIds: [],
    });
    const kase = await api.http().get(`/api/cases/${made.body.caseId}`).set(investigator.auth).expect(200);
    expect(kase.body).toMatchObject({
      source: 'anonymous',
      summary: expect.stringContaining(`${summary}\n\nWhat the reporter saw: ${SAMPLE_REPORT.details}`),
      assignedInvestigatorId: investigator.id,
      team: 'north',
      reporter: null,
    });
    const linked = await api.http().get(`/api/anonymous-reports/${id}`).set(investigator.auth).expect(200);
    expect(linked.body).toMatchObject({ status: 'case_opened', caseId: made.body.caseId });
    const again = await api.http().post(`/api/anonymous-reports/${id}/case`).set(authority.auth).send({});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'report_already_has_case',
      details: { caseId: made.body.caseId },
    });
    const told = await reporter.http().get('/api/report').set(auth).expect(200);
    expect(told.body.status).toBe('case_opened');

    const events = await api.dataSource.query<{ action: string; actor_id: string; details: string | null }[]>(
      `SELECT action, actor_id, details FROM audit_events
        WHERE (entity_type = 'anonymous_report' AND (entity_id = $1 OR details LIKE '%' || $1 || '%'))
           OR (entity_type = 'case' AND entity_id = $2)
        ORDER BY id`,
      [id, made.body.caseId],
    );
    const byInvestigator = events.filter((e) => e.actor_id === investigator.id).map((e) => e.action);
    expect(byInvestigator).toEqual([
      'anonymous_report.list',
      'anonymous_report.read',
      'anonymous_report.review',
      'anonymous_report.message',
      'anonymous_report.read',
      'anonymous_report.list',
      'case.record',
      'anonymous_report.case',
      'case.read',
      'anonymous_report.read',
    ]);
    const audited = JSON.stringify(await api.dataSource.query(`SELECT * FROM audit_events`));
    for (const content of [summary, question, 'About forty', SAMPLE_REPORT.details.slice(0, 20)]) {
      expect(audited).not.toContain(content);
    }
  });

  it('lets a case take its own summary, investigator and restriction', async () => {
    await reporter.submit({ ...SAMPLE_REPORT, summary: 'Leaked custody photo on Snapchat' });
    const id = await reportIdOf('Leaked custody photo on Snapchat');
    const made = await api
      .http()
      .post(`/api/anonymous-reports/${id}/case`)
      .set(authority.auth)
      .send({
        summary: 'Custody image shared outside the force',
        assignedInvestigatorId: investigator.id,
        restricted: true,
      })
      .expect(201);
    const kase = await api.http().get(`/api/cases/${made.body.caseId}`).set(investigator.auth).expect(200);
    expect(kase.body).toMatchObject({
      source: 'anonymous',
      summary: expect.stringMatching(/^Custody image shared outside the force\n\nWhat the reporter saw: /),
      assignedInvestigatorId: investigator.id,
      restricted: true,
    });
  });

  it('once linked to a restricted case, lets only those who may open the case read or answer the report', async () => {
    const summary = 'Report about a senior officer in the team';
    const receipt = await reporter.submit({ ...SAMPLE_REPORT, summary });
    const id = await reportIdOf(summary);
    const assigned = await api.signedIn(['investigator'], { team: 'north' });
    await api
      .http()
      .post(`/api/anonymous-reports/${id}/case`)
      .set(authority.auth)
      .send({ assignedInvestigatorId: assigned.id, team: 'north', restricted: true })
      .expect(201);
    await reporter
      .http()
      .post('/api/report/messages')
      .set(await reporter.signIn(receipt))
      .send({ body: 'He knows someone reported him.' })
      .expect(201);

    // the team's other investigator and the appropriate authority may not open the restricted case
    for (const who of [investigator, authority]) {
      await api.http().get(`/api/anonymous-reports/${id}`).set(who.auth).expect(404);
      await api
        .http()
        .post(`/api/anonymous-reports/${id}/messages`)
        .set(who.auth)
        .send({ body: 'Tell us more.' })
        .expect(404);
      await api.http().post(`/api/anonymous-reports/${id}/review`).set(who.auth).expect(404);
      const list = await api.http().get('/api/anonymous-reports?limit=200').set(who.auth).expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    }
    const read = await api.http().get(`/api/anonymous-reports/${id}`).set(assigned.auth).expect(200);
    expect(read.body.messages.map((m: { body: string }) => m.body)).toEqual([
      'He knows someone reported him.',
    ]);
    await api
      .http()
      .post(`/api/anonymous-reports/${id}/messages`)
      .set(assigned.auth)
      .send({ body: 'Thank you. Are you safe at work?' })
      .expect(201);
    const list = await api.http().get('/api/anonymous-reports?limit=200').set(assigned.auth).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('is closed to administrators and panel members, and to anyone not signed in', async () => {
    await reporter.submit();
    const id = await reportIdOf(SAMPLE_REPORT.summary);
    const admin = await api.signedIn(['admin']);
    const panel = await api.signedIn(['panel_member']);
    for (const who of [admin, panel]) {
      await api.http().get('/api/anonymous-reports').set(who.auth).expect(403);
      await api.http().get(`/api/anonymous-reports/${id}`).set(who.auth).expect(403);
      await api
        .http()
        .post(`/api/anonymous-reports/${id}/messages`)
        .set(who.auth)
        .send({ body: 'x' })
        .expect(403);
      await api.http().post(`/api/anonymous-reports/${id}/case`).set(who.auth).send({}).expect(403);
    }
    await api.http().get('/api/anonymous-reports').expect(401);
  });

  it('answers 404 for a report that does not exist, and refuses an empty message saving nothing', async () => {
    for (const id of ['6f1c1b7e-0000-4000-8000-000000000000', 'not-an-id']) {
      const missing = await api.http().get(`/api/anonymous-reports/${id}`).set(investigator.auth).expect(404);
      expect(missing.body.code).toBe('not_found');
    }
    await reporter.submit({ ...SAMPLE_REPORT, summary: 'Blank message check' });
    const id = await reportIdOf('Blank message check');
    const refused = await api
      .http()
      .post(`/api/anonymous-reports/${id}/messages`)
      .set(investigator.auth)
      .send({ body: '   ' })
      .expect(400);
    expect(refused.body.details.fields[0].field).toBe('body');
    const rows = await api.dataSource.query(`SELECT 1 FROM anonymous_report_messages WHERE report_id = $1`, [
      id,
    ]);
    expect(rows).toHaveLength(0);
    const unknownStatus = await api
      .http()
      .get('/api/anonymous-reports?status=open')
      .set(investigator.auth)
      .expect(400);
    expect(unknownStatus.body.details.fields[0].message).toContain(
      'received, in_review, case_opened, closed',
    );
  });

  it('links a report to an existing case, and closes a report with no case', async () => {
    const summary = 'Second report about the same WhatsApp group';
    const receipt = await reporter.submit({ ...SAMPLE_REPORT, summary });
    const id = await reportIdOf(summary);
    const kase = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({ source: 'line_manager', receivedAt: '2026-11-20', summary: 'Racist memes in a team group' })
      .expect(201);

    // a case this person may not open is not found; a malformed id is a field error
    const other = await api.signedIn(['investigator'], { team: 'south' });
    const restricted = await api
      .http()
      .post('/api/cases')
      .set(other.auth)
      .send({
        source: 'line_manager',
        receivedAt: '2026-11-20',
        summary: 'Restricted matter',
        restricted: true,
      })
      .expect(201);
    await api
      .http()
      .post(`/api/anonymous-reports/${id}/link`)
      .set(investigator.auth)
      .send({ caseId: restricted.body.id })
      .expect(404);
    const malformed = await api
      .http()
      .post(`/api/anonymous-reports/${id}/link`)
      .set(investigator.auth)
      .send({ caseId: 'PSD-2026-00001' })
      .expect(400);
    expect(malformed.body.details.fields[0]).toMatchObject({ field: 'caseId' });
    expect(
      (await api.http().get(`/api/anonymous-reports/${id}`).set(investigator.auth)).body.caseId,
    ).toBeNull();

    const linked = await api
      .http()
      .post(`/api/anonymous-reports/${id}/link`)
      .set(investigator.auth)
      .send({ caseId: kase.body.id })
      .expect(200);
    expect(linked.body).toEqual({ caseId: kase.body.id, reference: kase.body.reference });
    const opened = await api.http().get(`/api/anonymous-reports/${id}`).set(investigator.auth).expect(200);
    expect(opened.body).toMatchObject({ status: 'case_opened', caseId: kase.body.id });
    // the case keeps its own source; its timeline records the link
    const after = await api.http().get(`/api/cases/${kase.body.id}`).set(investigator.auth).expect(200);
    expect(after.body.source).toBe('line_manager');
    const timeline = await api
      .http()
      .get(`/api/cases/${kase.body.id}/timeline`)
      .set(investigator.auth)
      .expect(200);
    expect(JSON.stringify(timeline.body)).toContain(`Anonymous report ${id} linked to this case`);
    const again = await api
      .http()
      .post(`/api/anonymous-reports/${id}/link`)
      .set(investigator.auth)
      .send({ caseId: kase.body.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('report_already_has_case');
    const closeLinked = await api.http().post(`/api/anonymous-reports/${id}/close`).set(investigator.auth);
    expect(closeLinked.status).toBe(409);
    expect(closeLinked.body.code).toBe('report_has_case');
    const auth = await reporter.signIn(receipt);
    expect((await reporter.http().get('/api/report').set(auth)).body.status).toBe('case_opened');

    // closing: the reporter is told in plain words; closing again changes nothing
    const loneSummary = 'A report PSD decides to take no further';
    const loneReceipt = await reporter.submit({ ...SAMPLE_REPORT, summary: loneSummary });
    const loneId = await reportIdOf(loneSummary);
    const closed = await api
      .http()
      .post(`/api/anonymous-reports/${loneId}/close`)
      .set(authority.auth)
      .expect(200);
    expect(closed.body).toEqual({ status: 'closed' });
    await api.http().post(`/api/anonymous-reports/${loneId}/close`).set(authority.auth).expect(200);
    const loneView = await reporter
      .http()
      .get('/api/report')
      .set(await reporter.signIn(loneReceipt));
    expect(loneView.body).toMatchObject({
      status: 'closed',
      statusText: 'Professional Standards has finished looking at your report.',
    });
    const audit = await api.dataSource.query<{ action: string; details: string | null }[]>(
      `SELECT action, details FROM audit_events WHERE action IN ('anonymous_report.link', 'anonymous_report.close')
        AND entity_id IN ($1, $2) ORDER BY id`,
      [id, loneId],
    );
    expect(audit).toEqual([
      {
        action: 'anonymous_report.link',
        details: JSON.stringify({ caseId: kase.body.id, reference: kase.body.reference }),
      },
      { action: 'anonymous_report.close', details: null },
    ]);
  });
});
