import { REPORTING_QUEUE, RETENTION_SCHEDULER } from '@precedent/reporting';
import { AnonymousChannel, blankScreenshot, startAnonymousChannel } from '../support/anonymous-channel';
import { SAMPLE_REPORT } from '../support/test-reporter';
import { eventually, jobSchedulers } from '../support/test-worker';

describe('retention of anonymous reports with no case', () => {
  let channel: AnonymousChannel;

  beforeAll(async () => {
    // a short period: one day
    process.env.REPORT_RETENTION_DAYS = '1';
    channel = await startAnonymousChannel();
  });
  afterAll(async () => {
    delete process.env.REPORT_RETENTION_DAYS;
    await channel.close();
  });

  const db = () => channel.dataSource;

  /** Makes a report's every row older, as if the days had passed. */
  async function age(id: string, days: number): Promise<void> {
    const by = `${days} days`;
    await db().query(`UPDATE anonymous_reports SET received_at = received_at - $2::interval WHERE id = $1`, [
      id,
      by,
    ]);
    await db().query(
      `UPDATE anonymous_report_messages SET sent_at = sent_at - $2::interval WHERE report_id = $1`,
      [id, by],
    );
    await db().query(
      `UPDATE anonymous_report_attachments SET received_at = received_at - $2::interval WHERE report_id = $1`,
      [id, by],
    );
  }

  it('deletes old reports with no case on a schedule, audits it without content, and keeps the rest', async () => {
    const { api, reporter, authority, reportIdOf } = channel;
    const png = await blankScreenshot();
    const stale = 'Stale report nobody turned into a case';
    const fresh = 'Fresh report from this morning';
    const linked = 'Old report that became a case';
    const talking = 'Old report whose reporter wrote today';
    const staleAuth = await reporter.signIn(await reporter.submit({ ...SAMPLE_REPORT, summary: stale }));
    await reporter
      .http()
      .post('/api/report/messages')
      .set(staleAuth)
      .send({ body: 'Secret detail QX-77' })
      .expect(201);
    await reporter
      .http()
      .post('/api/report/attachments')
      .set(staleAuth)
      .attach('file', png, { filename: 'a.png' })
      .expect(201);
    await reporter.submit({ ...SAMPLE_REPORT, summary: fresh });
    await reporter.submit({ ...SAMPLE_REPORT, summary: linked });
    const talkingReceipt = await reporter.submit({ ...SAMPLE_REPORT, summary: talking });

    const staleId = await reportIdOf(stale);
    const freshId = await reportIdOf(fresh);
    const linkedId = await reportIdOf(linked);
    const talkingId = await reportIdOf(talking);
    await api.http().post(`/api/anonymous-reports/${linkedId}/case`).set(authority.auth).send({}).expect(201);
    for (const id of [staleId, linkedId, talkingId]) await age(id, 3);
    // the reporter of the fourth writes now: its last activity is recent
    await reporter
      .http()
      .post('/api/report/messages')
      .set(await reporter.signIn(talkingReceipt))
      .send({ body: 'Still happening.' })
      .expect(201);

    await channel.startWorker();
    // the sweep is a repeating job, scheduled once, its first run at once
    const schedulers = await jobSchedulers(REPORTING_QUEUE);
    expect(schedulers).toEqual([expect.objectContaining({ key: RETENTION_SCHEDULER, every: 60 * 60_000 })]);

    await eventually(
      async () =>
        (await db().query(`SELECT 1 FROM anonymous_reports WHERE id = $1`, [staleId])).length === 0
          ? true
          : null,
      { what: 'the stale report to be deleted' },
    );
    const left = (await db().query(`SELECT id FROM anonymous_reports ORDER BY id`)) as { id: string }[];
    expect(left.map((r) => r.id).sort()).toEqual([freshId, linkedId, talkingId].sort());
    for (const table of ['anonymous_report_messages', 'anonymous_report_attachments', 'staff_notifications'])
      expect(
        await db().query(
          `SELECT count(*)::int AS n FROM ${table} WHERE ${table === 'staff_notifications' ? 'subject_id' : 'report_id'} = $1`,
          [staleId],
        ),
      ).toEqual([{ n: 0 }]);

    const audit = (await db().query(
      `SELECT actor_name, entity_type, entity_id, details::jsonb AS details FROM audit_events WHERE action = 'anonymous_report.deleted'`,
    )) as Record<string, unknown>[];
    expect(audit).toEqual([
      {
        actor_name: 'system:reporting-retention',
        entity_type: 'anonymous_report',
        entity_id: staleId,
        details: { reason: 'retention', retentionDays: 1, messages: 1, attachments: 1 },
      },
    ]);
    const everything = JSON.stringify(await db().query(`SELECT * FROM audit_events`));
    for (const words of [stale, 'Secret detail QX-77', SAMPLE_REPORT.details])
      expect(everything).not.toContain(words);

    // the code of a deleted report opens nothing
    await reporter.http().get('/api/report').set(staleAuth).expect(401);
  });
});
