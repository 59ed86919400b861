import {
  describeSitting,
  overlaps,
  periodSitting,
  type Sitting,
  type UnavailablePeriod,
} from './sitting-time.rules';

/**
 * Why a panel member may not sit on a hearing (issue 6; docs/domain.md §5): they took part in the case,
 * they are in the subject's line management, they are unavailable, or they are already booked.
 * Availability and bookings are compared as time intervals (sitting-time.rules), not whole days.
 */
export interface ConflictFacts {
  /** The member's user account, when they have one. */
  memberUserId: string | null;
  /** Users who took part in the case: investigated, assessed or recorded (reported) it. */
  caseParticipants: readonly { userId: string; part: 'investigated' | 'assessed' | 'reported' }[];
  /** Parts recorded against the member for this case (e.g. a witness statement), with what they did. */
  recordedParts: readonly string[];
  /** Subjects of the case this member line-manages, as recorded relationships (by force and staff number). */
  managedSubjects: readonly string[];
  /** Whole days the member has said they cannot sit. */
  unavailableOn: readonly string[];
  /** Parts of days the member has said they cannot sit. */
  unavailablePeriods?: readonly UnavailablePeriod[];
  /** Other hearings the member already sits on, with when they sit. */
  otherBookings: readonly { hearingId: string; sitting: Sitting }[];
  /** When this hearing sits; null while it has no date. */
  sitting: Sitting | null;
}

export interface PanelConflict {
  rule: 'took_part_in_case' | 'line_management' | 'unavailable' | 'double_booking';
  message: string;
}

export function panelConflicts(facts: ConflictFacts): PanelConflict[] {
  const conflicts: PanelConflict[] = [];
  const parts = new Set<string>(facts.recordedParts);
  if (facts.memberUserId) {
    for (const p of facts.caseParticipants) if (p.userId === facts.memberUserId) parts.add(p.part);
  }
  if (parts.size > 0) {
    conflicts.push({
      rule: 'took_part_in_case',
      message: `This member took part in the case (${[...parts].sort().join(', ')}) and cannot sit on its panel.`,
    });
  }
  for (const subject of facts.managedSubjects) {
    conflicts.push({
      rule: 'line_management',
      message: `This member is in the line management of ${subject}, a subject of the case, and cannot sit on its panel.`,
    });
  }
  const sitting = facts.sitting;
  if (!sitting) return conflicts;
  if (facts.unavailableOn.includes(sitting.date)) {
    conflicts.push({
      rule: 'unavailable',
      message: `This member has said they are unavailable on ${sitting.date}; choose another member or another day.`,
    });
  }
  for (const period of facts.unavailablePeriods ?? []) {
    const blocked = periodSitting(period);
    if (overlaps(sitting, blocked)) {
      conflicts.push({
        rule: 'unavailable',
        message: `This member is unavailable ${describeSitting(blocked)}, which overlaps the sitting ${describeSitting(sitting)}; choose another member or another time.`,
      });
    }
  }
  for (const booking of facts.otherBookings) {
    if (!overlaps(sitting, booking.sitting)) continue;
    conflicts.push({
      rule: 'double_booking',
      message: `This member is already booked on another hearing (${booking.hearingId}) ${describeSitting(booking.sitting)}, which overlaps this one ${describeSitting(sitting)}; choose another member or another time.`,
    });
  }
  return conflicts;
}
