import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { addDays, format, parseISO } from 'date-fns';
import { CaseDueDatesService, CasesService, type DeadlineName, type DueCase } from '@precedent/cases';
import { FailedEvidenceService } from '@precedent/evidence';
import { HearingListingsService, NoticesService } from '@precedent/hearings';
import { hasRole, type Principal } from '@precedent/identity';
import { Clock } from '@precedent/platform';
import { InboxService } from '@precedent/reporting';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { words } from '../common/code-words';
import { MyWorkOversight } from './my-work-oversight';

/** Each section shows this many rows at most, with a link to the full list where one exists. */
const SECTION_SIZE = 10;
/** "Hearings coming up": the next eight weeks. */
const HEARINGS_AHEAD_DAYS = 56;
/** Each time limit as people name it (the case page's basis column says the rule). */
export const DEADLINE_LABELS: Record<DeadlineName, string> = {
  iopc_referral: 'IOPC referral decision',
  lpb_report: 'report to the local policing body',
  rprp_officer_account: "officer's account (reflective practice)",
  misconduct_meeting: 'misconduct meeting',
  accelerated_hearing: 'accelerated hearing',
  chair_outcome_report: "chair's outcome report",
};
const when = (at: Date) => at.toISOString().replace('T', ' ').slice(0, 16);

/**
 * `/`: the signed-in person's work. Four short lists, each read from its own lib through its public
 * service (so access-checked and audited as the API is): cases by their next time limit, hearings
 * coming up, new anonymous reports (for those who triage the inbox) and evidence that failed.
 */
@ApiExcludeController()
@Controller()
export class MyWorkController {
  constructor(
    private readonly dueDates: CaseDueDatesService,
    private readonly cases: CasesService,
    private readonly hearings: HearingListingsService,
    private readonly inbox: InboxService,
    private readonly failedEvidence: FailedEvidenceService,
    private readonly notices: NoticesService,
    private readonly oversight: MyWorkOversight,
    private readonly clock: Clock,
  ) {}

  @Get()
  async page(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const by = principalOf(req);
    const today = this.clock.today();
    const until = format(addDays(parseISO(today), HEARINGS_AHEAD_DAYS), 'yyyy-MM-dd');
    const triagesInbox = hasRole(by, 'investigator', 'appropriate_authority');
    // an investigator's cases are those assigned to them; an appropriate authority's, all it may open
    const onlyAssigned = hasRole(by, 'investigator') && !hasRole(by, 'appropriate_authority');
    const [cases, openCases, toAssess, hearings, reports, replies, failed, undelivered, oversight] =
      await Promise.all([
        this.dueDates.mine(by, { limit: SECTION_SIZE }, req.id),
        // only counted for the link to the list (which audits what it shows), so not audited here
        this.cases.count({ open: true, ...(onlyAssigned ? { investigator: by.userId } : {}) }, by),
        this.cases.awaitingAssessment(by, { limit: SECTION_SIZE }),
        this.hearings.comingUpFor({ from: today, to: until, limit: SECTION_SIZE }, by, req.id),
        triagesInbox
          ? this.inbox.list({ status: 'received', limit: SECTION_SIZE, offset: 0 }, by, req.id)
          : null,
        // a reporter's reply may be addressed to anyone assigned a case made from a report
        this.inbox.unreadReplies(by, SECTION_SIZE, req.id),
        this.failedEvidence.onCasesOf(by, { limit: SECTION_SIZE }, req.id),
        triagesInbox ? this.notices.undeliveredFor(by, SECTION_SIZE) : null,
        this.oversight.for(by, req.id, SECTION_SIZE),
      ]);
    res.render('pages/my-work', {
      title: 'My work',
      active: 'my-work',
      principal: req.principal,
      today,
      until,
      ...oversight,
      // an administrator alone works on the service, not on cases: no empty case sections for them
      caseWork: by.roles.some((role) => role !== 'admin'),
      toAssess: hasRole(by, 'appropriate_authority') && {
        total: toAssess.total,
        rows: toAssess.items.map((kase) => ({
          id: kase.id,
          reference: kase.reference,
          summary: kase.summary.length > 120 ? `${kase.summary.slice(0, 117)}…` : kase.summary,
          sentOn: kase.sentForAssessmentAt ? when(kase.sentForAssessmentAt).slice(0, 10) : '',
          iopc: kase.iopcReferralRequired && !kase.iopcReferralDecision,
        })),
      },
      cases: {
        total: cases.total,
        openTotal: openCases,
        whose: onlyAssigned ? 'assigned to you' : 'you may open',
        seeAll: onlyAssigned ? '/cases?investigator=me&state=open' : '/cases?state=open',
        comingUp: { total: cases.comingUp.total, rows: cases.comingUp.items.map(dueRow(today)) },
        overdue: { total: cases.overdue.total, rows: cases.overdue.items.map(dueRow(today)) },
      },
      hearings: {
        total: hearings.total,
        rows: hearings.items.map(({ hearing, caseReference }) => ({
          id: hearing.id,
          caseId: hearing.caseId,
          caseReference,
          date: hearing.scheduledOn ?? '',
          startsAt: hearing.startsAt ?? '',
          forum: words(hearing.forum),
          status: words(hearing.status),
        })),
      },
      reports: reports && {
        total: reports.total,
        rows: reports.items.map((item) => ({
          id: item.id,
          summary: item.summary,
          received: when(item.receivedAt),
          platform: item.platform ? words(item.platform) : '',
        })),
      },
      replies: triagesInbox || replies.total > 0 ? { total: replies.total, rows: replies.items } : null,
      failed: {
        total: failed.total,
        rows: failed.items.map((item) => ({
          id: item.id,
          caseId: item.caseId,
          caseReference: item.caseReference,
          name: item.originalName,
          uploaded: when(item.uploadedAt),
          error: item.error ?? 'No reason was recorded.',
        })),
      },
      undelivered: undelivered && {
        total: undelivered.total,
        rows: undelivered.items.map((d) => ({
          id: d.id,
          caseId: d.caseId,
          subject: d.subject,
          to: `${d.recipientName} <${d.toAddress}>`,
          tries: String(d.attempts),
          answer: d.serverAnswer ?? 'No answer was recorded.',
        })),
      },
    });
  }
}

/** A case on My work by its next time limit: what, when, and whether it is due or overdue. */
export function dueRow(today: string) {
  return (item: DueCase) => ({
    id: item.id,
    reference: item.reference,
    status: words(item.status),
    what: DEADLINE_LABELS[item.next.name],
    dueOn: item.next.dueOn,
    // a report to the local policing body is due rather than late (case-deadlines.rules)
    tag: item.next.overdue
      ? { text: 'Overdue', classes: 'govuk-tag--red' }
      : item.next.dueOn <= today
        ? { text: 'Due', classes: 'govuk-tag--orange' }
        : null,
    more: item.deadlineCount - 1,
  });
}

function principalOf(req: AuthenticatedRequest): Principal {
  if (!req.principal) throw new Error('My work is for signed-in users only');
  return req.principal;
}
