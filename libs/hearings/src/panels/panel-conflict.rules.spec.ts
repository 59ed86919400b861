import { panelConflicts, type ConflictFacts } from './panel-conflict.rules';

const none: ConflictFacts = {
  memberUserId: 'u1',
  caseParticipants: [],
  recordedParts: [],
  managedSubjects: [],
  unavailableOn: [],
  otherBookings: [],
  hearingDate: '2027-01-12',
};

describe('panel conflicts', () => {
  it('finds none for an unconnected, free member', () => {
    expect(panelConflicts(none)).toEqual([]);
  });

  it('refuses the investigator, the assessor and the person who recorded the case, naming the part', () => {
    const [conflict] = panelConflicts({
      ...none,
      caseParticipants: [
        { userId: 'u1', part: 'investigated' },
        { userId: 'u1', part: 'reported' },
        { userId: 'u2', part: 'assessed' },
      ],
    });
    expect(conflict.rule).toBe('took_part_in_case');
    expect(conflict.message).toContain('investigated, reported');
    expect(conflict.message).not.toContain('assessed');
  });

  it('counts recorded parts even for a member without an account', () => {
    const conflicts = panelConflicts({ ...none, memberUserId: null, recordedParts: ['witness'] });
    expect(conflicts.map((c) => c.rule)).toEqual(['took_part_in_case']);
  });

  it('refuses line management, unavailability and double booking, each with its reason', () => {
    const conflicts = panelConflicts({
      ...none,
      managedSubjects: ['leicestershire 4821'],
      unavailableOn: ['2027-01-12'],
      otherBookings: [{ hearingId: 'h2', date: '2027-01-12' }],
    });
    expect(conflicts.map((c) => c.rule)).toEqual(['line_management', 'unavailable', 'double_booking']);
    expect(conflicts[2].message).toContain('h2');
  });

  it('ignores unavailability on other days', () => {
    expect(panelConflicts({ ...none, unavailableOn: ['2027-01-13'] })).toEqual([]);
  });
});
