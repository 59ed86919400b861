import { startTestApi, TestApi } from '../support/test-api';

describe('user administration', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('lets an administrator change roles and team, audited', async () => {
    const admin = await api.signedIn(['admin']);
    const user = await api.signedIn(['investigator'], { team: 'north' });
    const response = await api
      .http()
      .patch(`/api/users/${user.id}`)
      .set(admin.auth)
      .send({ roles: ['investigator', 'appropriate_authority'], team: 'south' })
      .expect(200);
    expect(response.body).toMatchObject({ roles: ['investigator', 'appropriate_authority'], team: 'south' });
    const me = await api.http().get('/api/me').set(user.auth).expect(200);
    expect(me.body.roles).toEqual(['investigator', 'appropriate_authority']);
    const [event] = await api.dataSource.query<{ details: string }[]>(
      `SELECT details FROM audit_events WHERE action = 'user.update' AND entity_id = $1`,
      [user.id],
    );
    expect(JSON.parse(event.details).changed).toEqual(['roles', 'team']);
  });

  it('ends a disabled user’s sessions at once and refuses their sign-in', async () => {
    const admin = await api.signedIn(['admin']);
    const user = await api.signedIn(['investigator']);
    await api.http().patch(`/api/users/${user.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    await api.http().get('/api/me').set(user.auth).expect(401);
    await api
      .http()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(401);
  });

  it('answers 404 for an unknown user and lists the allowed roles for an unknown one', async () => {
    const admin = await api.signedIn(['admin']);
    await api
      .http()
      .patch('/api/users/00000000-0000-4000-8000-000000000000')
      .set(admin.auth)
      .send({ team: 'x' })
      .expect(404);
    const bad = await api
      .http()
      .patch(`/api/users/${admin.id}`)
      .set(admin.auth)
      .send({ roles: ['superuser'] })
      .expect(400);
    expect(bad.body.details.fields[0].message).toContain('admin, investigator, appropriate_authority');
  });
});
