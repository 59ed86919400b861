import type { SignedInUser, TestApi } from './test-api';

/** The words at issue in the referred case; comparables in the specs are made to match them. */
export const REFERRED_CONDUCT_TEXT = 'fictional derogatory words about a group, signed Jordan 4821';

/** The conduct item of the referred case, also the conduct of the comparable precedents the specs import. */
export const REFERRED_CONDUCT_ITEM = {
  platform: 'whatsapp',
  audience: 'private_group',
  audienceSize: 12,
  text: REFERRED_CONDUCT_TEXT,
  categories: ['discriminatory'],
  targets: ['race'],
  offDuty: true,
  participation: 'author',
};

/**
 * The body of `POST /api/cases/:id/outcome` for a dismissal at a hearing that found gross misconduct
 * in threats of violence, with the staged decision record and a departure from the comparables' band.
 */
export function dismissalOutcome(subjectId: string, allegationId: string, notifiedOn: string) {
  return {
    subjectId,
    findings: [{ allegationId, finding: 'gross_misconduct' }],
    notifiedOn,
    outcome: 'dismissal_without_notice',
    decision: {
      culpability: 'high',
      harm: 'high',
      aggravating: ['premeditation'],
      mitigating: [],
      purposes: ['public_confidence', 'protect_public'],
      outcomeRationale:
        'Threats of violence to the public: dismissal is the only outcome that protects them.',
      personalMitigationWeight: 'None was advanced.',
      reasons: 'Gross misconduct proven on the messages; the officer did not dispute them.',
    },
    departure: {
      factors: ['premeditation'],
      explanation: 'Planned threats are more serious than the comparables.',
    },
  };
}

export interface ReferredCase {
  id: string;
  reference: string;
  subjectId: string;
  allegationId: string;
}

/**
 * A case taken through the API to a referral, as the hearings specs need it: a line manager's report
 * of a derogatory WhatsApp comment by PC Jordan Fictional (leicestershire 4821), assessed as gross
 * misconduct after the mandatory IOPC referral decision, investigated and referred to a hearing.
 * The investigator records it (on their team), the appropriate authority decides and moves it on.
 */
export async function referredCase(
  api: TestApi,
  people: { investigator: SignedInUser; authority: SignedInUser },
  /** Who reported it, when a spec needs the reporter's details on the case. */
  reporter?: { name: string; contact: string },
): Promise<ReferredCase> {
  const { investigator, authority } = people;
  const post = (path: string, user: SignedInUser, body: object) =>
    api.http().post(path).set(user.auth).send(body);
  const created = await post('/api/cases', investigator, {
    source: 'line_manager',
    receivedAt: '2026-11-02',
    summary: 'Derogatory comments in a WhatsApp group of response officers.',
    ...(reporter ? { reporter } : {}),
  }).expect(201);
  const id = created.body.id as string;
  const subject = await post(`/api/cases/${id}/subjects`, investigator, {
    name: 'PC Jordan Fictional',
    staffNumber: '4821',
    role: 'constable',
    force: 'leicestershire',
  }).expect(201);
  const allegation = await post(`/api/cases/${id}/allegations`, investigator, {
    subjectId: subject.body.id,
    standards: ['equality_and_diversity', 'discreditable_conduct'],
    description: 'Posted a derogatory comment in the group.',
  }).expect(201);
  await post(`/api/cases/${id}/conduct-items`, investigator, REFERRED_CONDUCT_ITEM).expect(201);
  // Discriminatory conduct meets a mandatory IOPC referral criterion: the decision comes first.
  const current = await api.http().get(`/api/cases/${id}`).set(authority.auth).expect(200);
  const decided = await api
    .http()
    .patch(`/api/cases/${id}`)
    .set(authority.auth)
    .send({
      version: current.body.version,
      iopcReferralDecision: 'Referred to the IOPC; returned for local investigation.',
    })
    .expect(200);
  const assessed = await post(`/api/cases/${id}/assessment`, authority, {
    severity: 'gross_misconduct',
    rationale: 'Racist language in a group of serving officers.',
    // the conduct was off duty: the assessment carries the Article 10 balancing
    article10: {
      interference: 'Freedom of expression is engaged: the posts were made off duty.',
      prescribedByLaw: 'The Standards of Professional Behaviour in the Conduct Regulations.',
      legitimateAim: 'Public confidence in policing and the rights of others.',
      necessityAndProportionality:
        'Racist abuse by officers undermines confidence; no lesser step answers it.',
    },
    version: decided.body.version,
  }).expect(201);
  if (assessed.body.status !== 'received') {
    throw new Error(`The assessed case should still be received, not ${String(assessed.body.status)}`);
  }
  for (const to of ['assessed', 'investigating', 'referred_to_hearing']) {
    await post(`/api/cases/${id}/transitions`, authority, { to, reason: `moving to ${to}` }).expect(201);
  }
  return {
    id,
    reference: created.body.reference as string,
    subjectId: subject.body.id as string,
    allegationId: allegation.body.id as string,
  };
}

