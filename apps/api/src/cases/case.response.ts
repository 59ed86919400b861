import type { Allegation, CaseEvent, CaseView, ConductItem, Subject } from '@precedent/cases';

/** A case as the API shows it. Reporter contact details are personal data of a third party: shown to those who may open the case. */
export function toCaseResponse(view: CaseView) {
  const c = view.case;
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    version: c.version,
    source: c.source,
    receivedAt: c.receivedAt,
    cameToAttentionOn: c.cameToAttentionOn,
    regime: c.regime,
    amendmentSet: c.amendmentSet,
    referredToVettingOn: c.referredToVettingOn,
    summary: c.summary,
    restricted: c.restricted,
    assignedInvestigatorId: c.assignedInvestigatorId,
    team: c.team,
    reporter: c.reporterName ? { name: c.reporterName, contact: c.reporterContact } : null,
    authorisation: c.authorisedBy
      ? {
          authorisedBy: c.authorisedBy,
          authorisedAt: c.authorisedAt,
          justification: c.authorisationJustification,
        }
      : null,
    severity: c.severity,
    severityRationale: c.severityRationale,
    article10Balancing: c.article10Balancing,
    sentForAssessmentAt: c.sentForAssessmentAt?.toISOString() ?? null,
    iopcReferralRequired: c.iopcReferralRequired,
    iopcCriteria: c.iopcCriteria,
    iopcCriteriaMetAt: c.iopcCriteriaMetAt?.toISOString() ?? null,
    iopcReferralDecision: c.iopcReferralDecision,
    statusChangedAt: c.statusChangedAt.toISOString(),
    deadlines: view.deadlines,
    lpbReportDue: view.lpbReport?.due ?? false,
    lpbReport: view.lpbReport,
    ...(view.warnings ? { warnings: view.warnings } : {}),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toCaseEventResponse(e: CaseEvent) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    kind: e.kind,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
  };
}

export function toSubjectResponse(s: Subject) {
  return {
    id: s.id,
    caseId: s.caseId,
    name: s.name,
    staffNumber: s.staffNumber,
    role: s.role,
    rank: s.rank,
    force: s.force,
    serviceStart: s.serviceStart,
    formerOfficer: s.formerOfficer,
    email: s.email,
    createdAt: s.createdAt.toISOString(),
  };
}

export function toAllegationResponse(a: Allegation) {
  return {
    id: a.id,
    caseId: a.caseId,
    subjectId: a.subjectId,
    standards: a.standards,
    description: a.description,
    finding: a.finding,
    conductOn: a.conductOn,
    useOfForceTest: a.useOfForceTest,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toConductItemResponse(c: ConductItem) {
  return {
    id: c.id,
    caseId: c.caseId,
    platform: c.platform,
    audience: c.audience,
    audienceSize: c.audienceSize,
    text: c.text,
    postedAt: c.postedAt?.toISOString() ?? null,
    url: c.url,
    categories: c.categories,
    targets: c.targets,
    offDuty: c.offDuty,
    identifiableAsPolice: c.identifiableAsPolice,
    participation: c.participation,
    messageCount: c.messageCount,
    source: c.sourceEvidenceId
      ? {
          evidenceId: c.sourceEvidenceId,
          archivePostId: c.sourceArchivePostId,
          sha256: c.sourceSha256?.trim() ?? null,
          locator: c.sourceLocator,
        }
      : null,
    createdAt: c.createdAt.toISOString(),
  };
}
