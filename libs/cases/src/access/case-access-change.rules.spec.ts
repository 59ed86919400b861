import {
  ACCESS_FIELDS_ELSEWHERE,
  grantInForce,
  IOPC_DECISION_IS_THE_AUTHORITYS,
  IOPC_WAIVER_IS_THE_AUTHORITYS,
  lockoutReason,
  mayDecideAccess,
  refusedCaseEdit,
  refusedGrant,
} from './case-access-change.rules';

describe('who decides who may open a case', () => {
  it('is the appropriate authority or an access manager, never an investigator or administrator', () => {
    expect(mayDecideAccess(['appropriate_authority'])).toBe(true);
    expect(mayDecideAccess(['access_manager'])).toBe(true);
    expect(mayDecideAccess(['investigator'])).toBe(false);
    expect(mayDecideAccess(['admin', 'senior_officer'])).toBe(false);
  });

  it('refuses access fields in an ordinary edit, for every role, naming the route', () => {
    for (const field of ['restricted', 'team', 'assignedInvestigatorId'] as const) {
      expect(refusedCaseEdit(['investigator'], { [field]: null })).toBe(ACCESS_FIELDS_ELSEWHERE);
      expect(refusedCaseEdit(['appropriate_authority'], { [field]: 'x' })).toBe(ACCESS_FIELDS_ELSEWHERE);
    }
    expect(ACCESS_FIELDS_ELSEWHERE).toContain('PUT /api/cases/{id}/access');
  });

  it("keeps the IOPC referral decision and its waiver the appropriate authority's", () => {
    expect(refusedCaseEdit(['investigator'], { iopcReferralDecision: 'Referred.' })).toBe(
      IOPC_DECISION_IS_THE_AUTHORITYS,
    );
    expect(refusedCaseEdit(['investigator'], { iopcReferralRequired: false })).toBe(
      IOPC_WAIVER_IS_THE_AUTHORITYS,
    );
    expect(refusedCaseEdit(['investigator'], { iopcReferralRequired: true })).toBeNull();
    expect(refusedCaseEdit(['appropriate_authority'], { iopcReferralDecision: 'Referred.' })).toBeNull();
    expect(refusedCaseEdit(['investigator'], {})).toBeNull();
  });
});

describe('no change leaves a case only its author can open', () => {
  const base = { restricted: true, assignedInvestigatorId: null, grantedUserIds: [], panelMemberIds: [] };

  it('lets an unrestricted case name nobody: the appropriate authority can open it', () => {
    expect(lockoutReason({ ...base, restricted: false }, 'me')).toBeNull();
  });

  it('refuses a restricted case that names only the person making the change', () => {
    expect(lockoutReason({ ...base, assignedInvestigatorId: 'me' }, 'me')).toMatch(/only you could open/);
    expect(lockoutReason({ ...base, grantedUserIds: ['me'] }, 'me')).toMatch(/only you could open/);
  });

  it('refuses a restricted case that names nobody', () => {
    expect(lockoutReason(base, 'me')).toMatch(/must name someone/);
  });

  it('accepts a restricted case that names someone else', () => {
    expect(
      lockoutReason({ ...base, assignedInvestigatorId: 'me', grantedUserIds: ['other'] }, 'me'),
    ).toBeNull();
    expect(lockoutReason({ ...base, panelMemberIds: ['other'] }, 'me')).toBeNull();
  });
});

describe('grants', () => {
  const grant = {
    granteeId: 'so',
    granteeRoles: ['senior_officer'] as const,
    granteeDisabled: false,
    until: '2026-12-31',
  };

  it('grants a case to someone with a case-reading role until a day not yet past', () => {
    expect(refusedGrant({ ...grant, granteeRoles: ['senior_officer'] }, 'aa', '2026-12-03')).toBeNull();
    expect(
      refusedGrant({ ...grant, granteeRoles: ['senior_officer'], until: '2026-12-03' }, 'aa', '2026-12-03'),
    ).toBeNull();
  });

  it('refuses a grant to oneself, to a disabled account, to a role that reads no case, or ending in the past', () => {
    expect(refusedGrant({ ...grant, granteeRoles: ['senior_officer'] }, 'so', '2026-12-03')).toMatch(
      /yourself/,
    );
    expect(
      refusedGrant({ ...grant, granteeRoles: ['senior_officer'], granteeDisabled: true }, 'aa', '2026-12-03'),
    ).toMatch(/disabled/);
    expect(refusedGrant({ ...grant, granteeRoles: ['admin'] }, 'aa', '2026-12-03')).toMatch(
      /no role that reads cases/,
    );
    expect(refusedGrant({ ...grant, granteeRoles: ['access_manager'] }, 'aa', '2026-12-03')).toMatch(
      /no role/,
    );
    expect(
      refusedGrant({ ...grant, granteeRoles: ['senior_officer'], until: '2026-12-02' }, 'aa', '2026-12-03'),
    ).toMatch(/today or later/);
  });

  it('is in force until the end of its last day, and never once revoked', () => {
    expect(grantInForce({ until: '2026-12-03', revokedAt: null }, '2026-12-03')).toBe(true);
    expect(grantInForce({ until: '2026-12-02', revokedAt: null }, '2026-12-03')).toBe(false);
    expect(grantInForce({ until: '2026-12-31', revokedAt: new Date() }, '2026-12-03')).toBe(false);
  });
});
