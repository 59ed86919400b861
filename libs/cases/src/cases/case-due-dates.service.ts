import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasRole, type Principal } from '@precedent/identity';
import { Clock } from '@precedent/platform';
import { Case } from './case.entity';
import { FINISHED_STATUSES, STATUSES_WITH_TIME_LIMITS, type Deadline } from './case-deadlines.rules';
import type { CaseStatus } from './case-lifecycle.rules';
import { visibleCasesWhere } from './case-visibility';
import { CasesService } from './cases.service';

/** An open case with the time limit that falls first, for a person's own work list. */
export interface DueCase {
  id: string;
  reference: string;
  status: CaseStatus;
  summary: string;
  /** The soonest of the case's time limits today. */
  next: Deadline;
  /** How many time limits apply to the case now. */
  deadlineCount: number;
}

/**
 * The read behind "my cases with due dates": an investigator's own open cases, or for an appropriate
 * authority (and other roles) the open cases they may open, that carry a time limit today, soonest first. Working days count
 * bank holidays from the calendar, so the dates are computed here, not in SQL; SQL narrows first to
 * the few columns and the statuses that can carry a time limit at all (STATUSES_WITH_TIME_LIMITS).
 */
@Injectable()
export class CaseDueDatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly clock: Clock,
  ) {}

  /**
   * The cases with a time limit this person answers for; the ids shown are audited as one read.
   * `items` are the soonest of all; `comingUp` and `overdue` split them, so a limit due tomorrow is
   * never hidden behind a long list of overdue ones.
   */
  async mine(
    by: Principal,
    options: { limit: number },
    requestId: string,
  ): Promise<{
    items: DueCase[];
    total: number;
    comingUp: { items: DueCase[]; total: number };
    overdue: { items: DueCase[]; total: number };
  }> {
    const due = await this.unauditedMine(by, options);
    const shown = new Set([...due.items, ...due.comingUp.items, ...due.overdue.items].map((item) => item.id));
    await this.cases.auditListRead(by, requestId, 'case.list.my_work', [...shown], { total: due.total });
    return due;
  }

  private async unauditedMine(
    by: Principal,
    options: { limit: number },
  ): Promise<{
    items: DueCase[];
    total: number;
    comingUp: { items: DueCase[]; total: number };
    overdue: { items: DueCase[]; total: number };
  }> {
    const today = this.clock.today();
    const query = this.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .select([
        'c.id',
        'c.reference',
        'c.status',
        'c.summary',
        'c.cameToAttentionOn',
        'c.statusChangedAt',
        'c.iopcReferralRequired',
        'c.iopcCriteriaMetAt',
        'c.iopcReferralDecision',
      ])
      .where(...visibleCasesWhere('c', by, today))
      .andWhere('c.status NOT IN (:...finished)', { finished: FINISHED_STATUSES })
      .andWhere(
        `(c.status IN (:...timed) OR (c.iopc_referral_required AND c.iopc_criteria_met_at IS NOT NULL
          AND c.iopc_referral_decision IS NULL))`,
        { timed: STATUSES_WITH_TIME_LIMITS },
      );
    // an investigator's work is the cases assigned to them, not every case of the team they may open;
    // an appropriate authority answers for every case it may open
    if (hasRole(by, 'investigator') && !hasRole(by, 'appropriate_authority'))
      query.andWhere('c.assigned_investigator_id = :me', { me: by.userId });
    const due = (await query.getMany()).flatMap((kase) => {
      const { deadlines } = this.cases.view(kase, today);
      if (deadlines.length === 0) return [];
      return [
        {
          id: kase.id,
          reference: kase.reference,
          status: kase.status,
          summary: kase.summary,
          next: deadlines[0],
          deadlineCount: deadlines.length,
        },
      ];
    });
    due.sort((a, b) => a.next.dueOn.localeCompare(b.next.dueOn) || a.reference.localeCompare(b.reference));
    const comingUp = due.filter((item) => !item.next.overdue);
    // the longest overdue first: they have waited most
    const overdue = due.filter((item) => item.next.overdue);
    return {
      items: due.slice(0, options.limit),
      total: due.length,
      comingUp: { items: comingUp.slice(0, options.limit), total: comingUp.length },
      overdue: { items: overdue.slice(0, options.limit), total: overdue.length },
    };
  }
}
