import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { auditContextOf, hasRole, type Principal } from '@precedent/identity';
import { Case } from './case.entity';
import type { CaseFilters, CaseSort } from './case-filters';
import { findOpenableCase } from './openable-case';
import { CaseEvent, type CaseEventKind } from './case-event.entity';
import { checkTransition, type CaseStatus, type Severity } from './case-lifecycle.rules';
import { AuthorisationRequiredError, StaleVersionError, TransitionNotAllowedError } from './case.errors';
import type { IntakeSource } from './intake-source';
import { regimeFor } from './regime.rules';

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
  iopcReferralRequired?: boolean;
}

export interface UpdateCaseInput {
  version: number;
  summary?: string;
  restricted?: boolean;
  assignedInvestigatorId?: string | null;
  team?: string | null;
  cameToAttentionOn?: string;
  /** The appropriate authority's decision on a mandatory IOPC referral. */
  iopcReferralDecision?: string;
  iopcReferralRequired?: boolean;
}

const ORDER: Record<CaseSort, [column: string, direction: 'ASC' | 'DESC']> = {
  '-received': ['c.received_at', 'DESC'],
  received: ['c.received_at', 'ASC'],
  '-reference': ['c.reference', 'DESC'],
  reference: ['c.reference', 'ASC'],
};

