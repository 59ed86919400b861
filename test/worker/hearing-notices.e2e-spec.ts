import { fixedHearing, hearingPanelPool } from '../support/fixed-hearing';
import { HearingsWithWorker, startHearingsWithWorker } from '../support/hearings-with-worker';
import type { SignedInUser } from '../support/test-api';
import { TestClock } from '../support/test-clock';
import { eventually } from '../support/test-worker';

interface Notice {
  kind: string;
  dueOn: string;
  status: string;
  sentAt: string | null;
}

describe('hearing notices through the outbox and the worker', () => {
  const clock = new TestClock();
  let hearings: HearingsWithWorker;
  const members: string[] = [];

  const post = (path: string, user: SignedInUser, body: object) =>
    hearings.api.http().post(path).set(user.auth).send(body);

  const hearingFor = (documentsSuppliedOn: string, date: string) =>
    fixedHearing(hearings.api, hearings, members, {
      documentsSuppliedOn,
      date,
      place: { remoteLink: 'https://meet.example.org/hearing' },
    });

  async function notices(hearingId: string): Promise<Record<string, Notice>> {
    const { api, investigator } = hearings;
    const view = await api.http().get(`/api/hearings/${hearingId}`).set(investigator.auth).expect(200);
    return Object.fromEntries((view.body.notices as Notice[]).map((n) => [`${n.kind}@${n.dueOn}`, n]));
  }

  beforeAll(async () => {
    clock.setToday('2027-03-01');
    hearings = await startHearingsWithWorker({ clock, team: 'south' });
    members.push(
      ...(await hearingPanelPool(hearings.api, hearings.authority, [
        { name: 'Chair' },
        { name: 'Independent' },
        { name: 'Lay' },
        { name: 'Adviser' },
      ])),
    );
  });

  afterAll(() => hearings?.close());

  it('plans notices across Easter and sends each on its day, on the case timeline', async () => {
    // documents supplied Friday 26 Feb 2027; Good Friday 26 Mar and Easter Monday 29 Mar 2027
    const { caseId, hearingId } = await hearingFor('2027-02-26', '2027-04-01');
    const planned = await notices(hearingId);
    expect(Object.keys(planned).sort()).toEqual([
      'hearing_date_to_officer@2027-03-01',
      'officer_notice@2027-03-01',
      'officer_response_due@2027-03-19',
      'panel_reminder@2027-03-23',
      'public_notice@2027-03-23',
      'public_notice_removal@2027-04-02',
    ]);

    // the notices due today go out at once
    const sentToday = await eventually(
      async () => {
        const sent = await hearings.noticesSent(caseId);
        return sent.length === 2 ? sent : undefined;
      },
      { what: "today's notices" },
    );
    expect(sentToday).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Notice to the officer: documents supplied on 2027-02-26; the response \(reg 31\) is due by 2027-03-19/,
        ),
        'Notice to the officer of the misconduct hearing on 2027-04-01.',
      ]),
    );
    const now = await notices(hearingId);
    expect(now['public_notice@2027-03-23'].status).toBe('scheduled');

    // the later days arrive
    await hearings.arriveAll();
    await eventually(async () => (await hearings.noticesSent(caseId)).length === 6, { what: 'every notice' });
    const after = await notices(hearingId);
    expect(Object.values(after).every((n) => n.status === 'sent' && n.sentAt)).toBe(true);
    expect(await hearings.noticesSent(caseId)).toEqual(
      expect.arrayContaining([
        'Public notice of the misconduct hearing on 2027-04-01 published on the force website.',
        'Public notice of the misconduct hearing on 2027-04-01 removed: the hearing has been held.',
        'Reminder to the panel: the misconduct hearing sits on 2027-04-01.',
        "The officer's response under reg 31 is due today (2027-03-19).",
      ]),
    );
    const audited = await hearings.api.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM audit_events WHERE action = 'hearing.notice.send' AND entity_id = $1`,
      [hearingId],
    );
    expect(audited[0].count).toBe('6');
  });

  it('counts back over the late May bank holiday, and an adjournment cancels what has not gone out', async () => {
    const { api, investigator } = hearings;
    // the late May bank holiday is Monday 31 May 2027
    const { caseId, hearingId } = await hearingFor('2027-03-01', '2027-06-03');
    const planned = await notices(hearingId);
    expect(planned['public_notice@2027-05-26']).toBeDefined();
    expect(planned['panel_reminder@2027-05-26']).toBeDefined();
    expect(planned['public_notice_removal@2027-06-04']).toBeDefined();
    await eventually(async () => (await hearings.noticesSent(caseId)).length === 2, {
      what: "today's notices",
    });

    await post(`/api/hearings/${hearingId}/adjournments`, investigator, {
      reason: 'The officer is unwell; a medical certificate was provided.',
    }).expect(201);
    const view = await api.http().get(`/api/hearings/${hearingId}`).set(investigator.auth).expect(200);
    expect(view.body).toMatchObject({ status: 'awaiting_date', scheduledOn: null });
    expect(view.body.history.map((h: { kind: string; date: string }) => `${h.kind} ${h.date}`)).toEqual([
      'proposed 2027-06-03',
      'fixed 2027-06-03',
      'adjourned 2027-06-03',
    ]);
    const after = await notices(hearingId);
    expect(after['public_notice@2027-05-26'].status).toBe('cancelled');
    expect(after['officer_response_due@2027-03-22'].status).toBe('scheduled');

    await hearings.arriveAll();
    await eventually(
      async () => (await notices(hearingId))['officer_response_due@2027-03-22'].status === 'sent',
      {
        what: 'the response reminder',
      },
    );
    // cancelled notices never reach the timeline
    const sent = await hearings.noticesSent(caseId);
    expect(sent).toHaveLength(3);
    expect(sent.join('\n')).not.toMatch(/Public notice/);
    const timeline = await api.http().get(`/api/cases/${caseId}/timeline`).set(investigator.auth).expect(200);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toContain('hearing_adjourned');
  });
});
