import type { SignedInUser, TestApi } from './test-api';

/** The seats of a misconduct hearing's panel (the 7 May 2024 model), in the order they are filled. */
export const HEARING_SEATS = [
  'chair',
  'independent_member',
  'lay_member',
  'legally_qualified_adviser',
] as const;

/** One pool member for each hearing seat, in HEARING_SEATS order, with an address when one is given. */
export async function hearingPanelPool(
  api: TestApi,
  authority: SignedInUser,
  people: readonly { name: string; email?: string }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, role] of HEARING_SEATS.entries()) {
    const response = await api
      .http()
      .post('/api/panel-members')
      .set(authority.auth)
      .send({ ...people[i], roles: [role] })
      .expect(201);
    ids.push(response.body.id as string);
  }
  return ids;
}

export interface FixedHearingOptions {
  /** The day the documents reached the officer: the notice periods count from it. */
  documentsSuppliedOn: string;
  date: string;
  place: { venue: string } | { remoteLink: string };
  /** The officer, when the spec needs one on the case (for their email address). */
  subject?: Record<string, unknown>;
}

/**
 * A case taken through the API to a misconduct hearing fixed for `date` at 09:30, with the given
 * pool members seated: recorded by the investigator, assessed as gross misconduct and referred by
 * the appropriate authority. Only what the notice specs need: no allegations, conduct or evidence.
 */
export async function fixedHearing(
  api: TestApi,
  people: { authority: SignedInUser; investigator: SignedInUser },
  panel: readonly string[],
  options: FixedHearingOptions,
): Promise<{ caseId: string; hearingId: string }> {
  const { authority, investigator } = people;
  const post = (path: string, user: SignedInUser, body: object) =>
    api.http().post(path).set(user.auth).send(body);
  const created = await post('/api/cases', investigator, {
    source: 'line_manager',
    receivedAt: '2026-11-02',
    summary: 'Offensive post shared to a public page.',
  }).expect(201);
  const caseId = created.body.id as string;
  if (options.subject) await post(`/api/cases/${caseId}/subjects`, investigator, options.subject).expect(201);
  const current = await api.http().get(`/api/cases/${caseId}`).set(authority.auth).expect(200);
  await post(`/api/cases/${caseId}/assessment`, authority, {
    severity: 'gross_misconduct',
    rationale: 'Discriminatory post, identifiable as police.',
    version: current.body.version,
  }).expect(201);
  for (const to of ['assessed', 'investigating', 'referred_to_hearing']) {
    await post(`/api/cases/${caseId}/transitions`, authority, { to, reason: `moving to ${to}` }).expect(201);
  }
  const hearing = await post('/api/hearings', investigator, {
    caseId,
    documentsSuppliedOn: options.documentsSuppliedOn,
  }).expect(201);
  const hearingId = hearing.body.id as string;
  await post(`/api/hearings/${hearingId}/proposed-date`, investigator, {
    date: options.date,
    startsAt: '09:30',
    ...options.place,
  }).expect(201);
  for (const [i, role] of HEARING_SEATS.entries()) {
    await post(`/api/hearings/${hearingId}/panel`, investigator, { panelMemberId: panel[i], role }).expect(
      201,
    );
  }
  await post(`/api/hearings/${hearingId}/fixed-date`, investigator, {}).expect(201);
  return { caseId, hearingId };
}