/** Cases from intake to closure: every change audited and on the timeline, every read audited. */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async record(input: RecordCaseInput, by: Principal, requestId: string): Promise<Case> {
    return this.dataSource.transaction((em) => this.recordIn(em, input, by, requestId));
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
        reference: await this.nextReference(em, Number(input.receivedAt.slice(0, 4))),
        source: input.source,
        receivedAt: input.receivedAt,
        cameToAttentionOn,
        regime: regimeFor(cameToAttentionOn),
        summary: input.summary,
        status: 'received',
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
      }),
    );
    await em.insert(CaseEvent, {
      caseId: kase.id,
      actorId: by.userId,
      kind: 'recorded',
      toStatus: 'received',
    });
    await this.audit.record(em, auditContextOf(by, requestId), {
      action: 'case.record',
      entityType: 'case',
      entityId: kase.id,
      details: { reference: kase.reference, source: kase.source },
    });
    return kase;
  }

  /** The case, if this person may open it; "not yours" is "not found". The read is audited. */
  async open(id: string, by: Principal, requestId: string): Promise<Case> {
    const kase = await findOpenableCase(this.dataSource.manager, id, by);
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'case.read',
      entityType: 'case',
      entityId: id,
    });
    return kase;
  }

  async list(filters: CaseFilters, by: Principal): Promise<{ items: Case[]; total: number }> {
    const query = this.visibleTo(this.dataSource.getRepository(Case).createQueryBuilder('c'), by);
    if (filters.status) query.andWhere('c.status = :status', { status: filters.status });
    if (filters.source) query.andWhere('c.source = :source', { source: filters.source });
    if (filters.investigator)
      query.andWhere('c.assigned_investigator_id = :investigator', { investigator: filters.investigator });
    if (filters.receivedFrom)
      query.andWhere('c.received_at >= :receivedFrom', { receivedFrom: filters.receivedFrom });
    if (filters.receivedTo)
      query.andWhere('c.received_at <= :receivedTo', { receivedTo: filters.receivedTo });
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
    for (const [i, words] of (await this.searchQueries(filters.q)).entries()) {
      // a UNION of two index lookups (the GIN expression indexes of the search migration), not an OR
      // the planner could only answer by computing every summary's tsvector
      query.andWhere(
        `c.id IN (SELECT s.id FROM cases s WHERE to_tsvector('precedent_search', s.summary) @@ CAST(:words${i} AS tsquery)
          UNION SELECT t.case_id FROM conduct_items t WHERE to_tsvector('precedent_search', t.text) @@ CAST(:words${i} AS tsquery))`,
        { [`words${i}`]: words },
      );
    }
    const [column, direction] = ORDER[filters.sort ?? '-received'];
    query.orderBy(column, direction);
    // received dates repeat; the reference is unique, so pages never overlap
    if (column !== 'c.reference') query.addOrderBy('c.reference', direction);
    const [items, total] = await query.take(filters.limit).skip(filters.offset).getManyAndCount();
    return { items, total };
  }

  /** Edits the case's own fields; a stale version is refused so nobody's change is silently lost. */
  async update(id: string, input: UpdateCaseInput, by: Principal, requestId: string): Promise<Case> {
    return this.change(id, input.version, by, requestId, async (_em, kase) => {
      const { version: _version, ...changes } = input;
      const changed = Object.entries(changes)
        .filter(([, value]) => value !== undefined)
        .map(([field]) => field);
      if (input.summary !== undefined) kase.summary = input.summary;
      if (input.restricted !== undefined) kase.restricted = input.restricted;
      if (input.assignedInvestigatorId !== undefined)
        kase.assignedInvestigatorId = input.assignedInvestigatorId;
      if (input.team !== undefined) kase.team = input.team;
      if (input.cameToAttentionOn !== undefined) {
        kase.cameToAttentionOn = input.cameToAttentionOn;
        kase.regime = regimeFor(input.cameToAttentionOn);
      }
      if (input.iopcReferralRequired !== undefined) kase.iopcReferralRequired = input.iopcReferralRequired;
      if (input.iopcReferralDecision !== undefined) kase.iopcReferralDecision = input.iopcReferralDecision;
      return { action: 'case.update', details: { changed } };
    });
  }

  async assess(
    id: string,
    input: { severity: Severity; rationale: string; version: number },
    by: Principal,
    requestId: string,
  ): Promise<Case> {
    return this.change(id, input.version, by, requestId, async (em, kase) => {
      kase.severity = input.severity;
      kase.severityRationale = input.rationale;
      await em.insert(CaseEvent, {
        caseId: id,
        actorId: by.userId,
        kind: 'assessed',
        reason: input.rationale,
      });
      return { action: 'case.assess', details: { severity: input.severity } };
    });
  }

  async transition(
    id: string,
    input: { to: CaseStatus; reason: string; version?: number },
    by: Principal,
    requestId: string,
  ): Promise<Case> {
    return this.change(id, input.version, by, requestId, async (em, kase) => {
      const check = checkTransition(kase.status, input.to, by.roles, {
        severity: kase.severity,
        iopcReferralRequired: kase.iopcReferralRequired,
        iopcReferralDecided: kase.iopcReferralDecision !== null,
        specialConditionsCertified: false,
        hearingFixed: false,
        outcomeRecorded: false,
      });
      if (!check.allowed) throw new TransitionNotAllowedError(check.reason, check.allowedNext);
      await em.insert(CaseEvent, {
        caseId: id,
        actorId: by.userId,
        kind: 'transition',
        fromStatus: kase.status,
        toStatus: input.to,
        reason: input.reason,
      });
      const from = kase.status;
      kase.status = input.to;
      return { action: 'case.transition', details: { from, to: input.to } };
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
      severity: kase.severity,
      iopcReferralRequired: kase.iopcReferralRequired,
      iopcReferralDecided: kase.iopcReferralDecision !== null,
      specialConditionsCertified: false,
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
    return findOpenableCase(em, id, by, lock);
  }

  async timeline(id: string, by: Principal, requestId: string): Promise<CaseEvent[]> {
    await findOpenableCase(this.dataSource.manager, id, by);
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'case.timeline.read',
      entityType: 'case',
      entityId: id,
    });
    return this.dataSource.getRepository(CaseEvent).find({ where: { caseId: id }, order: { id: 'ASC' } });
  }

  /** Load under a row lock, check the version, apply, save, audit: one transaction. */
  /** Which of these cases this person may open, by the same policy in SQL (nothing is shown, so no audit). */
  async openableIds(ids: string[], by: Principal): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const query = this.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where('c.id IN (:...ids)', { ids });
    const rows: { id: string }[] = await this.visibleTo(query, by).getRawMany();
    return new Set(rows.map((row) => row.id));
  }

  private async change(
    id: string,
    version: number | undefined,
    by: Principal,
    requestId: string,
    apply: (em: EntityManager, kase: Case) => Promise<{ action: string; details: Record<string, unknown> }>,
  ): Promise<Case> {
    return this.dataSource.transaction(async (em) => {
      const kase = await findOpenableCase(em, id, by, true);
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

  /** The access policy (libs/identity case-access.rules) as SQL, so lists hold only cases the person may open. */
  private visibleTo(query: SelectQueryBuilder<Case>, by: Principal): SelectQueryBuilder<Case> {
    const clauses: string[] = [];
    if (by.roles.includes('investigator')) {
      clauses.push('c.assigned_investigator_id = :me');
      if (by.team) clauses.push('(c.team = :team AND NOT c.restricted)');
    }
    if (by.roles.includes('appropriate_authority')) clauses.push('NOT c.restricted');
    if (by.roles.includes('panel_member')) {
      clauses.push(`c.id IN (SELECT h.case_id FROM hearing_seats s JOIN hearings h ON h.id = s.hearing_id
        JOIN panel_members m ON m.id = s.panel_member_id WHERE m.user_id = :me)`);
    }
    return query.where(clauses.length ? `(${clauses.join(' OR ')})` : 'false', {
      me: by.userId,
      team: by.team,
    });
  }

  private async nextReference(em: EntityManager, year: number): Promise<string> {
    const [row] = (await em.query(
      `INSERT INTO case_reference_counters (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = case_reference_counters.last + 1 RETURNING last`,
      [year],
    )) as { last: number }[];
    return `PSD-${year}-${String(row.last).padStart(5, '0')}`;
  }
}
