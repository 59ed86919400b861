import { startTestApi, TestApi } from '../support/test-api';

describe('GET /api/calendar/working-days', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers the Nth working day after a date, across Christmas', async () => {
    const user = await api.signedIn(['investigator']);
    const response = await api
      .http()
      .get('/api/calendar/working-days')
      .query({ from: '2026-12-23', add: 5 })
      .set(user.auth)
      .expect(200);
    expect(response.body).toEqual({ date: '2027-01-04' });
  });

  it('names a malformed date', async () => {
    const user = await api.signedIn(['investigator']);
    const response = await api
      .http()
      .get('/api/calendar/working-days')
      .query({ from: '23/12/2026', add: 5 })
      .set(user.auth)
      .expect(400);
    expect(response.body.details.fields).toEqual([
      { field: 'from', message: 'from must be a date as YYYY-MM-DD' },
    ]);
  });
});
