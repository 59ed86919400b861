import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { visibleCasesWhere } from '@precedent/cases';
import { auditContextOf, type Principal } from '@precedent/identity';
import { Clock } from '@precedent/platform';
import { Hearing } from './hearing.entity';

export interface UpcomingHearing {
  hearing: Hearing;
  caseReference: string;
}

/** Lists of meetings and hearings across cases, only of the cases the person may open; each audited. */
@Injectable()
export class HearingListingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Meetings and hearings not yet concluded, of the cases this person may open: those with a date
   * from `from` on, soonest first, then those still waiting for one. Audited with the ids shown.
   */
  async upcoming(
    filters: { from: string; limit: number },
    by: Principal,
    requestId: string,
  ): Promise<UpcomingHearing[]> {
    const query = this.visible(by)
      .andWhere(`h.status <> 'concluded'`)
      .andWhere('(h.scheduled_on IS NULL OR h.scheduled_on >= :from)', { from: filters.from })
      .orderBy('h.scheduled_on', 'ASC', 'NULLS LAST')
      .addOrderBy('h.starts_at', 'ASC', 'NULLS LAST')
      .addOrderBy('h.created_at', 'ASC')
      .limit(filters.limit);
    return this.audited(await query.getRawAndEntities(), by, requestId, {});
  }

  /**
   * Meetings and hearings dated from `from` to `to` (inclusive), of the cases this person may open,
   * concluded ones included: what a month of the calendar shows. Audited with the ids shown.
   */
  async between(
    range: { from: string; to: string },
    by: Principal,
    requestId: string,
  ): Promise<UpcomingHearing[]> {
    const query = this.visible(by)
      .andWhere('h.scheduled_on BETWEEN :from AND :to', range)
      .orderBy('h.scheduled_on', 'ASC')
      .addOrderBy('h.starts_at', 'ASC', 'NULLS LAST');
    return this.audited(await query.getRawAndEntities(), by, requestId, { from: range.from, to: range.to });
  }

  /**
   * "Hearings coming up" on a person's work list: dated meetings and hearings from `from` to `to`
   * that they sit on, or whose case is assigned to them, of the cases they may open. Audited with ids.
   */
  async comingUpFor(
    window: { from: string; to: string; limit: number },
    by: Principal,
    requestId: string,
  ): Promise<{ items: UpcomingHearing[]; total: number }> {
    const query = this.visible(by)
      .andWhere(`h.status <> 'concluded'`)
      .andWhere('h.scheduled_on BETWEEN :from AND :to', { from: window.from, to: window.to })
      .andWhere(
        `(c.assigned_investigator_id = :me OR EXISTS (SELECT 1 FROM hearing_seats s
          JOIN panel_members m ON m.id = s.panel_member_id WHERE s.hearing_id = h.id AND m.user_id = :me))`,
        { me: by.userId },
      );
    const [rows, total] = await Promise.all([
      query
        .clone()
        .orderBy('h.scheduled_on', 'ASC')
        .addOrderBy('h.starts_at', 'ASC', 'NULLS LAST')
        .addOrderBy('h.created_at', 'ASC')
        .limit(window.limit)
        .getRawAndEntities(),
      query.getCount(),
    ]);
    return { items: await this.audited(rows, by, requestId, { comingUp: true }), total };
  }

  /** Hearings of the cases this person may open, with their case references. */
  private visible(by: Principal): SelectQueryBuilder<Hearing> {
    const [visible, params] = visibleCasesWhere('c', by, this.clock.today());
    return this.dataSource
      .getRepository(Hearing)
      .createQueryBuilder('h')
      .innerJoin('cases', 'c', 'c.id = h.case_id')
      .addSelect('c.reference', 'case_reference')
      .where(visible, params);
  }

  private async audited(
    rows: { entities: Hearing[]; raw: unknown[] },
    by: Principal,
    requestId: string,
    details: Record<string, unknown>,
  ): Promise<UpcomingHearing[]> {
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'hearing.list',
      entityType: 'hearing',
      details: { ids: rows.entities.map((h) => h.id), ...details },
    });
    const references = new Map(
      (rows.raw as { h_id: string; case_reference: string }[]).map((r) => [r.h_id, r.case_reference]),
    );
    return rows.entities.map((hearing) => ({ hearing, caseReference: references.get(hearing.id) ?? '' }));
  }
}
