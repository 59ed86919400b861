import { panelConflicts, type ConflictFacts } from './panel-conflict.rules';
import { sittingOf } from './sitting-time.rules';

const none: ConflictFacts = {
  memberUserId: 'u1',
  caseParticipants: [],
  recordedParts: [],
  managedSubjects: [],
  unavailableOn: [],
  otherBookings: [],
  sitting: sittingOf('misconduct_hearing', '2027-01-12', '10:00', null),
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
      otherBookings: [
        { hearingId: 'h2', sitting: sittingOf('misconduct_hearing', '2027-01-12', null, null) },
      ],
    });
    expect(conflicts.map((c) => c.rule)).toEqual(['line_management', 'unavailable', 'double_booking']);
    expect(conflicts[2].message).toContain('h2');
  });

  it('ignores unavailability on other days', () => {
    expect(panelConflicts({ ...none, unavailableOn: ['2027-01-13'] })).toEqual([]);
  });

  it('lets a member sit on a morning meeting and an afternoon one the same day, not on overlapping ones', () => {
    const morning = sittingOf('misconduct_meeting', '2027-01-12', '09:00', null); // 09:00-12:30
    const afternoon = sittingOf('misconduct_meeting', '2027-01-12', '13:30', 180);
    expect(
      panelConflicts({ ...none, sitting: afternoon, otherBookings: [{ hearingId: 'am', sitting: morning }] }),
    ).toEqual([]);
    const overlapping = sittingOf('misconduct_meeting', '2027-01-12', '12:00', 60);
    const [conflict] = panelConflicts({
      ...none,
      sitting: overlapping,
      otherBookings: [{ hearingId: 'am', sitting: morning }],
    });
    expect(conflict.rule).toBe('double_booking');
    expect(conflict.message).toContain('from 09:00 to 12:30');
    expect(conflict.message).toContain('choose another member or another time');
  });

  it('treats back-to-back sittings as free: the end is exclusive', () => {
    const first = sittingOf('misconduct_meeting', '2027-01-12', '09:00', 120);
    const second = sittingOf('misconduct_meeting', '2027-01-12', '11:00', 120);
    expect(
      panelConflicts({ ...none, sitting: second, otherBookings: [{ hearingId: 'x', sitting: first }] }),
    ).toEqual([]);
  });

  it('ignores bookings on another day and blocks the whole day when a start time is unknown', () => {
    const otherDay = sittingOf('misconduct_hearing', '2027-01-13', '10:00', null);
    expect(panelConflicts({ ...none, otherBookings: [{ hearingId: 'x', sitting: otherDay }] })).toEqual([]);
    const unknownStart = sittingOf('misconduct_meeting', '2027-01-12', null, null);
    expect(
      panelConflicts({
        ...none,
        sitting: unknownStart,
        otherBookings: [
          { hearingId: 'y', sitting: sittingOf('misconduct_meeting', '2027-01-12', '16:00', 30) },
        ],
      }).map((c) => c.rule),
    ).toEqual(['double_booking']);
  });

  it('refuses an unavailable part of a day only when it overlaps the sitting', () => {
    const periods = [{ date: '2027-01-12', from: '13:00', to: '17:00' }];
    const morning = sittingOf('misconduct_meeting', '2027-01-12', '09:00', 180);
    expect(panelConflicts({ ...none, sitting: morning, unavailablePeriods: periods })).toEqual([]);
    const [conflict] = panelConflicts({ ...none, unavailablePeriods: periods }); // 10:00-17:00
    expect(conflict.rule).toBe('unavailable');
    expect(conflict.message).toContain('from 13:00 to 17:00');
  });

  it('uses the forum default length: a full day for a hearing, half a day for a meeting', () => {
    expect(sittingOf('misconduct_hearing', '2027-01-12', '09:30', null)).toEqual({
      date: '2027-01-12',
      startMinute: 570,
      endMinute: 990,
    });
    expect(sittingOf('misconduct_meeting', '2027-01-12', '09:30', null).endMinute).toBe(780);
    expect(sittingOf('misconduct_meeting', '2027-01-12', '22:00', 240).endMinute).toBe(1440);
  });
});
