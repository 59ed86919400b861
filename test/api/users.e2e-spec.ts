import request from 'supertest';
import { SignedInUser, startTestApi, TestApi } from '../support/test-api';

/** A browser signed in through the web form, with its cookies. */
async function webAgent(api: TestApi, user: SignedInUser) {
  const agent = request.agent(api.app.getHttpServer());
  const page = await agent.get('/sign-in').expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
  await agent
    .post('/sign-in')
    .type('form')
    .send({ username: user.username, password: user.password, _csrf: csrf })
    .expect(303);
  return agent;
}

describe('user administration', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('lets an administrator change roles and team, audited; a role that reads cases waits for a second', async () => {
    const admin = await api.signedIn(['admin']);
    const second = await api.signedIn(['admin']);
    const user = await api.signedIn(['investigator'], { team: 'north' });
    const response = await api
      .http()
      .patch(`/api/users/${user.id}`)
      .set(admin.auth)
      .send({ roles: ['investigator', 'appropriate_authority'], team: 'south' })
      .expect(200);
    expect(response.body).toMatchObject({
      roles: ['investigator'],
      awaitingApproval: ['appropriate_authority'],
      team: 'south',
    });
    const [waiting] = (await api.http().get('/api/users/role-approvals').set(second.auth).expect(200)).body
      .items as { id: string }[];
    await api.http().post(`/api/users/role-approvals/${waiting.id}/approve`).set(second.auth).expect(200);
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

  describe('roles that read case content (issue 14 item 9)', () => {
    it('holds back a role an administrator gives themselves until a second administrator approves it', async () => {
      const admin = await api.signedIn(['admin']);
      const second = await api.signedIn(['admin']);
      const given = await api
        .http()
        .patch(`/api/users/${admin.id}`)
        .set(admin.auth)
        .send({ roles: ['admin', 'investigator', 'access_manager'] })
        .expect(200);
      // a role that reads no case content takes effect at once; one that does waits
      expect(given.body).toMatchObject({
        roles: ['admin', 'access_manager'],
        awaitingApproval: ['investigator'],
      });
      expect((await api.http().get('/api/me').set(admin.auth).expect(200)).body.roles).not.toContain(
        'investigator',
      );
      const pending = await api.http().get('/api/users/role-approvals').set(admin.auth).expect(200);
      const request = (
        pending.body.items as { id: string; userId: string; role: string; requestedBy: string }[]
      ).find((a) => a.userId === admin.id)!;
      expect(request).toMatchObject({ role: 'investigator', requestedBy: admin.id });

      // not by the one who asked (here also the user): 403, nothing changes
      const self = await api
        .http()
        .post(`/api/users/role-approvals/${request.id}/approve`)
        .set(admin.auth)
        .expect(403);
      expect(self.body.message).toContain('another administrator must approve it');
      expect((await api.http().get('/api/me').set(admin.auth).expect(200)).body.roles).not.toContain(
        'investigator',
      );
      // nor by someone who is not an administrator
      const investigator = await api.signedIn(['investigator']);
      await api
        .http()
        .post(`/api/users/role-approvals/${request.id}/approve`)
        .set(investigator.auth)
        .expect(403);

      // a second administrator approves: the role holds from now on
      const approved = await api
        .http()
        .post(`/api/users/role-approvals/${request.id}/approve`)
        .set(second.auth)
        .expect(200);
      expect(approved.body).toMatchObject({ awaitingApproval: [] });
      expect((await api.http().get('/api/me').set(admin.auth).expect(200)).body.roles).toContain(
        'investigator',
      );
      // decided once
      await api.http().post(`/api/users/role-approvals/${request.id}/approve`).set(second.auth).expect(404);

      const events = await api.dataSource.query<{ action: string; actor_id: string }[]>(
        `SELECT action, actor_id FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 AND action LIKE 'user.role_%' ORDER BY id`,
        [admin.id],
      );
      expect(events).toEqual([
        { action: 'user.role_requested', actor_id: admin.id },
        { action: 'user.role_approved', actor_id: second.id },
      ]);
    });

    it('creates a user without a case role until it is approved, and lets a refusal withdraw it', async () => {
      const admin = await api.signedIn(['admin']);
      const second = await api.signedIn(['admin']);
      const created = await api
        .http()
        .post('/api/users')
        .set(admin.auth)
        .send({ username: 'second.account', password: 'long enough password', roles: ['senior_officer'] })
        .expect(201);
      expect(created.body).toMatchObject({ roles: [], awaitingApproval: ['senior_officer'] });
      const pending = await api.http().get('/api/users/role-approvals').set(second.auth).expect(200);
      const request = (pending.body.items as { id: string; userId: string }[]).find(
        (a) => a.userId === created.body.id,
      )!;
      const refused = await api
        .http()
        .post(`/api/users/role-approvals/${request.id}/refuse`)
        .set(second.auth)
        .expect(200);
      expect(refused.body).toMatchObject({ roles: [], awaitingApproval: [] });
    });

    it('shows the waiting roles on the administration page, where a second administrator approves', async () => {
      const admin = await api.signedIn(['admin']);
      const second = await api.signedIn(['admin']);
      const user = await api.signedIn(['investigator']);
      await api
        .http()
        .patch(`/api/users/${user.id}`)
        .set(admin.auth)
        .send({ roles: ['investigator', 'panel_member'] })
        .expect(200);
      const [request] = await api.dataSource.query<{ id: string }[]>(
        `SELECT id FROM role_approvals WHERE user_id = $1 AND decided_at IS NULL`,
        [user.id],
      );
      const agent = await webAgent(api, second);
      const page = await agent.get('/admin').expect(200);
      expect(page.text).toContain('Roles waiting for a second administrator');
      expect(page.text).toContain(`Approve panel member for ${user.username}`);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      await agent
        .post(`/admin/role-approvals/${request.id}/approve`)
        .type('form')
        .send({ _csrf: csrf })
        .expect(303);
      expect((await api.http().get('/api/me').set(user.auth).expect(200)).body.roles).toEqual([
        'investigator',
        'panel_member',
      ]);
      // the one who asked sees only "Refuse" on their own requests
      await api
        .http()
        .patch(`/api/users/${user.id}`)
        .set(admin.auth)
        .send({ roles: ['investigator', 'panel_member', 'senior_officer'] })
        .expect(200);
      const own = await (await webAgent(api, admin)).get('/admin').expect(200);
      expect(own.text).toContain(`Refuse senior officer for ${user.username}`);
      expect(own.text).not.toContain(`Approve senior officer for ${user.username}`);
    });
  });
});
