/**
 * Why a panel member may not sit on a hearing (issue 6; domain.md §5): they took part in the case,
 * they are in the subject's line management, they are unavailable, or they are already booked.
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
  /** Days the member has said they cannot sit. */
  unavailableOn: readonly string[];
  /** Other hearings the member already sits on, on the same day. */
  otherBookings: readonly { hearingId: string; date: string }[];
  hearingDate: string | null;
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
  if (facts.hearingDate && facts.unavailableOn.includes(facts.hearingDate)) {
    conflicts.push({
      rule: 'unavailable',
      message: `This member has said they are unavailable on ${facts.hearingDate}.`,
    });
  }
  for (const booking of facts.otherBookings) {
    conflicts.push({
      rule: 'double_booking',
      message: `This member is already booked on another hearing (${booking.hearingId}) on ${booking.date}.`,
    });
  }
  return conflicts;
}
