import { startTestApi, TestApi } from '../support/test-api';

describe('GET /health', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('reports the database, Redis and the outbox without signing in', async () => {
    const response = await api.http().get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'up' }, redis: { status: 'up' }, outbox: { pending: 0 } },
    });
  });

  it('serves the OpenAPI document', async () => {
    const response = await api.http().get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/audit']),
    );
  });
});
