import { Readable } from 'node:stream';
import { PrecedentStore } from '@precedent/analytics';
import { OpaqueInternalPrecedentRefs1796307359113 } from '../../migrations/1796307359113-opaque-internal-precedent-refs';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { TestClock } from '../support/test-clock';
import { referredCase, REFERRED_CONDUCT_ITEM } from '../support/referred-case';

type Auth = { Authorization: string };

describe('hearings, panels, dates, outcomes and appeals', () => {
  const clock = new TestClock();
  let api: TestApi;
  let authority: SignedInUser;
  let investigator: SignedInUser;
  let chairUser: SignedInUser;
  let caseId: string;
  let subjectId: string;
  let allegationId: string;
  let hearingId: string;
  const members: Record<string, string> = {};

  const post = (path: string, auth: Auth, body: object) => api.http().post(path).set(auth).send(body);

  /** Sessions last hours; after moving the clock by weeks everyone signs in again. */
  async function signInAgain(user: SignedInUser): Promise<void> {
    const response = await api
      .http()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    user.auth.Authorization = `Bearer ${(response.body as { accessToken: string }).accessToken}`;
  }

  async function member(name: string, roles: string[], extra: object = {}): Promise<string> {
    const response = await post('/api/panel-members', authority.auth, { name, roles, ...extra }).expect(201);
    return response.body.id as string;
  }

  beforeAll(async () => {
    clock.setToday('2026-12-01');
    api = await startTestApi({ clock });
    authority = await api.signedIn(['appropriate_authority']);
    investigator = await api.signedIn(['investigator'], { team: 'north' });
    chairUser = await api.signedIn(['panel_member']);
    ({ id: caseId, subjectId, allegationId } = await referredCase(api, { investigator, authority }));
    members.chair = await member('Chief Supt A Chair', ['chair'], { userId: chairUser.id });
    members.independent = await member('B Independent', ['independent_member']);
    members.lay = await member('C Lay', ['lay_member']);
    members.adviser = await member('D Adviser', ['legally_qualified_adviser']);
    members.lqc = await member('E Old-style Chair', ['legally_qualified_chair']);
    members.investigatorAsMember = await member('The investigator', ['independent_member'], {
      userId: investigator.id,
    });
    members.lineManager = await member('F Line Manager', ['lay_member']);
    await post(`/api/panel-members/${members.lineManager}/relationships`, authority.auth, {
      kind: 'line_manages',
      force: 'leicestershire',
      staffNumber: '4821',
      description: "The subject's inspector.",
    }).expect(201);
  });
  afterAll(() => api.close());

  it('arranges the hearing of a referred case and counts the officer response in working days', async () => {
    const created = await post('/api/hearings', investigator.auth, {
      caseId,
      documentsSuppliedOn: '2026-11-20',
    }).expect(201);
    hearingId = created.body.id as string;
    expect(created.body).toMatchObject({
      forum: 'misconduct_hearing',
      status: 'awaiting_date',
      inPublic: true,
      officerResponseDue: '2026-12-11',
    });
    // one open hearing per case
    await post('/api/hearings', investigator.auth, { caseId, documentsSuppliedOn: '2026-11-20' }).expect(409);
  });

  it('refuses a bank holiday with the rule and the earliest lawful date, then takes a proposal', async () => {
    const refused = await post(`/api/hearings/${hearingId}/proposed-date`, investigator.auth, {
      date: '2026-12-28',
    }).expect(422);
    expect(refused.body.code).toBe('unlawful_date');
    expect(refused.body.details).toEqual({ rule: 'working_day', earliestLawfulDate: '2026-12-29' });
    expect(refused.body.message).toMatch(/bank holiday/);

    const early = await post(`/api/hearings/${hearingId}/proposed-date`, investigator.auth, {
      date: '2026-12-03',
    }).expect(422);
    // reg 31: 15 working days to respond, then 3 for witness lists
    expect(early.body.details).toEqual({ rule: 'officer_response_period', earliestLawfulDate: '2026-12-17' });

    const proposed = await post(`/api/hearings/${hearingId}/proposed-date`, investigator.auth, {
      date: '2027-01-06',
      startsAt: '10:00',
      venue: 'Force HQ, Committee Room 2',
    }).expect(201);
    expect(proposed.body.status).toBe('date_proposed');
  });

  it('refuses panel members who took part, line-manage the subject, or do not fit the model', async () => {
    const tookPart = await post(`/api/hearings/${hearingId}/panel`, investigator.auth, {
      panelMemberId: members.investigatorAsMember,
      role: 'independent_member',
    }).expect(409);
    expect(tookPart.body.code).toBe('panel_conflict');
    expect(tookPart.body.details.conflicts[0].rule).toBe('took_part_in_case');
    expect(tookPart.body.message).toMatch(/investigated, reported/);

    const manager = await post(`/api/hearings/${hearingId}/panel`, investigator.auth, {
      panelMemberId: members.lineManager,
      role: 'lay_member',
    }).expect(409);
    expect(manager.body.details.conflicts[0].rule).toBe('line_management');

    const lqc = await post(`/api/hearings/${hearingId}/panel`, investigator.auth, {
      panelMemberId: members.lqc,
      role: 'legally_qualified_chair',
    }).expect(422);
    expect(lqc.body.code).toBe('panel_composition');
    expect(lqc.body.message).toMatch(/chief officer chair model/);

    const incomplete = await post(`/api/hearings/${hearingId}/fixed-date`, investigator.auth, {}).expect(422);
    expect(incomplete.body.code).toBe('panel_composition');
    expect(incomplete.body.details.problems).toHaveLength(4);
  });

  it('seats a lawful panel, refuses a double booking, fixes the date and plans the notices', async () => {
    for (const [key, role] of [
      ['chair', 'chair'],
      ['independent', 'independent_member'],
      ['lay', 'lay_member'],
      ['adviser', 'legally_qualified_adviser'],
    ]) {
      await post(`/api/hearings/${hearingId}/panel`, investigator.auth, {
        panelMemberId: members[key],
        role,
      }).expect(201);
    }
    // the chair cannot sit on another hearing that day
    const other = await referredCase(api, { investigator, authority });
    const otherHearing = await post('/api/hearings', investigator.auth, {
      caseId: other.id,
      documentsSuppliedOn: '2026-11-20',
    }).expect(201);
    await post(`/api/hearings/${otherHearing.body.id}/proposed-date`, investigator.auth, {
      date: '2027-01-06',
    }).expect(201);
    const booked = await post(`/api/hearings/${otherHearing.body.id}/panel`, investigator.auth, {
      panelMemberId: members.chair,
      role: 'chair',
    }).expect(409);
    expect(booked.body.details.conflicts[0].rule).toBe('double_booking');

    const fixed = await post(`/api/hearings/${hearingId}/fixed-date`, investigator.auth, {}).expect(201);
    expect(fixed.body).toMatchObject({ status: 'fixed', scheduledOn: '2027-01-06', startsAt: '10:00' });
    const kase = await api.http().get(`/api/cases/${caseId}`).set(investigator.auth).expect(200);
    expect(kase.body.status).toBe('hearing_scheduled');

    const view = await api.http().get(`/api/hearings/${hearingId}`).set(investigator.auth).expect(200);
    expect(view.body.panel.map((s: { role: string }) => s.role)).toEqual([
      'chair',
      'independent_member',
      'lay_member',
      'legally_qualified_adviser',
    ]);
    expect(view.body.history.map((h: { kind: string }) => h.kind)).toEqual(['proposed', 'fixed']);
    const due = Object.fromEntries(
      view.body.notices.map((n: { kind: string; dueOn: string }) => [n.kind, n.dueOn]),
    );
    // Christmas and New Year: 25 and 28 December and 1 January are not working days
    expect(due).toEqual({
      officer_notice: '2026-12-01',
      officer_response_due: '2026-12-11',
      hearing_date_to_officer: '2026-12-01',
      public_notice: '2026-12-29',
      panel_reminder: '2026-12-29',
      public_notice_removal: '2027-01-07',
    });
    // notices due today go to the queue at once; later ones wait for their day
    const jobs = await api.dataSource.query<{ delay_until: Date | null }[]>(
      `SELECT delay_until FROM outbox_messages WHERE queue = 'hearings' ORDER BY id`,
    );
    expect(jobs.map((j) => j.delay_until?.toISOString().slice(0, 10) ?? 'now').sort()).toEqual(
      expect.arrayContaining(['now', '2026-12-11', '2026-12-29', '2027-01-07']),
    );
  });

  it('lets a panel member open only the cases of the hearings they sit on', async () => {
    await api.http().get(`/api/cases/${caseId}`).set(chairUser.auth).expect(200);
    await api.http().get(`/api/hearings/${hearingId}`).set(chairUser.auth).expect(200);
    const ics = await api
      .http()
      .get(`/api/hearings/${hearingId}/calendar.ics`)
      .set(chairUser.auth)
      .expect(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.text).toContain('\r\nDTSTART:20270106T100000Z\r\nDURATION:PT7H\r\n');
    expect(ics.text).toContain('\r\nLOCATION:Force HQ\\, Committee Room 2\r\n');
    expect(ics.text).toContain('\r\nSTATUS:CONFIRMED\r\n');
    expect(ics.text).not.toMatch(/Jordan|4821/);
    const listed = await api.http().get('/api/cases').set(chairUser.auth).expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const stranger = await api.signedIn(['panel_member']);
    await api.http().get(`/api/cases/${caseId}`).set(stranger.auth).expect(404);
    await api.http().get(`/api/hearings/${hearingId}`).set(stranger.auth).expect(404);
    await api.http().get(`/api/hearings/${hearingId}/calendar.ics`).set(stranger.auth).expect(404);
  });

  it('refuses an outcome outside the forum, an incomplete decision, and a departure without reasons; saves nothing', async () => {
    clock.setToday('2027-01-06');
    for (const user of [authority, investigator, chairUser]) await signInAgain(user);
    // five close comparables, all dismissals: a final written warning is outside their band
    const lines = [1, 2, 3, 4, 5].map((n) =>
      JSON.stringify({
        formatVersion: 1,
        ref: `cmp-${n}`,
        force: 'kent',
        decidedOn: '2025-06-0' + n,
        forum: 'misconduct_hearing',
        subject: { role: 'constable', formerOfficer: false },
        conduct: [REFERRED_CONDUCT_ITEM],
        messageCount: 1,
        standards: ['equality_and_diversity', 'discreditable_conduct'],
        finding: 'gross_misconduct',
        outcome: 'dismissal_without_notice',
        culpability: 'high',
        harm: 'medium',
        aggravating: ['discriminatory_motive'],
        mitigating: ['good_record'],
      }),
    );
    const imported = await api.app
      .get(PrecedentStore)
      .import(Readable.from(lines.join('\n')), { strict: true });
    expect(imported.imported).toBe(5);

    const decision = {
      culpability: 'high',
      harm: 'medium',
      aggravating: ['discriminatory_motive'],
      mitigating: ['good_record'],
      purposes: ['public_confidence', 'high_standards'],
      outcomeRationale:
        'A written warning would not mark the seriousness of discriminatory language among colleagues.',
      personalMitigationWeight: 'Limited weight: public confidence matters more (Salter).',
      reasons: 'The panel found the comment discriminatory and discreditable; reasons read out in public.',
      article10: {
        engaged: true,
        prescribedByLaw: 'The Standards are in the Conduct Regulations.',
        legitimateAim: 'Public confidence in policing; the rights of others.',
        necessityAndProportionality:
          'Racist remarks among officers undermine confidence; the sanction is proportionate.',
      },
    };
    const base = {
      subjectId,
      findings: [{ allegationId, finding: 'gross_misconduct' }],
      notifiedOn: '2027-01-06',
      recommendations: {
        investigator: 'dismissal_without_notice',
        appropriateAuthority: 'dismissal_without_notice',
      },
    };
    const tooLow = await post(`/api/cases/${caseId}/outcome`, chairUser.auth, {
      ...base,
      outcome: 'written_warning',
      decision,
    }).expect(422);
    expect(tooLow.body).toMatchObject({
      code: 'outcome_not_allowed',
      details: { rule: 'gross_misconduct_minimum' },
    });

    const noReasons = await post(`/api/cases/${caseId}/outcome`, chairUser.auth, {
      ...base,
      outcome: 'dismissal_without_notice',
      decision: { ...decision, reasons: undefined },
    }).expect(422);
    expect(noReasons.body.code).toBe('decision_incomplete');
    expect(noReasons.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['reasons']);

    const departing = await post(`/api/cases/${caseId}/outcome`, chairUser.auth, {
      ...base,
      outcome: 'final_written_warning',
      decision,
    }).expect(422);
    // gross misconduct proven from 28 May 2025 presumes dismissal: a lesser outcome needs the
    // panel's exceptional circumstances (SI 2025/558)
    expect(departing.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'exceptionalCircumstances',
      'departureFactors',
      'departureExplanation',
    ]);
    expect(departing.body.message ?? '').not.toMatch(/exceptionalCircumstances/);
    expect(departing.body.details.band).toEqual({ lowStep: 6, highStep: 6 });

    const [{ count }] = await api.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM outcome_records WHERE case_id = $1`,
      [caseId],
    );
    expect(count).toBe('0');
    const own = await api.dataSource.query(`SELECT 1 FROM precedents WHERE case_id = $1`, [caseId]);
    expect(own).toHaveLength(0);
  });

  it('records findings, seriousness and outcome; writes the anonymised precedent with the stages; the case is decided', async () => {
    const recorded = await post(`/api/cases/${caseId}/outcome`, chairUser.auth, {
      subjectId,
      findings: [{ allegationId, finding: 'gross_misconduct' }],
      notifiedOn: '2027-01-06',
      outcome: 'final_written_warning',
      recommendations: {
        investigator: 'dismissal_without_notice',
        appropriateAuthority: 'dismissal_without_notice',
      },
      decision: {
        culpability: 'high',
        harm: 'medium',
        aggravating: ['discriminatory_motive'],
        mitigating: ['good_record', 'genuine_remorse', 'early_admission'],
        purposes: ['public_confidence', 'high_standards'],
        outcomeRationale:
          'A final written warning marks the seriousness; early admission and real insight make dismissal unnecessary.',
        personalMitigationWeight: 'Limited weight: public confidence matters more (Salter).',
        reasons: 'The panel found the comment discriminatory and discreditable; reasons read out in public.',
        exceptionalCircumstances:
          'PC Jordan Fictional reported the group himself the same day and gave evidence against its members.',
        article10: {
          engaged: true,
          prescribedByLaw: 'The Standards are in the Conduct Regulations.',
          legitimateAim: 'Public confidence in policing; the rights of others.',
          necessityAndProportionality: 'The sanction is necessary and proportionate.',
        },
      },
      departure: {
        factors: ['early_admission', 'genuine_remorse'],
        explanation: 'Unlike the comparables, the officer admitted at once and showed real insight.',
      },
    }).expect(201);
    expect(recorded.body).toMatchObject({
      finding: 'gross_misconduct',
      outcome: 'final_written_warning',
      currentOutcome: 'final_written_warning',
      warningExpiresOn: '2029-01-05',
      barredListReferral: false,
      departure: {
        band: { lowStep: 6, highStep: 6 },
        proposedStep: 4,
        factors: ['early_admission', 'genuine_remorse'],
      },
      recommendations: {
        investigator: 'dismissal_without_notice',
        appropriateAuthority: 'dismissal_without_notice',
        panel: 'final_written_warning',
      },
    });
    const ref = recorded.body.precedentRef as string;
    // opaque: the force and a random token, nothing of the case's reference (issue 14 item 9)
    expect(ref).toMatch(
      /^leicestershire:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const [{ reference }] = await api.dataSource.query<{ reference: string }[]>(
      `SELECT reference FROM cases WHERE id = $1`,
      [caseId],
    );
    expect(ref).not.toContain(reference);
    const [stored] = await api.dataSource.query<{ record: Record<string, unknown>; source: string }[]>(
      `SELECT record, source FROM precedents WHERE ref = $1 AND case_id = $2`,
      [ref, caseId],
    );
    expect(stored.source).toBe('internal');
    expect(stored.record).toMatchObject({
      outcome: 'final_written_warning',
      finding: 'gross_misconduct',
      stages: [
        { stage: 'investigator', outcome: 'dismissal_without_notice' },
        { stage: 'appropriate_authority', outcome: 'dismissal_without_notice' },
        { stage: 'panel', outcome: 'final_written_warning' },
      ],
      // the precedent carries the exceptional circumstances, without the officer's name
      exceptionalCircumstances:
        '[redacted] reported the group himself the same day and gave evidence against its members.',
    });
    expect(recorded.body).toMatchObject({
      amendmentSet: 'use_of_force_2026',
      exceptionalCircumstances: expect.any(String),
    });
    expect(JSON.stringify(stored.record)).not.toMatch(/Jordan|Fictional|4821/);

    const kase = await api.http().get(`/api/cases/${caseId}`).set(authority.auth).expect(200);
    expect(kase.body.status).toBe('decided');
    const timeline = await api.http().get(`/api/cases/${caseId}/timeline`).set(authority.auth).expect(200);
    const kinds = timeline.body.items.map((e: { kind: string }) => e.kind);
    for (const kind of [
      'hearing_created',
      'hearing_date_proposed',
      'panel_member_seated',
      'hearing_date_fixed',
      'outcome_recorded',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(timeline.body.items.at(-1)).toMatchObject({ kind: 'transition', toStatus: 'decided' });
    const actions = await api.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE action LIKE 'hearing.%' OR action LIKE 'case.outcome%' ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'hearing.create',
        'hearing.date.propose',
        'hearing.seat',
        'hearing.date.fix',
        'case.outcome.record',
      ]),
    );
  });

  it('refuses a late appeal with the last day, and a varied outcome rewrites the precedent and the warning', async () => {
    clock.setToday('2027-01-25');
    for (const user of [authority, investigator]) await signInAgain(user);
    const late = await post(`/api/cases/${caseId}/appeals`, investigator.auth, {
      subjectId,
      grounds: ['unreasonable'],
      details: 'The outcome was unreasonable on the facts found.',
    }).expect(422);
    expect(late.body).toMatchObject({
      code: 'appeal_out_of_time',
      details: { rule: 'tribunal_appeal_time_limit', deadline: '2027-01-20' },
    });

    // chief-officer appeals to the Tribunal are off unless configured (commencement unverified)
    const chief = await post(`/api/cases/${caseId}/appeals`, authority.auth, {
      subjectId,
      appellant: 'chief_officer',
      lodgedOn: '2027-01-15',
      grounds: ['unreasonable'],
      details: 'The chief officer says the warning was unreasonably lenient.',
    }).expect(409);
    expect(chief.body.message).toMatch(/not switched on/);

    const appeal = await post(`/api/cases/${caseId}/appeals`, investigator.auth, {
      subjectId,
      lodgedOn: '2027-01-15',
      grounds: ['unreasonable'],
      details: 'The appropriate authority says a final written warning was unreasonably lenient.',
    }).expect(201);
    expect(appeal.body).toMatchObject({ body: 'police_appeals_tribunal', deadline: '2027-01-20' });
    const kase = await api.http().get(`/api/cases/${caseId}`).set(authority.auth).expect(200);
    expect(kase.body.status).toBe('appeal');

    await post(`/api/cases/${caseId}/appeals/${appeal.body.id}/decision`, authority.auth, {
      result: 'outcome_varied',
      variedOutcome: 'dismissal_without_notice',
      reasons: 'The tribunal substituted dismissal: the warning did not protect public confidence.',
    }).expect(201);
    const outcome = await api.http().get(`/api/cases/${caseId}/outcome`).set(authority.auth).expect(200);
    expect(outcome.body.items[0]).toMatchObject({
      outcome: 'final_written_warning',
      currentOutcome: 'dismissal_without_notice',
      warningExpiresOn: null,
      barredListReferral: true,
      appeals: [{ result: 'outcome_varied', variedOutcome: 'dismissal_without_notice' }],
    });
    const [stored] = await api.dataSource.query<{ record: { outcome: string; stages: unknown[] } }[]>(
      `SELECT record FROM precedents WHERE case_id = $1`,
      [caseId],
    );
    expect(stored.record.outcome).toBe('dismissal_without_notice');
    expect(stored.record.stages).toEqual([
      { stage: 'investigator', outcome: 'dismissal_without_notice' },
      { stage: 'appropriate_authority', outcome: 'dismissal_without_notice' },
      { stage: 'panel', outcome: 'final_written_warning' },
      { stage: 'appeal', outcome: 'dismissal_without_notice' },
    ]);
  });

  it('re-keys a precedent ref made from the case reference, on the outcome and the precedent, keeping the case link (migration)', async () => {
    const [{ reference }] = await api.dataSource.query<{ reference: string }[]>(
      `SELECT reference FROM cases WHERE id = $1`,
      [caseId],
    );
    // as a system from before the migration had it
    const old = `leicestershire:${reference}-1`;
    await api.dataSource.query(`UPDATE outcome_records SET precedent_ref = $2 WHERE case_id = $1`, [
      caseId,
      old,
    ]);
    await api.dataSource.query(
      `UPDATE precedents SET ref = $2, record = jsonb_set(record::jsonb, '{ref}', to_jsonb($2::text))::json
        WHERE case_id = $1`,
      [caseId, old],
    );
    const runner = api.dataSource.createQueryRunner();
    try {
      await new OpaqueInternalPrecedentRefs1796307359113().up(runner);
    } finally {
      await runner.release();
    }
    const [outcome] = await api.dataSource.query<{ precedent_ref: string }[]>(
      `SELECT precedent_ref FROM outcome_records WHERE case_id = $1`,
      [caseId],
    );
    expect(outcome.precedent_ref).toMatch(/^leicestershire:[0-9a-f-]{36}$/);
    const precedents = await api.dataSource.query<{ ref: string; record: { ref: string }; source: string }[]>(
      `SELECT ref, record, source FROM precedents WHERE case_id = $1`,
      [caseId],
    );
    expect(precedents).toEqual([expect.objectContaining({ ref: outcome.precedent_ref, source: 'internal' })]);
    expect(precedents[0].record.ref).toBe(outcome.precedent_ref);
  });
});
