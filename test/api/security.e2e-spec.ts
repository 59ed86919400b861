import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Clock, Env } from '@precedent/platform';
import { closeQuietly, startTestApi, TestApi, SignedInUser } from '../support/test-api';
import { runCli } from '../support/cli';

/** Issue 14 items 2, 3, 8 and the smaller API ones, each shown against a running API. */
describe('security of the staff API and pages', () => {
  let api: TestApi;
  let investigator: SignedInUser;
  let authority: SignedInUser;
  let today: string;

  beforeAll(async () => {
    api = await startTestApi();
    investigator = await api.signedIn(['investigator'], { team: 'north' });
    authority = await api.signedIn(['appropriate_authority']);
    today = api.app.get(Clock).today();
  });
  afterAll(() => api.close());

  async function newCase(
    summary = 'Fictional: comments about a colleague in a group chat.',
    extra: object = {},
  ): Promise<string> {
    const created = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({ source: 'line_manager', receivedAt: today, summary, ...extra })
      .expect(201);
    return created.body.id as string;
  }

  /** A browser signed in through the web form, with its cookies. */
  async function browserOf(user: SignedInUser) {
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

  async function listReads(actorId: string, action: string) {
    const rows = await api.dataSource.query<{ details: string }[]>(
      `SELECT details FROM audit_events WHERE actor_id = $1 AND action = $2 ORDER BY id`,
      [actorId, action],
    );
    return rows.map((row) => JSON.parse(row.details) as { ids: string[]; total: number; searched?: boolean });
  }

  describe('a panel member changes only their own availability (item 2)', () => {
    it("answers 404 for another member's diary, and lets the member and the pool's managers change it", async () => {
      const alice = await api.signedIn(['panel_member']);
      const bob = await api.signedIn(['panel_member']);
      const admin = await api.signedIn(['admin']);
      const member = async (name: string, userId: string) =>
        (
          await api
            .http()
            .post('/api/panel-members')
            .set(authority.auth)
            .send({ name, roles: ['lay_member'], userId })
            .expect(201)
        ).body.id as string;
      const aliceId = await member('Alice Lay', alice.id);
      const bobId = await member('Bob Lay', bob.id);
      const put = (id: string, who: SignedInUser) =>
        api
          .http()
          .put(`/api/panel-members/${id}/availability`)
          .set(who.auth)
          .send({ unavailableOn: [today] });
      await put(bobId, alice).expect(404);
      const bobs = await api.http().get('/api/panel-members').set(authority.auth).expect(200);
      expect(bobs.body.items.find((m: { id: string }) => m.id === bobId).unavailableOn).toEqual([]);
      await put(aliceId, alice).expect(200);
      await put(bobId, authority).expect(200);
      await put(aliceId, admin).expect(200);
    });
  });

  describe('list reads are audited, one event a request with the ids returned (item 3)', () => {
    it('audits GET /api/cases with and without a search', async () => {
      const id = await newCase('Fictional: a zebra-striped mug with an offensive slogan.');
      const before = (await listReads(investigator.id, 'case.list')).length;
      const all = await api.http().get('/api/cases').set(investigator.auth).expect(200);
      const found = await api.http().get('/api/cases?q=zebra').set(investigator.auth).expect(200);
      expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
      const reads = (await listReads(investigator.id, 'case.list')).slice(before);
      expect(reads).toEqual([
        { ids: all.body.items.map((c: { id: string }) => c.id), total: all.body.total, searched: false },
        { ids: [id], total: 1, searched: true },
      ]);
      // the search words are not written to the audit trail
      expect(JSON.stringify(reads)).not.toContain('zebra');
    });

    it('audits the web case list and My work', async () => {
      // an IOPC referral to decide puts the case on My work
      const id = await newCase(undefined, { iopcReferralRequired: true });
      const browser = await browserOf(investigator);
      await browser.get('/cases').expect(200);
      const [listed] = (await listReads(investigator.id, 'case.list')).slice(-1);
      expect(listed.ids).toContain(id);
      const listsBefore = (await listReads(investigator.id, 'case.list')).length;
      await browser.get('/').set('Accept', 'text/html').expect(200);
      const myWork = await listReads(investigator.id, 'case.list.my_work');
      expect(myWork).toHaveLength(1);
      // My work counts the open cases for its link: one event for what it shows, not a second list read
      expect(await listReads(investigator.id, 'case.list')).toHaveLength(listsBefore);
      expect(myWork[0].ids).toContain(id);
    });
  });

  describe('the case page shows only messages the server produced (item 8)', () => {
    it('shows no text from the address, and a fixed sentence for a known code', async () => {
      const id = await newCase();
      const browser = await browserOf(investigator);
      const lure = 'Call 0800 000 000 and give your password';
      for (const name of ['uploadError', 'error', 'notice']) {
        const page = await browser.get(`/cases/${id}?${name}=${encodeURIComponent(lure)}`).expect(200);
        expect(page.text).not.toContain('0800 000 000');
        expect(page.text).not.toContain('govuk-error-summary');
      }
      const notice = await browser.get(`/cases/${id}?notice=upload-too-large`).expect(200);
      expect(notice.text).toContain('The file is larger than this service accepts. Nothing was stored.');
    });

    it('sends a refused upload back with a code, not its text', async () => {
      const id = await newCase();
      const browser = await browserOf(investigator);
      const page = await browser.get(`/cases/${id}`).expect(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      const refused = await browser
        .post(`/cases/${id}/evidence`)
        .field('_csrf', csrf)
        .field('description', 'No file attached')
        .expect(303);
      expect(refused.headers.location).toBe(`/cases/${id}?notice=upload-missing#evidence`);
    });
  });

  describe('smaller ones (item 9)', () => {
    it('answers a repeated filter with 400 and a sentence, in the API and the web list', async () => {
      const apiAnswer = await api.http().get('/api/cases?q=a&q=b').set(investigator.auth).expect(400);
      expect(apiAnswer.body.message).toEqual(expect.any(String));
      const browser = await browserOf(investigator);
      const web = await browser.get('/cases?q=a&q=b').expect(400);
      expect(web.text).toContain('Each filter can be given once.');
    });

    it('names every request on the server, keeping a client-chosen id out of the audit trail', async () => {
      const chosen = 'attacker-chosen-request-0001';
      const created = await api
        .http()
        .post('/api/cases')
        .set(investigator.auth)
        .set('X-Request-Id', chosen)
        .send({
          source: 'line_manager',
          receivedAt: today,
          summary: 'Fictional: a request id chosen by the client.',
        })
        .expect(201);
      expect(created.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const [event] = await api.dataSource.query<{ request_id: string }[]>(
        `SELECT request_id FROM audit_events WHERE entity_id = $1 AND action = 'case.record'`,
        [created.body.id],
      );
      expect(event.request_id).toBe(created.headers['x-request-id']);
      expect(event.request_id).not.toBe(chosen);
    });

    it('sends cookies over HTTPS only when the public address is https, whatever NODE_ENV says', async () => {
      const https = await startTestApi({
        env: { NODE_ENV: 'development', PUBLIC_URL: 'https://precedent.force.example' },
      });
      try {
        const user = await https.signedIn(['investigator']);
        const page = await request(https.app.getHttpServer()).get('/sign-in').expect(200);
        const pageCookies = page.headers['set-cookie'] as unknown as string[];
        expect(pageCookies.length).toBeGreaterThan(0);
        for (const cookie of pageCookies) expect(cookie).toMatch(/; Secure/);
        // a browser sends Secure cookies back over HTTPS only; supertest speaks http, so by hand
        const signedIn = await request(https.app.getHttpServer())
          .post('/sign-in')
          .set('Cookie', pageCookies.map((cookie) => cookie.split(';')[0]).join('; '))
          .type('form')
          .send({
            username: user.username,
            password: user.password,
            _csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1],
          })
          .expect(303);
        const session = (signedIn.headers['set-cookie'] as unknown as string[]).find((c) =>
          c.startsWith('precedent_session='),
        );
        expect(session).toMatch(/; Secure/);
      } finally {
        await closeQuietly(https.app);
      }
    });

    it('refuses `cli demo` on a production system, creating no published administrator', () => {
      const secrets = {
        SESSION_SECRET: 'a'.repeat(40),
        REPORTING_ENCRYPTION_KEY: 'b'.repeat(40),
        REPORTING_LOOKUP_KEY: 'c'.repeat(40),
      };
      for (const env of [
        { NODE_ENV: 'production' },
        { PUBLIC_URL: 'https://precedent.force.example' },
      ] as Record<string, string>[]) {
        const result = runCli(['demo'], { ...secrets, ...env });
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('The demo is not loaded here: this is a production system');
      }
    });

    it('leaves no demo administrator behind', async () => {
      const admins = await api.dataSource.query(`SELECT id FROM users WHERE username = 'admin'`);
      expect(admins).toEqual([]);
    });

    it('deletes a staged upload when the request is refused, and sweeps staging left from before a start', async () => {
      const id = await newCase();
      const staging = join(api.app.get(Env).EVIDENCE_DIR, 'staging');
      const staged = async () => (await readdir(staging).catch(() => [] as string[])).length;
      const before = await staged();
      await api
        .http()
        .post(`/api/cases/${id}/evidence`)
        .set(investigator.auth)
        .attach('file', Buffer.from('Fictional chat line: see you at the station.\n'), 'chat.txt')
        .field('sourceUrl', 'not a link')
        .expect(400);
      expect(await staged()).toBe(before);

      // an upload a stopped process left behind, two hours old
      await mkdir(staging, { recursive: true });
      const orphan = join(staging, randomUUID());
      await writeFile(orphan, 'left behind');
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
      await utimes(orphan, twoHoursAgo, twoHoursAgo);
      const restarted = await startTestApi();
      try {
        await expect(stat(orphan)).rejects.toThrow();
      } finally {
        await closeQuietly(restarted.app);
      }
    });
  });
});
