import { approvalRefusal, rolesAwaitingApproval } from './role-approval.rules';

describe('roles that wait for a second administrator', () => {
  it('holds back a new role that reads case content, and nothing else', () => {
    expect(rolesAwaitingApproval(['admin'], ['admin', 'investigator', 'access_manager'], 'a1')).toEqual([
      'investigator',
    ]);
    expect(rolesAwaitingApproval(['investigator'], ['investigator', 'senior_officer'], 'a1')).toEqual([
      'senior_officer',
    ]);
    expect(rolesAwaitingApproval(['investigator'], ['investigator'], 'a1')).toEqual([]);
  });

  it('asks nothing of the system itself (the CLI on the server)', () => {
    expect(rolesAwaitingApproval([], ['appropriate_authority'], null)).toEqual([]);
  });

  it('lets neither the one who asked nor the user themselves approve', () => {
    const request = { userId: 'u1', requestedBy: 'a1' };
    expect(approvalRefusal(request, 'a1')).toMatch(/another administrator must approve it/);
    expect(approvalRefusal({ userId: 'a2', requestedBy: 'a1' }, 'a2')).toMatch(/given to you/);
    expect(approvalRefusal(request, 'a2')).toBeNull();
  });
});
