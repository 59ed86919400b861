import type { INestApplication } from '@nestjs/common';
import { OutboxRelay, QueueRegistry } from '@precedent/platform';
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

  // one worker for the file: the channel closes the one it started last
  let worker: INestApplication | undefined;
  const startedWorker = async () => (worker ??= await channel.startWorker());

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
    await startedWorker();

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

  it("keeps a reporter's notice in the outbox until it is due, so neither BullMQ nor the outbox dates the reply (item 5)", async () => {
    const { reporter, reportIdOf } = channel;
    const summary = 'A sergeant posting custody photos on Instagram';
    const auth = await reporter.signIn(await reporter.submit({ ...SAMPLE_REPORT, summary }));
    const reportId = await reportIdOf(summary);
    await reporter.http().post('/api/report/messages').set(auth).send({ body: 'Timing probe.' }).expect(201);
    const [row] = (await db().query(
      `SELECT id, job_id FROM outbox_messages WHERE queue = 'reporting' AND payload->>'reportId' = $1`,
      [reportId],
    )) as { id: string; job_id: string }[];

    // not due: due at the next hour, which may be seconds away, so put it a whole hour off for the check
    // (an hour on the application's clock, which the relay reads, not the database's now())
    await db().query(`UPDATE outbox_messages SET delay_until = $2 WHERE id = $1`, [
      row.id,
      new Date(Date.now() + 3_600_000),
    ]);
    // a relay pass leaves it where it is, and BullMQ has never seen it
    const app = await startedWorker();
    await app.get(OutboxRelay).relayOnce();
    const queue = app.get(QueueRegistry).get('reporting');
    expect(await queue.getJob(row.job_id)).toBeUndefined();
    expect(await db().query(`SELECT dispatched_at FROM outbox_messages WHERE id = $1`, [row.id])).toEqual([
      { dispatched_at: null },
    ]);

    // due: handed over, its dispatch recorded to the hour, the job added no earlier than it was due
    await db().query(`UPDATE outbox_messages SET delay_until = $2 WHERE id = $1`, [row.id, new Date()]);
    const [{ due }] = (await db().query(`SELECT delay_until AS due FROM outbox_messages WHERE id = $1`, [
      row.id,
    ])) as { due: Date }[];
    const dispatched = await eventually(
      async () => {
        const [found] = (await db().query(`SELECT dispatched_at FROM outbox_messages WHERE id = $1`, [
          row.id,
        ])) as { dispatched_at: Date | null }[];
        return found.dispatched_at;
      },
      { what: 'the notice to be dispatched' },
    );
    expect(dispatched.getTime() % 3_600_000).toBe(0);
    const job = await queue.getJob(row.job_id);
    expect(job).toBeDefined();
    expect(job!.timestamp).toBeGreaterThanOrEqual(due.getTime());
    expect(job!.delay).toBe(0);
  });

  it('gives messages random ids and orders them within their report, and audits a staff message without its id (item 5)', async () => {
    const { api, reporter, authority, reportIdOf } = channel;
    const summary = 'A PCSO sharing a victim statement on TikTok';
    const auth = await reporter.signIn(await reporter.submit({ ...SAMPLE_REPORT, summary }));
    const reportId = await reportIdOf(summary);
    await api
      .http()
      .post(`/api/anonymous-reports/${reportId}/messages`)
      .set(authority.auth)
      .send({ body: 'Which account posted it?' })
      .expect(201);
    await reporter
      .http()
      .post('/api/report/messages')
      .set(auth)
      .send({ body: 'The second one.' })
      .expect(201);
    await api
      .http()
      .post(`/api/anonymous-reports/${reportId}/messages`)
      .set(authority.auth)
      .send({ body: 'Thank you.' })
      .expect(201);

    const messages = (await db().query(
      `SELECT id::text AS id, position, author FROM anonymous_report_messages WHERE report_id = $1 ORDER BY position`,
      [reportId],
    )) as { id: string; position: number; author: string }[];
    expect(messages.map((m) => [m.position, m.author])).toEqual([
      [1, 'psd'],
      [2, 'reporter'],
      [3, 'psd'],
    ]);
    for (const m of messages)
      expect(m.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const thread = await api.http().get(`/api/anonymous-reports/${reportId}`).set(authority.auth).expect(200);
    expect(JSON.stringify(thread.body)).toMatch(/Which account[\s\S]*The second one[\s\S]*Thank you/);

    const events = (await db().query(
      `SELECT details FROM audit_events WHERE action = 'anonymous_report.message' AND entity_id = $1`,
      [reportId],
    )) as { details: string | null }[];
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event.details ?? '').not.toMatch(/message/i);
      for (const m of messages) expect(event.details ?? '').not.toContain(m.id);
      expect(event.details ?? '').not.toMatch(/\d\d:\d\d/);
    }
  });
});
