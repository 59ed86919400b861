import type { Principal } from '../auth/principal';
import type { Role } from '../users/role';
import { caseAccessReason, CaseAccessFacts } from './case-access.rules';

function person(roles: Role[], team: string | null = 'north'): Principal {
  return { userId: 'u1', username: 'u', displayName: 'U', roles, team, sessionId: 's' };
}

const otherCase: CaseAccessFacts = {
  assignedInvestigatorId: 'u2',
  team: 'south',
  panelMemberIds: [],
  grantedUserIds: [],
  restricted: false,
};

describe('case access policy', () => {
  it('lets an investigator open cases assigned to them', () => {
    expect(caseAccessReason(person(['investigator']), { ...otherCase, assignedInvestigatorId: 'u1' })).toBe(
      'assigned_investigator',
    );
  });

  it("lets an investigator open their team's cases, but not restricted ones", () => {
    expect(caseAccessReason(person(['investigator']), { ...otherCase, team: 'north' })).toBe(
      'investigation_team',
    );
    expect(
      caseAccessReason(person(['investigator']), { ...otherCase, team: 'north', restricted: true }),
    ).toBeNull();
  });

  it("refuses an investigator another team's case", () => {
    expect(caseAccessReason(person(['investigator']), otherCase)).toBeNull();
  });

  it('lets a panel member open only the cases whose panel they sit on', () => {
    expect(caseAccessReason(person(['panel_member']), otherCase)).toBeNull();
    expect(caseAccessReason(person(['panel_member']), { ...otherCase, panelMemberIds: ['u1'] })).toBe(
      'panel_member',
    );
  });

  it('lets a senior officer open cases granted to them only', () => {
    expect(caseAccessReason(person(['senior_officer']), otherCase)).toBeNull();
    expect(caseAccessReason(person(['senior_officer']), { ...otherCase, grantedUserIds: ['u1'] })).toBe(
      'granted',
    );
  });

  it('lets a second investigator or a legal adviser open a restricted case granted to them', () => {
    const restricted = { ...otherCase, restricted: true, grantedUserIds: ['u1'] };
    expect(caseAccessReason(person(['investigator']), restricted)).toBe('granted');
    expect(caseAccessReason(person(['appropriate_authority']), restricted)).toBe('granted');
  });

  it('gives nothing through a grant to someone with no role that reads cases', () => {
    expect(caseAccessReason(person(['admin']), { ...otherCase, grantedUserIds: ['u1'] })).toBeNull();
    expect(caseAccessReason(person(['access_manager']), { ...otherCase, grantedUserIds: ['u1'] })).toBeNull();
  });

  it('does not let an administrator read case content on that role alone', () => {
    expect(caseAccessReason(person(['admin']), { ...otherCase, team: 'north' })).toBeNull();
    expect(
      caseAccessReason(person(['admin', 'investigator']), { ...otherCase, assignedInvestigatorId: 'u1' }),
    ).toBe('assigned_investigator');
  });

  it('lets the appropriate authority open unrestricted cases', () => {
    expect(caseAccessReason(person(['appropriate_authority']), otherCase)).toBe('appropriate_authority');
    expect(
      caseAccessReason(person(['appropriate_authority']), { ...otherCase, restricted: true }),
    ).toBeNull();
  });
});
