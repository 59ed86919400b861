import { AnonymousChannel, blankScreenshot, startAnonymousChannel } from '../support/anonymous-channel';
import type { SignedInUser } from '../support/test-api';
import { SAMPLE_REPORT } from '../support/test-reporter';
import { eventually } from '../support/test-worker';

interface NotificationRow {
  id: string;
  audience: string;
  recipient_id: string | null;
  kind: string;
  subject_type: string;
  subject_id: string;
  read_at: Date | null;
}

describe("a reporter's reply notifies PSD through the outbox and the worker", () => {
  let channel: AnonymousChannel;
  let investigator: SignedInUser;

  beforeAll(async () => {
    channel = await startAnonymousChannel();
    investigator = await channel.api.signedIn(['investigator'], { team: 'north' });
  });
  afterAll(() => channel.close());

  const db = () => channel.dataSource;

  it('tells the inbox when there is no case, and the assigned investigator when there is, once an hour at most', async () => {
    const { api, reporter, authority, reportIdOf } = channel;
    const loose = 'Offensive comments under a force Facebook post';
    const withCase = 'A constable sharing extremist videos';
    const looseAuth = await reporter.signIn(await reporter.submit({ ...SAMPLE_REPORT, summary: loose }));
    const caseAuth = await reporter.signIn(await reporter.submit({ ...SAMPLE_REPORT, summary: withCase }));
    const looseId = await reportIdOf(loose);
    const caseReportId = await reportIdOf(withCase);
    const made = await api
      .http()
      .post(`/api/anonymous-reports/${caseReportId}/case`)
      .set(authority.auth)
      .send({ assignedInvestigatorId: investigator.id, team: 'north' })
      .expect(201);

    await reporter
      .http()
      .post('/api/report/messages')
      .set(looseAuth)
      .send({ body: 'One more thing.' })
      .expect(201);
    await reporter
      .http()
      .post('/api/report/messages')
      .set(caseAuth)
      .send({ body: 'He posted again.' })
      .expect(201);
    await reporter.http().post('/api/report/messages').set(caseAuth).send({ body: 'And again.' }).expect(201);
    const png = await blankScreenshot();
    await reporter
      .http()
      .post('/api/report/attachments')
      .set(caseAuth)
      .attach('file', png, { filename: 'shot.png' })
      .expect(201);

    // the outbox rows: dated to the hour, due at the next hour, one job id per report and hour
    const rows = (await db().query(
      `SELECT job_id, payload, created_at, delay_until FROM outbox_messages WHERE queue = 'reporting' ORDER BY id`,
    )) as { job_id: string; payload: { reportId: string }; created_at: Date; delay_until: Date }[];
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.created_at.getTime() % 3_600_000).toBe(0);
      expect(row.delay_until.getTime() - row.created_at.getTime()).toBe(3_600_000);
      expect(Object.keys(row.payload)).toEqual(['reportId']);
    }
    expect(new Set(rows.map((r) => r.job_id)).size).toBe(2);
    expect(await db().query(`SELECT count(*)::int AS n FROM staff_notifications`)).toEqual([{ n: 0 }]);

    // the hour has passed
    await db().query(`UPDATE outbox_messages SET delay_until = now() WHERE queue = 'reporting'`);
    await channel.startWorker();

    const notifications = await eventually(
      async () => {
        const found = (await db().query(
          `SELECT id, audience, recipient_id, kind, subject_type, subject_id, read_at FROM staff_notifications ORDER BY subject_id`,
        )) as NotificationRow[];
        return found.length === 2 ? found : null;
      },
      { what: 'two notifications' },
    );
    const byReport = new Map(notifications.map((n) => [n.subject_id, n]));
    expect(byReport.get(looseId)).toMatchObject({
      audience: 'anonymous_inbox',
      recipient_id: null,
      kind: 'anonymous_report.reply',
      subject_type: 'anonymous_report',
      read_at: null,
    });
    expect(byReport.get(caseReportId)).toMatchObject({
      audience: 'user',
      recipient_id: investigator.id,
      kind: 'anonymous_report.reply',
    });
    expect(made.body.caseId).toEqual(expect.any(String));

    // audited as the system, with ids only
    const audit = (await db().query(
      `SELECT actor_name, entity_id, details::jsonb AS details FROM audit_events
        WHERE action = 'anonymous_report.reply_notified' ORDER BY entity_id`,
    )) as { actor_name: string; entity_id: string; details: Record<string, unknown> }[];
    expect(audit).toHaveLength(2);
    for (const event of audit) {
      expect(event.actor_name).toBe('system:reporting');
      expect(event.details).toEqual({
        notificationId: byReport.get(event.entity_id)!.id,
        recipientId: byReport.get(event.entity_id)!.recipient_id,
      });
    }
    // nothing the reporter wrote went anywhere but the sealed message
    const everything = JSON.stringify(
      await db().query(`SELECT n.*, a.details FROM staff_notifications n, audit_events a`),
    );
    for (const words of ['One more thing', 'He posted again', 'And again'])
      expect(everything).not.toContain(words);
  });
});
