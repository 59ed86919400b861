import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HEARINGS_QUEUE, PUBLICATION_SCHEDULER } from '@precedent/hearings';
import { dataSourceOptions } from '@precedent/platform';
import { TestClock } from '../support/test-clock';
import { eventually, jobSchedulers, startTestWorker } from '../support/test-worker';

/**
 * The worker's hourly sweep marks published entries whose period has ended as withdrawn (the public
 * site already hides them by date); the rows stay, and the sweep is audited.
 */
describe('withdrawing ended publications, through the worker', () => {
  const clock = new TestClock();
  let db: DataSource;
  let worker: INestApplication | undefined;

  beforeAll(async () => {
    db = new DataSource({
      ...dataSourceOptions({ DATABASE_URL: process.env.DATABASE_URL! }, { poolSize: 1 }),
    });
    await db.initialize();
  });
  afterAll(async () => {
    await worker?.close();
    await db?.destroy();
  });

  async function entry(removeOn: string): Promise<string> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO published_notices (kind, forum, hearing_on, conduct, outcome, outcome_summary, publish_from, remove_on)
       VALUES ('outcome_report', 'Misconduct hearing', '2027-01-06', 'Fictional conduct.', 'dismissal without notice', 'Fictional reasons.', '2027-01-06', $1)
       RETURNING id`,
      [removeOn],
    );
    return row.id;
  }

  it('runs at once and every hour, withdrawing only what has ended', async () => {
    clock.setToday('2027-02-03');
    const ended = await entry('2027-02-03');
    const current = await entry('2027-02-04');

    worker = await startTestWorker({ clock });
    const schedulers = await jobSchedulers(HEARINGS_QUEUE);
    expect(schedulers).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: PUBLICATION_SCHEDULER, every: 60 * 60_000 })]),
    );
    await eventually(
      async () =>
        (
          await db.query(`SELECT 1 FROM published_notices WHERE id = $1 AND withdrawn_at IS NOT NULL`, [
            ended,
          ])
        ).length === 1,
      { what: 'the ended entry to be withdrawn' },
    );
    const rows = await db.query<{ id: string; withdrawn_reason: string | null }[]>(
      `SELECT id, withdrawn_reason FROM published_notices ORDER BY remove_on`,
    );
    expect(rows).toEqual([
      { id: ended, withdrawn_reason: 'period_ended' },
      { id: current, withdrawn_reason: null },
    ]);
    const audit = await db.query<{ actor_name: string; details: string }[]>(
      `SELECT actor_name, details FROM audit_events WHERE action = 'publication.withdraw_ended'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_name).toBe('system:publication');
    expect(JSON.parse(audit[0].details)).toEqual({ publishedNoticeIds: [ended], today: '2027-02-03' });
  });
});
