import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { auditContextOf, hasRole, type Principal } from '@precedent/identity';
import { Clock, Env, londonDate, WorkingDayCalendar } from '@precedent/platform';
import { Case, type Article10Balancing } from './case.entity';
import { casePermissions, needsArticle10Balancing, type CasePermissions } from './case-actions.rules';
import { Article10BalancingRequiredError, CaseNotAwaitingAssessmentError } from './case.errors';
import { ConductItem } from '../conduct/conduct-item.entity';
import type { CaseFilters, CaseSort } from './case-filters';
import { findOpenableCase } from './openable-case';
import { CaseEvent, type CaseEventKind } from './case-event.entity';
import {
  allowedNext,
  checkTransition,
  type CaseFacts,
  type CaseStatus,
  type Severity,
} from './case-lifecycle.rules';
import {
  caseDeadlines,
  DEFAULT_CASE_TIME_LIMITS,
  lpbReport,
  lpbReportCutoff,
  type CaseClockFacts,
  type CaseTimeLimits,
  type Deadline,
  type LpbReport,
} from './case-deadlines.rules';
import {
  AssessmentNotAllowedError,
  AuthorisationRequiredError,
  CaseEditForbiddenError,
  IopcReferralMandatoryError,
  StaleVersionError,
  TransitionNotAllowedError,
} from './case.errors';
import { reviewIopcCriteria } from './iopc-criteria';
import { visibleCasesWhere } from './case-visibility';
import { nextReference } from './case-reference';
import { duplicateWarnings } from '../conduct/possible-duplicates';
import type { DuplicateWarning } from '../conduct/duplicate.rules';
import type { IopcCriterion } from './iopc-referral.rules';
import type { IntakeSource } from './intake-source';
import { regimeFor } from './regime.rules';
import { refusedCaseEdit } from '../access/case-access-change.rules';
import {
  amendmentSetOn,
  formerOfficerHearingRoute,
  indictableOnlyConvictionProblem,
  vettingReferralAvailable,
} from '../law/amendments.rules';
import { Subject } from '../conduct/subject.entity';

export interface RecordCaseInput {
  source: IntakeSource;
  receivedAt: string;
  cameToAttentionOn?: string;
  summary: string;
  reporter?: { name: string; contact: string };
  authorisation?: { authorisedBy: string; authorisedAt: string; justification: string };
  restricted?: boolean;
  assignedInvestigatorId?: string;
  team?: string;
  /** Set by hand; the criteria below and those found in the case's contents also set it. */
  iopcReferralRequired?: boolean;
  /** Mandatory IOPC referral criteria the recorder finds met (docs/domain.md §4.2), each with why. */
  iopcCriteria?: { criterion: IopcCriterion; reason: string }[];
}

export interface UpdateCaseInput {
  version: number;
  summary?: string;
  /**
   * Who may open the case is not changed here (CaseAccessService does, for the appropriate authority
   * or an access manager): an edit that names these fields is refused with a sentence saying so.
   */
  restricted?: boolean;
  assignedInvestigatorId?: string | null;
  team?: string | null;
  cameToAttentionOn?: string;
  /** The appropriate authority's decision on a mandatory IOPC referral. */
  iopcReferralDecision?: string;
  iopcReferralRequired?: boolean;
}

/** A case with what is computed from it: the time limits that apply today. */
export interface CaseView {
  case: Case;
  deadlines: Deadline[];
  /** The report to the local policing body while an investigation is open (null when none applies). */
  lpbReport: LpbReport | null;
  /** Possible duplicates the person may open: given where a case is recorded or opened. */
  warnings?: DuplicateWarning[];
}

/** A case reference as people type it in the search box. */
const REFERENCE = /^PSD-\d{4}-\d{5}$/;

const ORDER: Record<CaseSort, [column: string, direction: 'ASC' | 'DESC']> = {
  '-received': ['c.received_at', 'DESC'],
  received: ['c.received_at', 'ASC'],
  '-reference': ['c.reference', 'DESC'],
  reference: ['c.reference', 'ASC'],
};

