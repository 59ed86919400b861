import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { PrecedentHarvest } from '@precedent/network';
import { databaseUrl } from '../support/databases';
import { cli, createDatabase, listen, tamperingProxy } from '../support/precedent-network';
import { acceleratedDismissal } from '../support/referred-case';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { TestClock } from '../support/test-clock';
import { eventually } from '../support/test-worker';

type Auth = { Authorization: string };

const STAFF_NUMBER = '77813';
const REPORTER = { name: 'Insp. Casey Example', contact: 'casey.example@force.example' };

describe('the precedent network: two instances share precedents through signed feeds', () => {
  // both instances on a day in the past, so the command line (on the real clock) takes the dates too
  const clock = new TestClock();
  const proxyState = { tamper: false };
  let a: TestApi;
  let b: TestApi;
  let portA = 0;
  let authority: SignedInUser;
  let investigator: SignedInUser;
  let analystB: SignedInUser;
  let adminB: SignedInUser;
  let envB: Record<string, string>;
  let token = '';
  let caseId = '';
  let reference = '';
  let subjectId = '';
  let internalRef = '';
  const servers: Server[] = [];

  const post = (api: TestApi, path: string, user: { auth: Auth }, body: object) =>
    api.http().post(path).set(user.auth).send(body);

  beforeAll(async () => {
    clock.setToday('2026-05-21');
    const keys = await cli(['network', 'keys']);
    expect(keys.status).toBe(0);
    const signingKey = /^NETWORK_SIGNING_KEY=(\S+)$/m.exec(keys.stdout)![1];
    const publicKey = keys.stdout.trim().split('\n').at(-1)!;
    expect(keys.stdout).toMatch(/^Key [0-9a-f]{16}\.$/m);

    a = await startTestApi({ clock, env: { FORCE_CODE: 'leicestershire', NETWORK_SIGNING_KEY: signingKey } });
    await a.app.listen(0, '127.0.0.1');
    portA = (a.app.getHttpServer().address() as AddressInfo).port;
    const issued = await cli(['network', 'token', 'issue', '--peer', 'kent']);
    expect(issued.status).toBe(0);
    token = issued.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^pnt_/);

    const proxy = tamperingProxy(() => portA, proxyState);
    // a peer that never answers, and one whose address answers nothing: neither holds up A's harvest
    const silent = createServer(() => undefined);
    const closed = createServer();
    servers.push(proxy, silent, closed);
    const [proxyPort, silentPort, closedPort] = await Promise.all([proxy, silent, closed].map(listen));
    await new Promise((resolve) => closed.close(resolve));
    const peer = (force: string, port: number) => ({
      force,
      url: `http://127.0.0.1:${port}/exchange/v1/precedents`,
      keys: [publicKey],
      token: force === 'leicestershire' ? token : 'pnt_not-a-real-token-of-theirs',
    });
    const name = `precedent_${process.env.TEST_RUN_ID}_${randomBytes(4).toString('hex')}_peer_b_test`;
    await createDatabase(name);
    envB = {
      DATABASE_URL: databaseUrl(name),
      FORCE_CODE: 'kent',
      PEERS: JSON.stringify([
        peer('leicestershire', proxyPort),
        peer('essex', silentPort),
        peer('surrey', closedPort),
      ]),
      NETWORK_PULL_TIMEOUT_SECONDS: '2',
    };
    b = await startTestApi({ clock, env: { ...envB, NETWORK_PULL_TIMEOUT_SECONDS: 2 } as never });
    await b.app.listen(0, '127.0.0.1');

    authority = await a.signedIn(['appropriate_authority']);
    investigator = await a.signedIn(['investigator'], { team: 'west' });
    analystB = await b.signedIn(['investigator']);
    adminB = await b.signedIn(['admin']);
  });
  afterAll(async () => {
    for (const server of servers) server.closeAllConnections?.();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await b?.close();
    await a?.close();
  });

  it('opens the feed only to a token this force issued, and reads the cursor as a number only', async () => {
    await a.http().get('/exchange/v1/precedents').expect(401);
    await a.http().get('/exchange/v1/precedents').set('Authorization', 'Bearer pnt_guessed').expect(401);
    // a staff member's own session opens nothing here
    await a.http().get('/exchange/v1/precedents').set(authority.auth).expect(401);
    const bad = await a
      .http()
      .get('/exchange/v1/precedents?after=1;DROP')
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
    expect(bad.body.message).toMatch(/after must be/);
    const empty = await a
      .http()
      .get('/exchange/v1/precedents')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(empty.body).toEqual({
      formatVersion: 1,
      force: 'leicestershire',
      after: '0',
      next: '0',
      more: false,
      records: [],
    });
    expect(empty.headers['precedent-signature']).toMatch(/^[0-9a-f]{16}:[A-Za-z0-9_-]+$/);
  });

  it("A records an outcome; B pulls it through the command line; B's comparables include A's precedent", async () => {
    ({ caseId, reference, subjectId, internalRef } = await acceleratedDismissal(
      a,
      { investigator, authority },
      {
        receivedAt: '2025-11-02',
        documentsSuppliedOn: '2026-05-07',
        sitsOn: '2026-05-21',
        staffNumber: STAFF_NUMBER,
        reporter: REPORTER,
        conduct: CONDUCT,
      },
    ));
    // the store's own ref is opaque (issue 14), and the feed serves yet another one: its feed ref
    expect(internalRef).not.toContain(reference);
    const feed = await a
      .http()
      .get('/exchange/v1/precedents?after=0')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(feed.body.records).toHaveLength(1);
    expect(feed.body.records[0]).toMatchObject({
      force: 'leicestershire',
      outcome: 'dismissal_without_notice',
    });
    expect(feed.body.records[0].ref).toMatch(/^leicestershire:[0-9a-f-]{36}$/);
    // nothing in the feed leads back to the officer, the reporter or the case
    const text = feed.text;
    for (const secret of [
      STAFF_NUMBER,
      'Robin',
      'Fictional',
      REPORTER.name,
      'Casey',
      REPORTER.contact,
      reference,
      caseId,
      internalRef,
    ])
      expect(text).not.toContain(secret);

    const pulled = await cli(['network', 'pull', '--force', 'leicestershire'], envB);
    expect(pulled.stdout).toBe('leicestershire: 1 page(s), 1 imported, 0 updated.\n');
    expect(pulled.status).toBe(0);

    const [copy] = await b.dataSource.query<
      { ref: string; source: string; case_id: string | null; outcome: string }[]
    >(`SELECT ref, source, case_id, outcome FROM precedents WHERE force = 'leicestershire'`);
    expect(copy).toEqual({
      ref: feed.body.records[0].ref,
      source: 'imported',
      case_id: null,
      outcome: 'dismissal_without_notice',
    });
    const items = await comparablesAtB('dismissal_without_notice');
    expect(items).toEqual([
      expect.objectContaining({
        ref: copy.ref,
        force: 'leicestershire',
        outcome: 'dismissal_without_notice',
      }),
    ]);
    expect(items[0].caseId).toBeUndefined();
  });

  it("refuses and reports a tampered page at B, imports nothing of it, and the other peers' trouble holds up none", async () => {
    await post(a, `/api/cases/${caseId}/appeals`, investigator, {
      subjectId,
      lodgedOn: '2026-05-21',
      grounds: ['unreasonable'],
      details: 'The officer says dismissal was unreasonable on the facts found.',
    }).expect(201);
    const appeals = await a.http().get(`/api/cases/${caseId}/outcome`).set(authority.auth).expect(200);
    const appealId = appeals.body.items[0].appeals[0].id as string;
    await post(a, `/api/cases/${caseId}/appeals/${appealId}/decision`, authority, {
      result: 'outcome_varied',
      variedOutcome: 'final_written_warning',
      reasons: 'The tribunal substituted a final written warning: the officer admitted at once.',
    }).expect(201);

    proxyState.tamper = true;
    const results = await b.app.get(PrecedentHarvest).pull();
    const byForce = Object.fromEntries(results.map((r) => [r.force, r]));
    expect(byForce.leicestershire).toMatchObject({ ok: false, refused: true, imported: 0, updated: 0 });
    expect(byForce.leicestershire.error).toMatch(/failed its signature check/);
    expect(byForce.essex).toMatchObject({
      ok: false,
      refused: false,
      error: 'the feed did not answer within 2 s',
    });
    expect(byForce.surrey).toMatchObject({ ok: false, refused: false });
    expect(byForce.surrey.error).toMatch(/could not be reached/);

    const [copy] = await b.dataSource.query<{ outcome: string }[]>(
      `SELECT outcome FROM precedents WHERE force = 'leicestershire'`,
    );
    expect(copy.outcome).toBe('dismissal_without_notice');
    const [state] = await b.dataSource.query<
      { refused_pages: number; failures: number; last_error: string }[]
    >(`SELECT refused_pages, failures, last_error FROM network_harvests WHERE peer_force = 'leicestershire'`);
    expect(state).toMatchObject({ refused_pages: 1, failures: 1 });
    // failing peers wait out their backoff: the scheduled harvest passes them over for now
    expect(await b.app.get(PrecedentHarvest).pull({ dueOnly: true })).toEqual([]);

    const page = await adminPageAtB();
    expect(page).toContain('Precedent network');
    expect(page).toContain('failed its signature check');
    expect(page).toMatch(/leicestershire[\s\S]*failing/);
    const analyst = await b.http().get('/admin/network').set(analystB.auth);
    expect(analyst.status).not.toBe(200);
  });

  it("B's copy follows A's appeal once the page arrives intact, and pulling again changes nothing", async () => {
    proxyState.tamper = false;
    const [result] = await b.app.get(PrecedentHarvest).pull({ force: 'leicestershire' });
    expect(result).toMatchObject({ ok: true, pages: 1, imported: 0, updated: 1, error: null });
    const copies = await b.dataSource.query<{ outcome: string; record: { stages: unknown[] } }[]>(
      `SELECT outcome, record FROM precedents WHERE force = 'leicestershire'`,
    );
    expect(copies).toHaveLength(1);
    expect(copies[0].outcome).toBe('final_written_warning');
    expect(copies[0].record.stages).toContainEqual({ stage: 'appeal', outcome: 'final_written_warning' });
    expect(await comparablesAtB('final_written_warning')).toEqual([
      expect.objectContaining({ force: 'leicestershire', outcome: 'final_written_warning' }),
    ]);

    const [again] = await b.app.get(PrecedentHarvest).pull({ force: 'leicestershire' });
    expect(again).toMatchObject({ ok: true, imported: 0, updated: 0 });
    const page = await adminPageAtB();
    expect(page).toMatch(/leicestershire[\s\S]*up to date/);
  });

  it('rotates the key with an overlap, and a revoked token no longer opens the feed', async () => {
    const current = /^NETWORK_SIGNING_KEY=(\S+)$/m.exec((await cli(['network', 'keys'])).stdout)![1];
    const rotated = await cli(['network', 'keys'], {
      NETWORK_SIGNING_KEY: current,
      NETWORK_KEY_OVERLAP_DAYS: '14',
    });
    expect(rotated.status).toBe(0);
    // the command runs on the real clock: the overlap ends 14 days from the real today
    const until = new Date(Date.now() + 14 * 86_400_000).toLocaleDateString('en-CA', {
      timeZone: 'Europe/London',
    });
    expect(rotated.stdout).toContain(
      `NETWORK_PREVIOUS_SIGNING_KEY=${current}\nNETWORK_PREVIOUS_KEY_UNTIL=${until}\n`,
    );
    expect(/^NETWORK_SIGNING_KEY=(\S+)$/m.exec(rotated.stdout)![1]).not.toBe(current);

    const revoked = await cli(['network', 'token', 'revoke', '--peer', 'kent']);
    expect(revoked.stdout).toBe('1 token(s) of kent revoked.\n');
    await a.http().get('/exchange/v1/precedents').set('Authorization', `Bearer ${token}`).expect(401);
    const audited = await a.dataSource.query<{ action: string; details: string }[]>(
      `SELECT action, details FROM audit_events WHERE action LIKE 'network.%' ORDER BY id`,
    );
    expect(audited.map((event) => ({ action: event.action, details: JSON.parse(event.details) }))).toEqual([
      { action: 'network.token.issue', details: { peerForce: 'kent' } },
      { action: 'network.token.revoke', details: { peerForce: 'kent', tokens: [expect.any(String)] } },
    ]);
    expect(JSON.stringify(audited)).not.toContain(token);
  });

  /** B's comparables once its index has caught up with the store (it reloads in the background). */
  async function comparablesAtB(outcome: string) {
    return eventually(
      async () => {
        const answer = await b
          .http()
          .post('/api/analytics/comparables')
          .set(analystB.auth)
          .send({
            profile: {
              subject: { role: 'constable', formerOfficer: false },
              conduct: [CONDUCT],
              standards: ['discreditable_conduct'],
            },
            k: 5,
          })
          .expect(200);
        const items = answer.body.items as { ref: string; force: string; outcome: string; caseId?: string }[];
        return items.some((item) => item.outcome === outcome) ? items : undefined;
      },
      { what: `B's comparables with a ${outcome}` },
    );
  }

  async function adminPageAtB(): Promise<string> {
    const agent = request.agent(b.app.getHttpServer());
    const signIn = await agent.get('/sign-in').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)![1];
    await agent
      .post('/sign-in')
      .type('form')
      .send({ username: adminB.username, password: adminB.password, _csrf: csrf })
      .expect(303);
    const page = await agent.get('/admin/network').set('Accept', 'text/html').expect(200);
    return page.text;
  }
});

/** The conduct at A, and the profile B asks comparables for; the officer's name and number are in the words. */
const CONDUCT = {
  platform: 'whatsapp',
  audience: 'direct_message',
  audienceSize: 1,
  text: `fictional threatening words, signed Robin Fictional ${STAFF_NUMBER}`,
  categories: ['violent_or_threatening'],
  targets: [],
  offDuty: false,
  participation: 'author',
};
