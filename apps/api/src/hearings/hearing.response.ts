import { durationOf } from '@precedent/hearings';
import type {
  Appeal,
  AllegationFinding,
  Hearing,
  HearingSeat,
  HearingView,
  OutcomeRecord,
  PanelMember,
  PanelRelationship,
} from '@precedent/hearings';

export function toHearingResponse(h: Hearing) {
  return {
    id: h.id,
    caseId: h.caseId,
    forum: h.forum,
    status: h.status,
    inPublic: h.inPublic,
    documentsSuppliedOn: h.documentsSuppliedOn,
    officerResponseDue: h.officerResponseDue,
    scheduledOn: h.scheduledOn,
    startsAt: h.startsAt,
    durationMinutes: durationOf(h),
    venue: h.venue,
    remoteLink: h.remoteLink,
    timeLimitExtensionReason: h.timeLimitExtensionReason,
    preHearing: {
      chairDocumentsSuppliedOn: h.chairDocumentsSuppliedOn,
      chairDate: h.preHearingChairDate,
      date: h.preHearingOn,
      startsAt: h.preHearingStartsAt,
      extensionReason: h.preHearingExtensionReason,
    },
    specialConditions:
      h.forum === 'accelerated_hearing'
        ? {
            certifiedByUserId: h.certifiedByUserId,
            certifiedByPanelMemberId: h.certifiedByPanelMemberId,
            chiefOfficerInterestedParty: h.chiefOfficerInterestedParty,
          }
        : null,
    version: h.version,
  };
}

export function toSeatResponse(s: HearingSeat & { panelMember?: PanelMember }) {
  return {
    id: s.id,
    panelMemberId: s.panelMemberId,
    role: s.role,
    ...(s.panelMember
      ? { name: s.panelMember.name, rank: s.panelMember.rank, force: s.panelMember.force }
      : {}),
  };
}

export function toHearingViewResponse(view: HearingView) {
  return {
    ...toHearingResponse(view.hearing),
    panel: view.seats.map(toSeatResponse),
    history: view.history.map((c) => ({
      kind: c.kind,
      date: c.date,
      startsAt: c.startsAt,
      venue: c.venue,
      remoteLink: c.remoteLink,
      reason: c.reason,
      actorId: c.actorId,
      at: c.at.toISOString(),
    })),
    notices: view.notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      dueOn: n.dueOn,
      status: n.status,
      text: n.text,
      sentAt: n.sentAt?.toISOString() ?? null,
    })),
  };
}

export function toPanelMemberResponse(m: PanelMember) {
  return {
    id: m.id,
    userId: m.userId,
    name: m.name,
    roles: m.roles,
    rank: m.rank,
    force: m.force,
    unavailableOn: m.unavailableOn,
    unavailablePeriods: m.unavailablePeriods,
  };
}

export function toRelationshipResponse(r: PanelRelationship) {
  return {
    id: r.id,
    panelMemberId: r.panelMemberId,
    kind: r.kind,
    force: r.force,
    staffNumber: r.staffNumber,
    caseId: r.caseId,
    description: r.description,
  };
}

export function toOutcomeResponse(
  o: OutcomeRecord,
  findings: AllegationFinding[] = [],
  appeals: Appeal[] = [],
) {
  return {
    id: o.id,
    caseId: o.caseId,
    subjectId: o.subjectId,
    hearingId: o.hearingId,
    forum: o.forum,
    finding: o.finding,
    findings: findings.map((f) => ({ allegationId: f.allegationId, finding: f.finding })),
    outcome: o.outcome,
    currentOutcome: o.currentOutcome,
    decidedOn: o.decidedOn,
    notifiedOn: o.notifiedOn,
    decision: o.decision,
    departure: o.departure,
    extendedFinalWarning: o.extendedFinalWarning,
    warningExpiresOn: o.warningExpiresOn,
    wouldHaveBeenDismissed: o.wouldHaveBeenDismissed,
    barredListReferral: o.barredListReferral,
    advisoryListReferral: o.advisoryListReferral,
    listReferral:
      o.barredListReferral || o.advisoryListReferral
        ? {
            list: o.barredListReferral ? 'barred_list' : 'advisory_list',
            sentOn: o.listReferralSentOn,
            sentBy: o.listReferralSentBy,
            sent: o.listReferralSent,
          }
        : null,
    amendmentSet: o.amendmentSet,
    exceptionalCircumstances: o.decision.exceptionalCircumstances ?? null,
    recommendations: {
      investigator: o.investigatorRecommendation,
      appropriateAuthority: o.appropriateAuthorityRecommendation,
      panel: o.outcome,
    },
    precedentRef: o.precedentRef,
    appeals: appeals.map(toAppealResponse),
  };
}

export function toAppealResponse(a: Appeal) {
  return {
    id: a.id,
    outcomeRecordId: a.outcomeRecordId,
    body: a.body,
    appellant: a.appellant,
    lodgedOn: a.lodgedOn,
    deadline: a.deadline,
    grounds: a.grounds,
    details: a.details,
    result: a.result,
    decidedOn: a.decidedOn,
    variedOutcome: a.variedOutcome,
    reasons: a.reasons,
  };
}
