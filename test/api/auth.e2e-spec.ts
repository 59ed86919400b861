import { startTestApi, TestApi } from '../support/test-api';

describe('sign-in, tokens and roles', () => {
  let api: TestApi;

  beforeAll(async () => {
    // lock after 4 failures so the test does not wait out the full slowing schedule
    process.env.LOGIN_LOCK_AFTER = '4';
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('signs in and returns a token that GET /api/me accepts', async () => {
    const user = await api.signedIn(['investigator'], { team: 'north' });
    const me = await api.http().get('/api/me').set(user.auth).expect(200);
    expect(me.body).toEqual({
      id: user.id,
      username: user.username,
      displayName: user.username,
      roles: ['investigator'],
      team: 'north',
    });
    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password });
    expect(login.status).toBe(200);
    expect(login.body.tokenType).toBe('Bearer');
    expect(login.body.expiresIn).toBeGreaterThan(60);
  });

  it('answers 401 in the one error shape for a wrong password, and the same for an unknown user', async () => {
    const user = await api.signedIn(['investigator']);
    const wrong = await api
      .http()
      .post('/api/auth/login')
      .send({ username: user.username, password: 'not it' });
    const unknown = await api
      .http()
      .post('/api/auth/login')
      .send({ username: 'nobody.here', password: 'not it' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'invalid_credentials',
      message: expect.stringContaining('username or password is not right'),
      requestId: expect.any(String),
    });
    expect({ ...unknown.body, requestId: '' }).toEqual({ ...wrong.body, requestId: '' });
    expect(wrong.headers['x-request-id']).toBe(wrong.body.requestId);
  });

  it('locks a username after repeated failures, with the same answer whether or not it exists', async () => {
    const user = await api.signedIn(['investigator']);
    const attempt = (username: string, password = 'wrong password') =>
      api.http().post('/api/auth/login').send({ username, password });
    for (const username of [user.username, 'ghost.user']) {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt(username)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    }
    // locked: even the right password is refused until the lock runs out
    const locked = await attempt(user.username, user.password);
    const ghost = await attempt('ghost.user');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('sign_in_locked');
    expect(locked.body.message).toMatch(/Try again after \d\d:\d\d/);
    expect(ghost.body.message).toBe(locked.body.message);
  });

  it('refuses a request without a token (401) and a role the user lacks (403)', async () => {
    const none = await api.http().get('/api/me').expect(401);
    expect(none.body.code).toBe('not_signed_in');
    const investigator = await api.signedIn(['investigator']);
    const refused = await api.http().get('/api/users').set(investigator.auth).expect(403);
    expect(refused.body).toMatchObject({
      statusCode: 403,
      code: 'role_required',
      details: { requiredRoles: ['admin'] },
    });
    const admin = await api.signedIn(['admin']);
    await api.http().get('/api/users').set(admin.auth).expect(200);
  });

  it('revokes a token on logout', async () => {
    const user = await api.signedIn(['investigator']);
    await api.http().post('/api/auth/logout').set(user.auth).expect(204);
    await api.http().get('/api/me').set(user.auth).expect(401);
  });

  it('rejects unknown fields and lists each failing field, with no stack trace', async () => {
    const admin = await api.signedIn(['admin']);
    const response = await api
      .http()
      .post('/api/users')
      .set(admin.auth)
      .send({ username: 'x', password: 'short', roles: ['judge'], shoeSize: 9 })
      .expect(400);
    const fields = (response.body.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'roles', 'shoeSize']));
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/);
    expect(response.body.message).toMatch(/fields to correct/);
  });

  it('answers an unknown route in the error shape', async () => {
    const response = await api.http().get('/api/nothing-here').expect(404);
    expect(response.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      requestId: expect.any(String),
    });
  });
});