/** Cases from intake to closure: every change audited and on the timeline, every read audited. */
@Injectable()
export class CasesService {
  private readonly limits: CaseTimeLimits;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly calendar: WorkingDayCalendar,
    env: Env,
  ) {
    this.limits = {
      ...DEFAULT_CASE_TIME_LIMITS,
      iopcReferralWorkingDays: env.IOPC_REFERRAL_WORKING_DAYS,
      misconductMeetingWorkingDays: env.MISCONDUCT_MEETING_WORKING_DAYS,
    };
  }

  async record(input: RecordCaseInput, by: Principal, requestId: string): Promise<CaseView> {
    const kase = await this.dataSource.transaction((em) => this.recordIn(em, input, by, requestId));
    return {
      ...this.view(kase),
      warnings: await duplicateWarnings(this.dataSource.manager, kase.id, by, this.clock.today()),
    };
  }

  /** The time limits that apply to the case today. */
  view(kase: Case, today = this.clock.today()): CaseView {
    const facts = {
      status: kase.status,
      cameToAttentionOn: kase.cameToAttentionOn,
      statusSince: londonDate(kase.statusChangedAt),
      iopcCriteriaMetOn:
        kase.iopcReferralRequired && kase.iopcCriteriaMetAt ? londonDate(kase.iopcCriteriaMetAt) : null,
      iopcReferralDecided: kase.iopcReferralDecision !== null,
    };
    return {
      case: kase,
      deadlines: caseDeadlines(facts, today, this.calendar, this.limits),
      lpbReport: lpbReport(facts, today, this.limits),
    };
  }

  /** The time limits in force here (the Regulations' numbers with this force's configured ones). */
  timeLimits(): CaseTimeLimits {
    return this.limits;
  }

  /** The time limits for a case's dates today: reports count groups of cases that share the same dates. */
  deadlinesFor(facts: CaseClockFacts, today = this.clock.today()): Pick<CaseView, 'deadlines' | 'lpbReport'> {
    return {
      deadlines: caseDeadlines(facts, today, this.calendar, this.limits),
      lpbReport: lpbReport(facts, today, this.limits),
    };
  }

  /** Records a case inside the caller's transaction (a case made from an anonymous report, with its link). */
  async recordIn(em: EntityManager, input: RecordCaseInput, by: Principal, requestId: string): Promise<Case> {
    if (input.source === 'proactive_monitoring') {
      const a = input.authorisation;
      if (!a?.authorisedBy?.trim() || !a.authorisedAt || !a.justification?.trim())
        throw new AuthorisationRequiredError();
    }
    const cameToAttentionOn = input.cameToAttentionOn ?? input.receivedAt;
    const kase = await em.save(
      em.create(Case, {
        reference: await nextReference(em, Number(input.receivedAt.slice(0, 4))),
        source: input.source,
        receivedAt: input.receivedAt,
        cameToAttentionOn,
        regime: regimeFor(cameToAttentionOn),
        amendmentSet: amendmentSetOn(input.receivedAt),
        summary: input.summary,
        status: 'received',
        statusChangedAt: new Date(),
        restricted: input.restricted ?? false,
        // the investigator who records a case is assigned to it unless another is named
        assignedInvestigatorId:
          input.assignedInvestigatorId ?? (hasRole(by, 'investigator') ? by.userId : null),
        team: input.team ?? by.team,
        reporterName: input.reporter?.name ?? null,
        reporterContact: input.reporter?.contact ?? null,
        authorisedBy: input.authorisation?.authorisedBy ?? null,
        authorisedAt: input.authorisation?.authorisedAt ?? null,
        authorisationJustification: input.authorisation?.justification ?? null,
        iopcReferralRequired: input.iopcReferralRequired ?? false,
        iopcCriteria: [],
        iopcCriteriaMetAt: input.iopcReferralRequired ? new Date() : null,
      }),
    );
    await em.insert(CaseEvent, {
      caseId: kase.id,
      actorId: by.userId,
      kind: 'recorded',
      toStatus: 'received',
    });
    // the mandatory referral criteria are checked at recording, and again as contents arrive
    const criteria = await reviewIopcCriteria(em, kase, by.userId, input.iopcCriteria ?? []);
    await this.audit.record(em, auditContextOf(by, requestId), {
      action: 'case.record',
      entityType: 'case',
      entityId: kase.id,
      details: {
        reference: kase.reference,
        source: kase.source,
        ...(criteria.length ? { iopcCriteria: criteria.map((c) => c.criterion) } : {}),
      },
    });
    return criteria.length ? em.findOneByOrFail(Case, { id: kase.id }) : kase;
  }

  /** The case, if this person may open it; "not yours" is "not found". The read is audited. */
  async open(id: string, by: Principal, requestId: string): Promise<CaseView> {
    const kase = await findOpenableCase(this.dataSource.manager, id, by, false, this.clock.today());
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'case.read',
      entityType: 'case',
      entityId: id,
    });
    return {
      ...this.view(kase),
      warnings: await duplicateWarnings(this.dataSource.manager, id, by, this.clock.today()),
    };
  }

  /**
   * One page of the cases this person may open. The read is audited, one event a request listing the
   * ids returned (list items carry reporters' names and contacts); the search words are not recorded.
   */
  async list(
    filters: CaseFilters,
    by: Principal,
    requestId: string,
  ): Promise<{ items: CaseView[]; total: number }> {
    const page = await this.unauditedList(filters, by);
    await this.auditListRead(
      by,
      requestId,
      'case.list',
      page.items.map((view) => view.case.id),
      {
        total: page.total,
        searched: Boolean(filters.q?.trim()),
      },
    );
    return page;
  }

  /** Records that a list of cases was shown to this person: one event with the ids shown. */
  async auditListRead(
    by: Principal,
    requestId: string,
    action: string,
    ids: string[],
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action,
      entityType: 'case',
      entityId: null,
      details: { ids, ...details },
    });
  }

  /**
   * How many cases this person may open the filters select (My work's "see all your cases" link).
   * Nothing is shown, so nothing is audited: the list behind the link audits what it shows.
   */
  async count(filters: Omit<CaseFilters, 'limit' | 'offset' | 'sort'>, by: Principal): Promise<number> {
    return (await this.filtered(filters, by, this.clock.today())).getCount();
  }

  private async unauditedList(
    filters: CaseFilters,
    by: Principal,
  ): Promise<{ items: CaseView[]; total: number }> {
    const today = this.clock.today();
    const query = await this.filtered(filters, by, today);
    const [column, direction] = ORDER[filters.sort ?? '-received'];
    query.orderBy(column, direction);
    // received dates repeat; the reference is unique, so pages never overlap
    if (column !== 'c.reference') query.addOrderBy('c.reference', direction);
    const [items, total] = await query.take(filters.limit).skip(filters.offset).getManyAndCount();
    return { items: items.map((kase) => this.view(kase, today)), total };
  }

  /** The cases this person may open that every given filter selects, as a query not yet ordered. */
  private async filtered(
    filters: Omit<CaseFilters, 'limit' | 'offset' | 'sort'>,
    by: Principal,
    today: string,
  ) {
    const query = this.visibleTo(this.dataSource.getRepository(Case).createQueryBuilder('c'), by);
    if (filters.status) query.andWhere('c.status = :status', { status: filters.status });
    if (filters.source) query.andWhere('c.source = :source', { source: filters.source });
    if (filters.investigator)
      query.andWhere('c.assigned_investigator_id = :investigator', { investigator: filters.investigator });
    if (filters.receivedFrom)
      query.andWhere('c.received_at >= :receivedFrom', { receivedFrom: filters.receivedFrom });
    if (filters.receivedTo)
      query.andWhere('c.received_at <= :receivedTo', { receivedTo: filters.receivedTo });
    if (filters.lpbReportDue !== undefined) {
      // exactly lpbReport().due: an open investigation that has run the full period (case-deadlines.rules)
      const due = `(c.status = 'investigating' AND c.came_to_attention_on <= :lpbCutoff)`;
      query.andWhere(filters.lpbReportDue ? due : `NOT ${due}`, {
        lpbCutoff: lpbReportCutoff(today, this.limits),
      });
    }
    if (filters.standard) {
      query.andWhere(
        'c.id IN (SELECT a.case_id FROM case_allegations a WHERE a.standards @> ARRAY[CAST(:standard AS text)])',
        { standard: filters.standard },
      );
    }
    if (filters.platform || filters.category) {
      // on the same item when both are given: "discriminatory posts on Facebook"
      const onItem = [
        ...(filters.platform ? ['ci.platform = :platform'] : []),
        ...(filters.category ? ['ci.categories @> ARRAY[CAST(:category AS text)]'] : []),
      ];
      query.andWhere(`c.id IN (SELECT ci.case_id FROM conduct_items ci WHERE ${onItem.join(' AND ')})`, {
        platform: filters.platform,
        category: filters.category,
      });
    }
    if (filters.open) query.andWhere(`c.status NOT IN ('closed', 'withdrawn')`);
    // a case reference is found as itself, whatever else the words would match
    const reference = filters.q?.trim().toUpperCase().match(REFERENCE)?.[0];
    if (reference) query.andWhere('c.reference = :reference', { reference });
    for (const [i, words] of (reference ? [] : await this.searchQueries(filters.q)).entries()) {
      // one column (summary and conduct items, kept by triggers): the planner walks the received-date
      // index for common words and the GIN index for rare ones
      query.andWhere(`c.search_vector @@ CAST(:words${i} AS tsquery)`, { [`words${i}`]: words });
    }
    return query;
  }

  /** Edits the case's own fields; a stale version is refused so nobody's change is silently lost. */
  async update(id: string, input: UpdateCaseInput, by: Principal, requestId: string): Promise<CaseView> {
    // before anything is read, so a refusal says nothing of whether the case exists
    const refused = refusedCaseEdit(by.roles, input);
    if (refused) throw new CaseEditForbiddenError(refused);
    return this.change(id, input.version, by, requestId, async (_em, kase) => {
      const { version: _version, ...changes } = input;
      const changed = Object.entries(changes)
        .filter(([, value]) => value !== undefined)
        .map(([field]) => field);
      if (input.summary !== undefined) kase.summary = input.summary;
      if (input.cameToAttentionOn !== undefined) {
        kase.cameToAttentionOn = input.cameToAttentionOn;
        kase.regime = regimeFor(input.cameToAttentionOn);
      }
      if (input.iopcReferralRequired === false && kase.iopcCriteria.length > 0) {
        throw new IopcReferralMandatoryError([...new Set(kase.iopcCriteria.map((c) => c.criterion))]);
      }
      if (input.iopcReferralRequired !== undefined) {
        kase.iopcReferralRequired = input.iopcReferralRequired;
        kase.iopcCriteriaMetAt = input.iopcReferralRequired ? (kase.iopcCriteriaMetAt ?? new Date()) : null;
      }
      if (input.iopcReferralDecision !== undefined) kase.iopcReferralDecision = input.iopcReferralDecision;
      return { action: 'case.update', details: { changed } };
    });
  }

  async assess(
    id: string,
    input: {
      severity: Severity;
      rationale: string;
      version: number;
      /** The conduct led to a conviction for an indictable-only offence (gross misconduct from 28 May 2025). */
      indictableOnlyConviction?: boolean;
      /** Refer the matter to the vetting procedures (possible from 28 May 2025). */
      referToVetting?: boolean;
      article10?: Article10Balancing;
    },
    by: Principal,
    requestId: string,
  ): Promise<CaseView> {
    const today = this.clock.today();
    const conviction = indictableOnlyConvictionProblem(
      input.severity,
      input.indictableOnlyConviction === true,
      today,
    );
    if (conviction) throw new AssessmentNotAllowedError('indictable_only_conviction', conviction);
    if (input.referToVetting && !vettingReferralAvailable(today)) {
      throw new AssessmentNotAllowedError(
        'vetting_referral_not_in_force',
        'A severity assessment can refer a matter to the vetting procedures only from 28 May 2025.',
      );
    }
    return this.change(id, input.version, by, requestId, async (em, kase) => {
      const conduct = await em.find(ConductItem, { select: { offDuty: true }, where: { caseId: id } });
      const balancing = input.article10;
      const complete =
        balancing && Object.values(balancing).every((text) => typeof text === 'string' && text.trim());
      if (needsArticle10Balancing(conduct) && !complete) throw new Article10BalancingRequiredError();
      kase.severity = input.severity;
      kase.severityRationale = input.rationale;
      kase.referredToVettingOn = input.referToVetting ? today : null;
      kase.article10Balancing = complete ? balancing : null;
      await em.insert(CaseEvent, {
        caseId: id,
        actorId: by.userId,
        kind: 'assessed',
        reason: input.referToVetting
          ? `${input.rationale} Referred to the vetting procedures.`
          : input.rationale,
      });
      return {
        action: 'case.assess',
        details: { severity: input.severity, referredToVetting: input.referToVetting === true },
      };
    });
  }

  async transition(
    id: string,
    input: {
      to: CaseStatus;
      reason: string;
      version?: number;
      specialConditionsCertified?: boolean;
      /** Why a former officer's gross misconduct case should not go to an accelerated hearing. */
      notAcceleratedReason?: string;
    },
    by: Principal,
    requestId: string,
  ): Promise<CaseView> {
    return this.change(id, input.version, by, requestId, async (em, kase) => {
      let to = input.to;
      let reason = input.reason;
      let presumedAccelerated = false;
      if (to === 'referred_to_hearing') {
        // from 28 May 2025 a former officer's gross misconduct case goes to an accelerated hearing
        // unless the appropriate authority records why not
        const formerOfficer = await em.exists(Subject, { where: { caseId: id, formerOfficer: true } });
        const route = formerOfficerHearingRoute(
          this.clock.today(),
          formerOfficer,
          kase.severity,
          input.notAcceleratedReason,
        );
        if (route.presumed) {
          to = 'referred_to_accelerated_hearing';
          presumedAccelerated = true;
          reason = `${reason} The officer has left: an accelerated hearing is presumed for a former officer.`;
        } else if (route.reason && formerOfficer) {
          reason = `${reason} Not an accelerated hearing because: ${route.reason}`;
        }
      }
      // reg 49: the referral to an accelerated hearing states that the special conditions are certified;
      // who certified is recorded on the hearing (they may not chair it)
      const facts = {
        ...factsOf(kase),
        specialConditionsCertified: input.specialConditionsCertified === true || presumedAccelerated,
      };
      const check = checkTransition(kase.status, to, by.roles, facts);
      if (!check.allowed) throw new TransitionNotAllowedError(check.reason, check.allowedNext);
      await em.insert(CaseEvent, {
        caseId: id,
        actorId: by.userId,
        kind: 'transition',
        fromStatus: kase.status,
        toStatus: to,
        reason,
      });
      const from = kase.status;
      kase.status = to;
      kase.statusChangedAt = new Date();
      return { action: 'case.transition', details: { from, to, presumedAccelerated } };
    });
  }

  /**
   * Moves a case inside the caller's transaction (the hearings lib fixing a date or recording an
   * outcome), with the facts only it knows; the case must already be loaded under a row lock.
   */
  async transitionIn(
    em: EntityManager,
    kase: Case,
    input: { to: CaseStatus; reason: string; hearingFixed?: boolean; outcomeRecorded?: boolean },
    by: Principal,
    requestId: string,
  ): Promise<Case> {
    const check = checkTransition(kase.status, input.to, by.roles, {
      ...factsOf(kase),
      hearingFixed: input.hearingFixed ?? false,
      outcomeRecorded: input.outcomeRecorded ?? false,
    });
    if (!check.allowed) throw new TransitionNotAllowedError(check.reason, check.allowedNext);
    await em.insert(CaseEvent, {
      caseId: kase.id,
      actorId: by.userId,
      kind: 'transition',
      fromStatus: kase.status,
      toStatus: input.to,
      reason: input.reason,
    });
    const from = kase.status;
    kase.status = input.to;
    kase.statusChangedAt = new Date();
    const saved = await em.save(kase);
    await this.audit.record(em, auditContextOf(by, requestId), {
      action: 'case.transition',
      entityType: 'case',
      entityId: kase.id,
      details: { from, to: input.to },
    });
    return saved;
  }

  /** Adds an entry to a case's timeline in the caller's transaction. */
  async addEvent(
    em: EntityManager,
    caseId: string,
    event: { kind: CaseEventKind; reason: string; actorId: string | null },
  ): Promise<void> {
    await em.insert(CaseEvent, { caseId, actorId: event.actorId, kind: event.kind, reason: event.reason });
  }

  /** Who took part in the case: investigated (assigned), assessed it, or recorded (reported) it. */
  async participants(
    em: EntityManager,
    kase: Case,
  ): Promise<{ userId: string; part: 'investigated' | 'assessed' | 'reported' }[]> {
    const rows: { actor_id: string; kind: 'assessed' | 'recorded' }[] = await em.query(
      `SELECT DISTINCT actor_id, kind FROM case_events WHERE case_id = $1 AND kind IN ('assessed', 'recorded') AND actor_id IS NOT NULL`,
      [kase.id],
    );
    return [
      ...(kase.assignedInvestigatorId
        ? [{ userId: kase.assignedInvestigatorId, part: 'investigated' as const }]
        : []),
      ...rows.map((r) => ({
        userId: r.actor_id,
        part: r.kind === 'assessed' ? ('assessed' as const) : ('reported' as const),
      })),
    ];
  }

  /** The case in the caller's transaction, when this person may open it ("not yours" is "not found"); `lock` for a change. */
  openableIn(em: EntityManager, id: string, by: Principal, lock = false): Promise<Case> {
    return findOpenableCase(em, id, by, lock, this.clock.today());
  }

  /** Who investigates a case, for work the system does on its own (notifications); null when nobody or no case. */
  async assignedInvestigatorOf(id: string): Promise<string | null> {
    const kase = await this.dataSource
      .getRepository(Case)
      .findOne({ select: { id: true, assignedInvestigatorId: true }, where: { id } });
    return kase?.assignedInvestigatorId ?? null;
  }

  async timeline(id: string, by: Principal, requestId: string): Promise<CaseEvent[]> {
    await findOpenableCase(this.dataSource.manager, id, by, false, this.clock.today());
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'case.timeline.read',
      entityType: 'case',
      entityId: id,
    });
    return this.dataSource.getRepository(CaseEvent).find({ where: { caseId: id }, order: { id: 'ASC' } });
  }

  /**
   * The investigator hands the case to the appropriate authority: it appears on their My work.
   * Only once, and only before the assessment.
   */
  async sendForAssessment(id: string, note: string, by: Principal, requestId: string): Promise<CaseView> {
    return this.change(id, undefined, by, requestId, async (em, kase) => {
      if (!this.permissionsFor(kase, by).sendForAssessment) throw new CaseNotAwaitingAssessmentError();
      kase.sentForAssessmentAt = new Date();
      await em.insert(CaseEvent, {
        caseId: id,
        actorId: by.userId,
        kind: 'sent_for_assessment',
        reason: note || null,
      });
      return { action: 'case.send_for_assessment', details: {} };
    });
  }

  /** What this person may do with the case now, and who makes the other changes (case-actions.rules). */
  permissionsFor(kase: Case, by: Principal, offDutySpeech = false): CasePermissions {
    return casePermissions(
      {
        ...factsOf(kase),
        status: kase.status,
        sentForAssessment: kase.sentForAssessmentAt !== null,
        offDutySpeech,
      },
      by.roles,
    );
  }

  /** Why this person may not move the case to `to` now, in a sentence; null when they may. */
  whyNot(kase: Case, to: CaseStatus, by: Principal): string | null {
    const check = checkTransition(kase.status, to, by.roles, factsOf(kase));
    return check.allowed ? null : check.reason;
  }

  /**
   * Cases sent for assessment that the appropriate authority has not yet assessed, oldest first,
   * for their My work (those they may open).
   */
  async awaitingAssessment(
    by: Principal,
    options: { limit: number },
  ): Promise<{ items: Case[]; total: number }> {
    if (!hasRole(by, 'appropriate_authority')) return { items: [], total: 0 };
    const [items, total] = await this.visibleTo(
      this.dataSource.getRepository(Case).createQueryBuilder('c'),
      by,
    )
      .andWhere(`c.status IN ('received', 'iopc_referral_hold')`)
      .andWhere('c.sent_for_assessment_at IS NOT NULL')
      .orderBy('c.sent_for_assessment_at', 'ASC')
      .take(options.limit)
      .getManyAndCount();
    return { items, total };
  }

  /** The statuses this person may move the case to now (what the web UI offers as buttons). */
  allowedNextFor(kase: Case, by: Principal): CaseStatus[] {
    return allowedNext(kase.status, by.roles, factsOf(kase));
  }

  /** Which of these cases this person may open, by the same policy in SQL (nothing is shown, so no audit). */
  async openableIds(ids: string[], by: Principal): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const query = this.visibleTo(this.dataSource.getRepository(Case).createQueryBuilder('c'), by)
      .select('c.id', 'id')
      .andWhere('c.id IN (:...ids)', { ids });
    const rows: { id: string }[] = await query.getRawMany();
    return new Set(rows.map((row) => row.id));
  }

  /** Load under a row lock, check the version, apply, save, audit: one transaction. */
  private async change(
    id: string,
    version: number | undefined,
    by: Principal,
    requestId: string,
    apply: (em: EntityManager, kase: Case) => Promise<{ action: string; details: Record<string, unknown> }>,
  ): Promise<CaseView> {
    const saved = await this.dataSource.transaction(async (em) => {
      const kase = await findOpenableCase(em, id, by, true, this.clock.today());
      if (version !== undefined && version !== kase.version) throw new StaleVersionError(kase.version);
      const { action, details } = await apply(em, kase);
      const saved = await em.save(kase);
      await this.audit.record(em, auditContextOf(by, requestId), {
        action,
        entityType: 'case',
        entityId: id,
        details,
      });
      return saved;
    });
    return this.view(saved);
  }

  /**
   * One text-search query per word of `q`, each normalised as the indexes are (case, accents, English
   * stems). Words that cannot be searched (stop words such as "the", punctuation) narrow nothing.
   */
  private async searchQueries(q: string | undefined): Promise<string[]> {
    const words = q?.split(/\s+/).filter(Boolean) ?? [];
    if (words.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT plainto_tsquery('precedent_search', w)::text AS query FROM unnest($1::text[]) AS w`,
      [words],
    )) as { query: string }[];
    return rows.map((r) => r.query).filter((query) => query !== '');
  }

  private visibleTo(query: SelectQueryBuilder<Case>, by: Principal): SelectQueryBuilder<Case> {
    return query.where(...visibleCasesWhere('c', by, this.clock.today()));
  }
}

/** What the lifecycle rules need to know of a case (hearings and outcomes arrive with the hearings issue). */
function factsOf(kase: Case): CaseFacts {
  return {
    severity: kase.severity,
    iopcReferralRequired: kase.iopcReferralRequired,
    iopcReferralDecided: kase.iopcReferralDecision !== null,
    specialConditionsCertified: false,
    hearingFixed: false,
    outcomeRecorded: false,
  };
}
