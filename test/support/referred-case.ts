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