/** What an accelerated dismissal is about, and when it happens. */
export interface AcceleratedDismissalFacts {
  /** the hearing's day and the outcome's: a working day, 10 working days or more after `documentsSuppliedOn` */
  sitsOn: string;
  documentsSuppliedOn: string;
  receivedAt: string;
  staffNumber: string;
  /** the officer's email address, where the spec wants their outcome emailed */
  email?: string;
  reporter?: { name: string; contact: string };
  conduct: object;
}

/**
 * A case taken through the API to an accelerated hearing's dismissal: PC Robin Fictional of
 * Leicestershire sent threatening messages; gross misconduct, the special conditions certified, a
 * chief constable in the chair, and the dismissal recorded on the day the hearing sits.
 */
export async function acceleratedDismissal(
  a: TestApi,
  people: { investigator: SignedInUser; authority: SignedInUser },
  facts: AcceleratedDismissalFacts,
): Promise<{ caseId: string; reference: string; subjectId: string; hearingId: string; internalRef: string }> {
  const { investigator, authority } = people;
  const post = (path: string, user: SignedInUser, body: object) =>
    a.http().post(path).set(user.auth).send(body);
  const created = await post('/api/cases', investigator, {
    source: 'line_manager',
    receivedAt: facts.receivedAt,
    summary: 'Threats to a member of the public in private messages.',
    ...(facts.reporter ? { reporter: facts.reporter } : {}),
  }).expect(201);
  const caseId = created.body.id as string;
  const reference = created.body.reference as string;
  const subject = await post(`/api/cases/${caseId}/subjects`, investigator, {
    name: 'PC Robin Fictional',
    staffNumber: facts.staffNumber,
    role: 'constable',
    rank: 'PC',
    force: 'leicestershire',
    ...(facts.email ? { email: facts.email } : {}),
  }).expect(201);
  const subjectId = subject.body.id as string;
  const allegation = await post(`/api/cases/${caseId}/allegations`, investigator, {
    subjectId,
    standards: ['discreditable_conduct'],
    description: 'Sent threatening messages.',
  }).expect(201);
  await post(`/api/cases/${caseId}/conduct-items`, investigator, facts.conduct).expect(201);
  const current = await a.http().get(`/api/cases/${caseId}`).set(authority.auth).expect(200);
  await post(`/api/cases/${caseId}/assessment`, authority, {
    severity: 'gross_misconduct',
    rationale: 'Threats of violence; the evidence is the messages themselves.',
    version: current.body.version,
  }).expect(201);
  await post(`/api/cases/${caseId}/transitions`, authority, {
    to: 'assessed',
    reason: 'assessed',
  }).expect(201);
  await post(`/api/cases/${caseId}/transitions`, authority, {
    to: 'referred_to_accelerated_hearing',
    reason: 'The special conditions are met: the messages are conclusive.',
    specialConditionsCertified: true,
  }).expect(201);
  const chair = await post('/api/panel-members', authority, {
    name: 'Chief Constable',
    roles: ['chair'],
    rank: 'chief_constable',
    force: 'leicestershire',
  }).expect(201);
  const hearing = await post('/api/hearings', investigator, {
    caseId,
    documentsSuppliedOn: facts.documentsSuppliedOn,
    certifiedByUserId: authority.id,
  }).expect(201);
  const hearingId = hearing.body.id as string;
  await post(`/api/hearings/${hearingId}/proposed-date`, investigator, {
    date: facts.sitsOn,
    startsAt: '09:30',
    remoteLink: 'https://meet.example.org/accelerated',
  }).expect(201);
  await post(`/api/hearings/${hearingId}/panel`, investigator, {
    panelMemberId: chair.body.id,
    role: 'chair',
  }).expect(201);
  await post(`/api/hearings/${hearingId}/fixed-date`, investigator, {}).expect(201);
  const recorded = await post(
    `/api/cases/${caseId}/outcome`,
    authority,
    dismissalOutcome(subjectId, allegation.body.id as string, facts.sitsOn),
  ).expect(201);
  return { caseId, reference, subjectId, hearingId, internalRef: recorded.body.precedentRef as string };
}
