import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { TestClock } from '../support/test-clock';

type Auth = { Authorization: string };
type Notice = { kind: string; dueOn: string; status: string; text: string };

const REASON = 'The officer is abroad on a course until January; a fair meeting needs them present.';

/**
 * The Regulations' finer rules through the API: panel bookings as time intervals, reg 33 (pre-hearing),
 * reg 34 (meeting time limit and the officer's alternative), reg 43 (chair's report and outcome
 * publication as notice jobs), reg 49 (accelerated hearing chair) and senior officers as subject.
 */
describe('hearing regulations: times, time limits and who chairs', () => {
  const clock = new TestClock();
  let api: TestApi;
  let authority: SignedInUser;
  let investigator: SignedInUser;
  const members: Record<string, string> = {};
  const hearings: Record<string, string> = {};
  const cases: Record<string, { id: string; subjectId: string; allegationId: string }> = {};

  const post = (path: string, auth: Auth, body: object) => api.http().post(path).set(auth).send(body);
  const view = async (id: string) =>
    (await api.http().get(`/api/hearings/${id}`).set(investigator.auth).expect(200)).body as {
      scheduledOn: string;
      notices: Notice[];
      history: { kind: string; date: string; reason: string | null }[];
      timeLimitExtensionReason: string | null;
      preHearing: Record<string, string | null>;
      specialConditions: Record<string, unknown> | null;
    };

  async function signInAgain(user: SignedInUser): Promise<void> {
    const response = await api
      .http()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    user.auth.Authorization = `Bearer ${(response.body as { accessToken: string }).accessToken}`;
  }

  /** A case with one subject and one allegation, referred to `to` (through the lifecycle, as a user would). */
  async function referredCase(
    to: 'referred_to_meeting' | 'referred_to_hearing' | 'referred_to_accelerated_hearing',
    subject: { rank: string; role: string; force?: string; staffNumber: string },
  ): Promise<{ id: string; subjectId: string; allegationId: string }> {
    const created = await post('/api/cases', investigator.auth, {
      source: 'line_manager',
      receivedAt: '2026-11-02',
      summary: 'Abusive messages to a colleague in a work group chat.',
    }).expect(201);
    const id = created.body.id as string;
    const added = await post(`/api/cases/${id}/subjects`, investigator.auth, {
      name: `${subject.rank} Sam Fictional`,
      staffNumber: subject.staffNumber,
      role: subject.role,
      rank: subject.rank,
      force: subject.force ?? 'leicestershire',
    }).expect(201);
    const allegation = await post(`/api/cases/${id}/allegations`, investigator.auth, {
      subjectId: added.body.id,
      standards: ['discreditable_conduct'],
      description: 'Sent abusive messages to a colleague.',
    }).expect(201);
    await post(`/api/cases/${id}/conduct-items`, investigator.auth, {
      platform: 'whatsapp',
      audience: 'private_group',
      audienceSize: 8,
      text: 'fictional abusive words to a colleague',
      categories: ['abusive_or_offensive'],
      targets: [],
      offDuty: false,
      participation: 'author',
    }).expect(201);
    const current = await api.http().get(`/api/cases/${id}`).set(authority.auth).expect(200);
    await post(`/api/cases/${id}/assessment`, authority.auth, {
      severity: to === 'referred_to_meeting' ? 'misconduct' : 'gross_misconduct',
      rationale: 'Abusive messages to a colleague, repeated over a week.',
      version: current.body.version,
    }).expect(201);
    const path = to === 'referred_to_accelerated_hearing' ? ['assessed'] : ['assessed', 'investigating'];
    for (const step of path) {
      await post(`/api/cases/${id}/transitions`, authority.auth, {
        to: step,
        reason: `moving to ${step}`,
      }).expect(201);
    }
    await post(`/api/cases/${id}/transitions`, authority.auth, {
      to,
      reason: `referred: ${to}`,
      ...(to === 'referred_to_accelerated_hearing' ? { specialConditionsCertified: true } : {}),
    }).expect(201);
    return { id, subjectId: added.body.id as string, allegationId: allegation.body.id as string };
  }

  async function member(name: string, roles: string[], extra: object = {}): Promise<string> {
    const response = await post('/api/panel-members', authority.auth, { name, roles, ...extra }).expect(201);
    return response.body.id as string;
  }

  async function arrange(
    key: string,
    documentsSuppliedOn = '2026-11-20',
    extra: object = {},
  ): Promise<string> {
    const created = await post('/api/hearings', investigator.auth, {
      caseId: cases[key].id,
      documentsSuppliedOn,
      ...extra,
    }).expect(201);
    hearings[key] = created.body.id as string;
    return hearings[key];
  }

  beforeAll(async () => {
    clock.setToday('2026-12-01');
    api = await startTestApi({ clock });
    authority = await api.signedIn(['appropriate_authority']);
    investigator = await api.signedIn(['investigator'], { team: 'north' });
  });
  afterAll(() => api.close());

  it('compares bookings as time intervals: morning and afternoon meetings the same day, not overlapping ones', async () => {
    let staff = 5100;
    for (const key of ['m1', 'm2', 'm3', 'm4']) {
      cases[key] = await referredCase('referred_to_meeting', {
        rank: 'PC',
        role: 'constable',
        staffNumber: String(staff++),
      });
      await arrange(key);
    }
    members.chairM = await member('Insp Morning Chair', ['chair'], { rank: 'inspector' });
    members.chairU = await member('Insp Busy Afternoons', ['chair'], { rank: 'inspector' });
    const availability = await api
      .http()
      .put(`/api/panel-members/${members.chairU}/availability`)
      .set(authority.auth)
      .send({ unavailableOn: [], unavailablePeriods: [{ date: '2026-12-17', from: '13:00', to: '17:00' }] })
      .expect(200);
    expect(availability.body.unavailablePeriods).toEqual([
      { date: '2026-12-17', from: '13:00', to: '17:00' },
    ]);

    // a meeting takes half a day unless told otherwise: 09:00 to 12:30
    const morning = await post(`/api/hearings/${hearings.m1}/proposed-date`, investigator.auth, {
      date: '2026-12-17',
      startsAt: '09:00',
      venue: 'Force HQ, Room 1',
    }).expect(201);
    expect(morning.body.durationMinutes).toBe(210);
    await post(`/api/hearings/${hearings.m2}/proposed-date`, investigator.auth, {
      date: '2026-12-17',
      startsAt: '13:30',
      durationMinutes: 120,
      venue: 'Force HQ, Room 1',
    }).expect(201);
    await post(`/api/hearings/${hearings.m3}/proposed-date`, investigator.auth, {
      date: '2026-12-17',
      startsAt: '12:00',
      durationMinutes: 60,
      venue: 'Force HQ, Room 2',
    }).expect(201);

    for (const key of ['m1', 'm2']) {
      await post(`/api/hearings/${hearings[key]}/panel`, investigator.auth, {
        panelMemberId: members.chairM,
        role: 'chair',
      }).expect(201);
    }
    const overlapping = await post(`/api/hearings/${hearings.m3}/panel`, investigator.auth, {
      panelMemberId: members.chairM,
      role: 'chair',
    }).expect(409);
    expect(overlapping.body.details.conflicts).toEqual([expect.objectContaining({ rule: 'double_booking' })]);
    expect(overlapping.body.message).toMatch(/from 09:00 to 12:30.*choose another member or another time/);

    // unavailable from 13:00: free for 12:00-13:00 (the end is exclusive), not for 14:00
    await post(`/api/hearings/${hearings.m3}/panel`, investigator.auth, {
      panelMemberId: members.chairU,
      role: 'chair',
    }).expect(201);
    await post(`/api/hearings/${hearings.m4}/proposed-date`, investigator.auth, {
      date: '2026-12-17',
      startsAt: '14:00',
      venue: 'Force HQ, Room 3',
    }).expect(201);
    const unavailable = await post(`/api/hearings/${hearings.m4}/panel`, investigator.auth, {
      panelMemberId: members.chairU,
      role: 'chair',
    }).expect(409);
    expect(unavailable.body.details.conflicts[0].rule).toBe('unavailable');
    expect(unavailable.body.message).toMatch(/from 13:00 to 17:00/);

    // moving the 12:00 meeting into the afternoon is refused for its seated chair, and nothing moves
    const moved = await post(`/api/hearings/${hearings.m3}/fixed-date`, investigator.auth, {
      date: '2026-12-17',
      startsAt: '15:00',
    }).expect(409);
    expect(moved.body.details.conflicts[0].rule).toBe('unavailable');
    expect((await view(hearings.m3)).history.map((h) => h.kind)).toEqual(['proposed']);
  });

  it("reg 34: a meeting after the time limit needs the interests of justice; the officer's alternative within 5 working days", async () => {
    // documents on Fri 20 Nov 2026: the 20th working day is Fri 18 Dec
    const late = await post(`/api/hearings/${hearings.m4}/proposed-date`, investigator.auth, {
      date: '2027-01-06',
      startsAt: '10:00',
    }).expect(422);
    expect(late.body.code).toBe('time_limit');
    expect(late.body.details).toMatchObject({
      rule: 'reg_34_meeting_time_limit',
      latestLawfulDate: '2026-12-18',
    });
    expect(late.body.message).toMatch(/reg 34.*2026-12-18.*extensionReason/);
    const thin = await post(`/api/hearings/${hearings.m4}/proposed-date`, investigator.auth, {
      date: '2027-01-06',
      extensionReason: 'busy',
    }).expect(422);
    expect(thin.body.details.rule).toBe('reg_34_meeting_time_limit');
    expect((await view(hearings.m4)).scheduledOn).toBe('2026-12-17');

    const extended = await post(`/api/hearings/${hearings.m4}/proposed-date`, investigator.auth, {
      date: '2027-01-06',
      startsAt: '10:00',
      extensionReason: REASON,
    }).expect(201);
    expect(extended.body).toMatchObject({ scheduledOn: '2027-01-06', timeLimitExtensionReason: REASON });
    await post(`/api/hearings/${hearings.m4}/panel`, investigator.auth, {
      panelMemberId: members.chairM,
      role: 'chair',
    }).expect(201);
    // fixing the same date keeps the recorded reason
    const fixed = await post(`/api/hearings/${hearings.m4}/fixed-date`, investigator.auth, {}).expect(201);
    expect(fixed.body).toMatchObject({ status: 'fixed', timeLimitExtensionReason: REASON });
    const timeline = await api
      .http()
      .get(`/api/cases/${cases.m4.id}/timeline`)
      .set(authority.auth)
      .expect(200);
    expect(timeline.body.items.map((e: { reason: string }) => e.reason).join('\n')).toMatch(
      /after the reg 34 time limit in the interests of justice/,
    );

    // the officer's alternative to the chair's 17 December: 18, 21, 22, 23, 24 December
    const tooLate = await post(`/api/hearings/${hearings.m1}/alternative-date`, investigator.auth, {
      date: '2026-12-29',
    }).expect(422);
    expect(tooLate.body.details).toMatchObject({
      rule: 'reg_34_alternative_date',
      latestLawfulDate: '2026-12-24',
    });
    expect(tooLate.body.message).toMatch(/within 5 working days.*reg 34.*2026-12-24/);
    const holiday = await post(`/api/hearings/${hearings.m1}/alternative-date`, investigator.auth, {
      date: '2026-12-25',
    }).expect(422);
    expect(holiday.body.details.rule).toBe('working_day');
    const taken = await post(`/api/hearings/${hearings.m1}/alternative-date`, investigator.auth, {
      date: '2026-12-22',
      startsAt: '09:30',
    }).expect(201);
    expect(taken.body).toMatchObject({ scheduledOn: '2026-12-22', startsAt: '09:30' });
    const history = (await view(hearings.m1)).history;
    expect(history.at(-1)).toMatchObject({ kind: 'proposed', date: '2026-12-22' });
    expect(history.at(-1)?.reason).toMatch(/officer's alternative to 2026-12-17 \(reg 34\)/);
    // the alternative stands though it is past the 20 days: fixing it does not ask for a reason
    await post(`/api/hearings/${hearings.m1}/fixed-date`, investigator.auth, {}).expect(201);
    // a hearing has no reg 34 alternative
    cases.h1 = await referredCase('referred_to_hearing', {
      rank: 'PC',
      role: 'constable',
      staffNumber: '5200',
    });
    await arrange('h1');
    const notMeeting = await post(`/api/hearings/${hearings.h1}/alternative-date`, investigator.auth, {
      date: '2026-12-22',
    }).expect(409);
    expect(notMeeting.body.message).toMatch(/pre-hearing\/alternative-date \(reg 33\(3\)\)/);
  });

  it("reg 33: the pre-hearing within 15 working days of the documents reaching the chair, and the officer's alternative", async () => {
    const noDocuments = await post(`/api/hearings/${hearings.h1}/pre-hearing`, investigator.auth, {
      date: '2026-12-15',
    }).expect(422);
    expect(noDocuments.body.code).toBe('chair_documents_required');

    // documents to the chair on Tue 1 Dec: the 15th working day is Tue 22 Dec
    const late = await post(`/api/hearings/${hearings.h1}/pre-hearing`, investigator.auth, {
      chairDocumentsSuppliedOn: '2026-12-01',
      date: '2026-12-23',
    }).expect(422);
    expect(late.body.details).toMatchObject({ rule: 'reg_33_pre_hearing', latestLawfulDate: '2026-12-22' });
    expect(late.body.message).toMatch(/reg 33\(1\)\(a\).*2026-12-22/);
    expect((await view(hearings.h1)).preHearing.chairDocumentsSuppliedOn).toBeNull();

    const set = await post(`/api/hearings/${hearings.h1}/pre-hearing`, investigator.auth, {
      chairDocumentsSuppliedOn: '2026-12-01',
      date: '2026-12-22',
      startsAt: '10:00',
    }).expect(201);
    expect(set.body.preHearing).toMatchObject({
      chairDocumentsSuppliedOn: '2026-12-01',
      chairDate: '2026-12-22',
      date: '2026-12-22',
      extensionReason: null,
    });

    // the officer's alternative: 23, 24, 29, 30, 31 December (25 and 28 are bank holidays)
    const tooLate = await post(
      `/api/hearings/${hearings.h1}/pre-hearing/alternative-date`,
      investigator.auth,
      {
        date: '2027-01-04',
      },
    ).expect(422);
    expect(tooLate.body.details).toMatchObject({
      rule: 'reg_33_alternative_date',
      latestLawfulDate: '2026-12-31',
    });
    expect(tooLate.body.message).toMatch(/reg 33\(3\)/);
    const alternative = await post(
      `/api/hearings/${hearings.h1}/pre-hearing/alternative-date`,
      investigator.auth,
      {
        date: '2026-12-29',
      },
    ).expect(201);
    expect(alternative.body.preHearing).toMatchObject({ chairDate: '2026-12-22', date: '2026-12-29' });

    // the chair extends, with a reason (documents already recorded)
    const extended = await post(`/api/hearings/${hearings.h1}/pre-hearing`, investigator.auth, {
      date: '2027-01-12',
      extensionReason: 'The officer’s representative is in a trial until 8 January.',
    }).expect(201);
    expect(extended.body.preHearing).toMatchObject({
      date: '2027-01-12',
      extensionReason: 'The officer’s representative is in a trial until 8 January.',
    });
    const notices = (await view(hearings.h1)).notices.filter((n) => n.kind === 'pre_hearing');
    expect(notices.map((n) => n.status).sort()).toEqual(['cancelled', 'cancelled', 'scheduled']);
    expect(notices.find((n) => n.status === 'scheduled')?.text).toMatch(/2027-01-12/);

    const meeting = await post(`/api/hearings/${hearings.m2}/pre-hearing`, investigator.auth, {
      chairDocumentsSuppliedOn: '2026-12-01',
      date: '2026-12-10',
    }).expect(409);
    expect(meeting.body.message).toMatch(/misconduct hearings only/);
  });

  it('senior officers as subject: a more senior chair from another force, HM Inspectors for chief officers, meetings of 3', async () => {
    cases.acc = await referredCase('referred_to_hearing', {
      rank: 'Assistant Chief Constable',
      role: 'chief_officer',
      staffNumber: 'ACC1',
    });
    await arrange('acc');
    await post(`/api/hearings/${hearings.acc}/proposed-date`, investigator.auth, {
      date: '2027-01-07',
      startsAt: '10:00',
      venue: 'Force HQ, Committee Room 2',
    }).expect(201);
    members.chiefSupt = await member('Ch Supt Home', ['chair'], {
      rank: 'chief_superintendent',
      force: 'leicestershire',
    });
    members.dccHome = await member('DCC Home', ['chair'], {
      rank: 'Deputy Chief Constable',
      force: 'leicestershire',
    });
    members.dccEssex = await member('DCC Elsewhere', ['chair'], {
      rank: 'Deputy Chief Constable',
      force: 'Essex',
    });
    members.ccEssex = await member('CC Elsewhere', ['chair'], { rank: 'Chief Constable', force: 'essex' });
    members.hmi = await member('HM Inspector', ['chair'], { rank: 'hm_inspector_of_constabulary' });

    const junior = await post(`/api/hearings/${hearings.acc}/panel`, investigator.auth, {
      panelMemberId: members.chiefSupt,
      role: 'chair',
    }).expect(422);
    expect(junior.body.code).toBe('panel_composition');
    expect(junior.body.details.rules).toEqual(['senior_officer_chair', 'senior_officer_chair']);
    expect(junior.body.message).toMatch(/more senior officer from another force/);
    const home = await post(`/api/hearings/${hearings.acc}/panel`, investigator.auth, {
      panelMemberId: members.dccHome,
      role: 'chair',
    }).expect(422);
    expect(home.body.details.rules).toEqual(['senior_officer_chair']);
    expect(home.body.message).toMatch(/another force than the subject's \(leicestershire\)/);
    await post(`/api/hearings/${hearings.acc}/panel`, investigator.auth, {
      panelMemberId: members.dccEssex,
      role: 'chair',
    }).expect(201);
    for (const [name, role] of [
      ['G Independent', 'independent_member'],
      ['H Lay', 'lay_member'],
      ['I Adviser', 'legally_qualified_adviser'],
    ]) {
      await post(`/api/hearings/${hearings.acc}/panel`, investigator.auth, {
        panelMemberId: await member(name, [role]),
        role,
      }).expect(201);
    }
    await post(`/api/hearings/${hearings.acc}/fixed-date`, investigator.auth, {}).expect(201);
    const panel = await api.http().get(`/api/hearings/${hearings.acc}`).set(investigator.auth).expect(200);
    expect(panel.body.panel[0]).toMatchObject({
      role: 'chair',
      rank: 'Deputy Chief Constable',
      force: 'essex',
    });

    cases.cc = await referredCase('referred_to_hearing', {
      rank: 'Chief Constable',
      role: 'chief_officer',
      staffNumber: 'CC1',
    });
    await arrange('cc');
    await post(`/api/hearings/${hearings.cc}/proposed-date`, investigator.auth, {
      date: '2027-01-08',
      startsAt: '10:00',
    }).expect(201);
    const chiefOfficer = await post(`/api/hearings/${hearings.cc}/panel`, investigator.auth, {
      panelMemberId: members.ccEssex,
      role: 'chair',
    }).expect(422);
    expect(chiefOfficer.body.details.rules).toEqual(['senior_officer_chair_hmic']);
    expect(chiefOfficer.body.message).toMatch(
      /HM Chief Inspector of Constabulary or a nominated HM Inspector/,
    );
    await post(`/api/hearings/${hearings.cc}/panel`, investigator.auth, {
      panelMemberId: members.hmi,
      role: 'chair',
    }).expect(201);

    cases.accMeeting = await referredCase('referred_to_meeting', {
      rank: 'ACC',
      role: 'chief_officer',
      staffNumber: 'ACC2',
    });
    await arrange('accMeeting');
    await post(`/api/hearings/${hearings.accMeeting}/proposed-date`, investigator.auth, {
      date: '2026-12-18',
      startsAt: '10:00',
      venue: 'Force HQ, Room 4',
    }).expect(201);
    await post(`/api/hearings/${hearings.accMeeting}/panel`, investigator.auth, {
      panelMemberId: await member('J Meeting Chair', ['chair'], { rank: 'chief_constable', force: 'essex' }),
      role: 'chair',
    }).expect(201);
    const short = await post(`/api/hearings/${hearings.accMeeting}/fixed-date`, investigator.auth, {}).expect(
      422,
    );
    expect(short.body.details.rules).toEqual(['senior_officer_meeting']);
    expect(short.body.message).toMatch(/panel of 3/);
    for (const [name, role] of [
      ['K Independent', 'independent_member'],
      ['L Lay', 'lay_member'],
    ]) {
      await post(`/api/hearings/${hearings.accMeeting}/panel`, investigator.auth, {
        panelMemberId: await member(name, [role]),
        role,
      }).expect(201);
    }
    await post(`/api/hearings/${hearings.accMeeting}/fixed-date`, investigator.auth, {}).expect(201);
  });

  it('reg 49: the certifying officer does not chair; with the chief officer interested, another force’s chief officer does', async () => {
    members.certifier = await member('ACC Certifier', ['chair'], { rank: 'ACC', force: 'leicestershire' });
    // certification belongs to accelerated hearings only
    const wrongForum = await post('/api/hearings', investigator.auth, {
      caseId: cases.h1.id,
      documentsSuppliedOn: '2026-11-20',
      certifiedByPanelMemberId: members.certifier,
    }).expect(422);
    expect(wrongForum.body.code).toBe('not_accelerated');

    cases.acc1 = await referredCase('referred_to_accelerated_hearing', {
      rank: 'PC',
      role: 'constable',
      staffNumber: '5300',
    });
    const created = await post('/api/hearings', investigator.auth, {
      caseId: cases.acc1.id,
      documentsSuppliedOn: '2026-12-01',
      certifiedByPanelMemberId: members.certifier,
      chiefOfficerInterestedParty: true,
    }).expect(201);
    hearings.acc1 = created.body.id as string;
    expect(created.body.specialConditions).toEqual({
      certifiedByUserId: null,
      certifiedByPanelMemberId: members.certifier,
      chiefOfficerInterestedParty: true,
    });
    // 10 working days after the reg 51 notice on Tue 1 Dec
    await post(`/api/hearings/${hearings.acc1}/proposed-date`, investigator.auth, {
      date: '2026-12-15',
      startsAt: '10:00',
      venue: 'Force HQ, Committee Room 1',
    }).expect(201);
    const certifier = await post(`/api/hearings/${hearings.acc1}/panel`, investigator.auth, {
      panelMemberId: members.certifier,
      role: 'chair',
    }).expect(422);
    expect(certifier.body.details.rules).toEqual([
      'reg_49_certifier_chair',
      'chief_officer_interested_party',
    ]);
    expect(certifier.body.message).toMatch(/certified the special conditions \(reg 49\) cannot chair/);
    const delegate = await post(`/api/hearings/${hearings.acc1}/panel`, investigator.auth, {
      panelMemberId: members.dccEssex,
      role: 'chair',
    }).expect(422);
    expect(delegate.body.details.rules).toEqual(['chief_officer_interested_party']);
    expect(delegate.body.message).toMatch(
      /another force's chief officer or a Metropolitan Police Assistant Commissioner/,
    );
    await post(`/api/hearings/${hearings.acc1}/panel`, investigator.auth, {
      panelMemberId: members.ccEssex,
      role: 'chair',
    }).expect(201);
    // naming the seated chair as the certifier now is refused, and nothing is saved
    const late = await api
      .http()
      .put(`/api/hearings/${hearings.acc1}/special-conditions`)
      .set(investigator.auth)
      .send({ certifiedByPanelMemberId: members.ccEssex })
      .expect(422);
    expect(late.body.details.rules).toEqual(['reg_49_certifier_chair']);
    expect((await view(hearings.acc1)).specialConditions).toMatchObject({
      certifiedByPanelMemberId: members.certifier,
    });
    await post(`/api/hearings/${hearings.acc1}/fixed-date`, investigator.auth, {}).expect(201);

    // arranged without recording who certified: the date cannot be fixed until it is
    cases.acc2 = await referredCase('referred_to_accelerated_hearing', {
      rank: 'PC',
      role: 'constable',
      staffNumber: '5301',
    });
    await arrange('acc2', '2026-12-01');
    await post(`/api/hearings/${hearings.acc2}/proposed-date`, investigator.auth, {
      date: '2026-12-16',
      startsAt: '10:00',
      venue: 'Force HQ, Committee Room 3',
    }).expect(201);
    const unrecorded = await post(`/api/hearings/${hearings.acc2}/fixed-date`, investigator.auth, {}).expect(
      422,
    );
    expect(unrecorded.body.code).toBe('certifier_required');
    expect(unrecorded.body.message).toMatch(/reg 49.*special-conditions/);
    const recorded = await api
      .http()
      .put(`/api/hearings/${hearings.acc2}/special-conditions`)
      .set(investigator.auth)
      .send({ certifiedByUserId: authority.id })
      .expect(200);
    expect(recorded.body.specialConditions).toMatchObject({ certifiedByUserId: authority.id });
    await api
      .http()
      .put(`/api/hearings/${hearings.h1}/special-conditions`)
      .set(investigator.auth)
      .send({ certifiedByUserId: authority.id })
      .expect(409);
  });

  it("reg 43: recording the outcome plans the chair's report deadline and the outcome report's 28 days as notice jobs", async () => {
    clock.setToday('2026-12-15');
    for (const user of [authority, investigator]) await signInAgain(user);
    const recorded = await post(`/api/cases/${cases.acc1.id}/outcome`, authority.auth, {
      subjectId: cases.acc1.subjectId,
      findings: [{ allegationId: cases.acc1.allegationId, finding: 'gross_misconduct' }],
      notifiedOn: '2026-12-15',
      outcome: 'dismissal_without_notice',
      decision: {
        culpability: 'high',
        harm: 'high',
        aggravating: ['abuse_of_position'],
        mitigating: [],
        purposes: ['public_confidence', 'high_standards'],
        outcomeRationale: 'Repeated abuse of a colleague; nothing short of dismissal maintains confidence.',
        personalMitigationWeight: 'None was advanced.',
        reasons: 'The special conditions were met; the panel found gross misconduct on the evidence.',
      },
      departure: {
        factors: ['abuse_of_position'],
        explanation: 'Abuse of a colleague over a week is more serious than the comparables.',
      },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      forum: 'accelerated_hearing',
      outcome: 'dismissal_without_notice',
    });

    // proceedings ended Tue 15 Dec: 16, 17, 18, 21, 22 December; published from the 23rd for 28 days
    const notices = (await view(hearings.acc1)).notices;
    const due = Object.fromEntries(
      notices
        .filter((n) =>
          ['chair_report_due', 'outcome_publication', 'outcome_publication_removal'].includes(n.kind),
        )
        .map((n) => [n.kind, n.dueOn]),
    );
    expect(due).toEqual({
      chair_report_due: '2026-12-22',
      outcome_publication: '2026-12-23',
      outcome_publication_removal: '2027-01-20',
    });
    expect(notices.find((n) => n.kind === 'chair_report_due')?.text).toMatch(/reg 43\(1\)/);
    expect(notices.find((n) => n.kind === 'outcome_publication')?.text).toMatch(
      /not less than 28 days, reg 43\(7\)/,
    );

    const jobs = await api.dataSource.query<{ delay_until: Date | null }[]>(
      `SELECT o.delay_until FROM outbox_messages o
         JOIN hearing_notices n ON o.job_id = 'notice-' || n.id
        WHERE n.hearing_id = $1 AND n.kind IN ('chair_report_due', 'outcome_publication', 'outcome_publication_removal')`,
      [hearings.acc1],
    );
    expect(jobs.map((j) => j.delay_until?.toISOString().slice(0, 10)).sort()).toEqual([
      '2026-12-22',
      '2026-12-23',
      '2027-01-20',
    ]);
    const timeline = await api
      .http()
      .get(`/api/cases/${cases.acc1.id}/timeline`)
      .set(authority.auth)
      .expect(200);
    const deadline = timeline.body.items.find((e: { kind: string }) => e.kind === 'chair_report_deadline');
    expect(deadline.reason).toMatch(/due to the appropriate authority by 2026-12-22 \(reg 43\(1\)\)/);
  });
});
