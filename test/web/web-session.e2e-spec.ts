import request from 'supertest';
import { startTestApi, TestApi } from '../support/test-api';

/** A browser as supertest keeps one: cookies carried between requests. */
function browser(api: TestApi) {
  return request.agent(api.app.getHttpServer());
}

function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

describe('web sign-in with a session cookie and CSRF-protected forms', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('sends a browser that is not signed in to the sign-in page', async () => {
    const response = await browser(api).get('/').set('Accept', 'text/html').expect(303);
    expect(response.headers.location).toBe('/sign-in?next=%2F');
  });

  it('signs in through the form and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const user = await api.signedIn(['investigator']);
    const agent = browser(api);
    const page = await agent.get('/sign-in').expect(200);
    expect(page.text).toContain('Sign in to Precedent');
    expect(page.text).not.toMatch(/GOV\.UK - The best place/);
    const response = await agent
      .post('/sign-in')
      .type('form')
      .send({ username: user.username, password: user.password, _csrf: csrfFrom(page.text) })
      .expect(303);
    const session = (response.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('precedent_session='),
    );
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    const home = await agent.get('/').set('Accept', 'text/html').expect(200);
    expect(home.text).toContain(user.username);
    expect(home.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
  });

  it('refuses a form posted without its CSRF token, and one with a forged token', async () => {
    const user = await api.signedIn(['investigator']);
    const agent = browser(api);
    await agent.get('/sign-in').expect(200);
    const missing = await agent
      .post('/sign-in')
      .type('form')
      .send({ username: user.username, password: user.password });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_invalid');
    const forged = await agent
      .post('/sign-in')
      .type('form')
      .send({ username: user.username, password: user.password, _csrf: 'forged-token' });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('csrf_invalid');
  });

  it('shows a wrong password on the page, and signs out', async () => {
    const user = await api.signedIn(['investigator']);
    const agent = browser(api);
    const page = await agent.get('/sign-in');
    const wrong = await agent
      .post('/sign-in')
      .type('form')
      .send({ username: user.username, password: 'wrong', _csrf: csrfFrom(page.text) })
      .expect(401);
    expect(wrong.text).toContain('There is a problem');
    const retry = await agent
      .post('/sign-in')
      .type('form')
      .send({ username: user.username, password: user.password, _csrf: csrfFrom(wrong.text) })
      .expect(303);
    expect(retry.headers.location).toBe('/');
    const home = await agent.get('/').set('Accept', 'text/html').expect(200);
    await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfFrom(home.text) })
      .expect(303);
    await agent.get('/').set('Accept', 'text/html').expect(303);
  });

  it('does not accept the web session cookie on the JSON API', async () => {
    const user = await api.signedIn(['investigator']);
    const agent = browser(api);
    const page = await agent.get('/sign-in');
    await agent
      .post('/sign-in')
      .type('form')
      .send({ username: user.username, password: user.password, _csrf: csrfFrom(page.text) })
      .expect(303);
    await agent.get('/api/me').expect(401);
  });
});
