import { randomUUID } from 'node:crypto';
import { AuditService, systemContext } from '@precedent/audit';
import { runCli } from '../support/cli';
import { startTestApi, TestApi } from '../support/test-api';

interface EventRow {
  id: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_id: string | null;
  request_id: string | null;
  result: string;
}

describe('the audit log', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const events = (action: string) =>
    api.dataSource.query<EventRow[]>(`SELECT * FROM audit_events WHERE action = $1 ORDER BY id`, [action]);

  it('writes an event for a change, in the same transaction, naming who, what and the request', async () => {
    const admin = await api.signedIn(['admin']);
    const created = await api
      .http()
      .post('/api/users')
      .set(admin.auth)
      .send({ username: 'inv.audited', password: 'long enough password', roles: ['investigator'] })
      .expect(201);
    const [event] = (await events('user.create')).filter((e) => e.entity_id === created.body.id);
    expect(event).toMatchObject({
      entity_type: 'user',
      actor_id: admin.id,
      result: 'success',
      request_id: created.headers['x-request-id'],
    });
  });

  it('writes nothing when the change fails', async () => {
    const admin = await api.signedIn(['admin']);
    const before = (await events('user.create')).length;
    await api
      .http()
      .post('/api/users')
      .set(admin.auth)
      .send({ username: admin.username, password: 'long enough password', roles: ['investigator'] })
      .expect(409);
    expect((await events('user.create')).length).toBe(before);
  });

  it('writes an event for a read, and lets an administrator read the events of a record', async () => {
    const admin = await api.signedIn(['admin']);
    const response = await api
      .http()
      .get('/api/audit')
      .query({ entityType: 'user', entityId: admin.id })
      .set(admin.auth)
      .expect(200);
    expect(response.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['user.create', 'auth.sign_in']),
    );
    const reads = await events('audit.read');
    expect(reads.at(-1)).toMatchObject({
      actor_id: admin.id,
      entity_id: admin.id,
      request_id: response.headers['x-request-id'],
    });
  });

  it('commits reads that arrive together as one chained group, each answered only once it is written', async () => {
    const audit = api.app.get(AuditService);
    const entityIds = Array.from({ length: 40 }, () => randomUUID());
    const written = await Promise.all(
      entityIds.map((entityId) =>
        audit.recordNow(systemContext('audit-test'), { action: 'test.read', entityType: 'test', entityId }),
      ),
    );
    const rows = await api.dataSource.query<{ id: string; entity_id: string; occurred_at: Date }[]>(
      `SELECT id, entity_id, occurred_at FROM audit_events WHERE action = 'test.read' ORDER BY id`,
    );
    // every caller's event is in the table, in the order they asked, with the id they were given
    expect(rows.map((row) => row.entity_id)).toEqual(entityIds);
    expect(written.map((event) => event.id)).toEqual(rows.map((row) => row.id));
    // fewer commits than events: they were grouped
    expect(new Set(rows.map((row) => row.occurred_at.getTime())).size).toBeLessThan(entityIds.length);
    expect(runCli(['audit', 'verify']).status).toBe(0);
  });

  it('fails only the event that cannot be written, not the others committed with it', async () => {
    const audit = api.app.get(AuditService);
    const context = systemContext('audit-test');
    const results = await Promise.allSettled([
      audit.recordNow(context, { action: 'test.group', entityType: 'test', entityId: randomUUID() }),
      // PostgreSQL refuses NUL in text
      audit.recordNow(context, { action: 'test.group', entityType: 'bad\u0000type' }),
      audit.recordNow(context, { action: 'test.group', entityType: 'test', entityId: randomUUID() }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await events('test.group')).toHaveLength(2);
    expect(runCli(['audit', 'verify']).status).toBe(0);
  });

  it('is refused to anyone but an administrator', async () => {
    const investigator = await api.signedIn(['investigator']);
    await api.http().get('/api/audit').query({ entityType: 'user' }).set(investigator.auth).expect(403);
  });

  it('cannot be changed or removed: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(api.dataSource.query(`UPDATE audit_events SET action = 'x' WHERE id = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(api.dataSource.query(`DELETE FROM audit_events WHERE id = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(api.dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('verifies the chain with `audit verify`, and names the first event tampered with', async () => {
    const intact = runCli(['audit', 'verify']);
    expect(intact.stderr).toBe('');
    expect(intact.status).toBe(0);
    const [{ count }] = await api.dataSource.query<{ count: string }[]>('SELECT count(*) FROM audit_events');
    expect(intact.stdout).toContain(`Audit chain intact: ${count} events verified.`);

    const [{ id }] = await api.dataSource.query<{ id: string }[]>(
      'SELECT id FROM audit_events ORDER BY id LIMIT 1 OFFSET 2',
    );
    // as a superuser could: switch the guard off, alter one event, switch it on again
    await api.dataSource.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete');
    await api.dataSource.query(`UPDATE audit_events SET actor_name = 'someone else' WHERE id = $1`, [id]);
    await api.dataSource.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete');

    const broken = runCli(['audit', 'verify']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`Audit chain BROKEN at event ${id}`);
    expect(broken.stdout).toContain('altered');
  });
});
