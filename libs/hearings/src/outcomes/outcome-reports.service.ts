import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { auditContextOf, type Principal } from '@precedent/identity';
import { outcomesByYear, type OutcomeYear } from './outcome-reports.rules';

/**
 * The force's outcomes for senior officers' reports: counts of subjects by the year decided and the
 * outcome in force now (an appeal's substitute where there is one, as the force's precedents record
 * it). One GROUP BY with a row a year and outcome; the read is audited.
 */
@Injectable()
export class OutcomeReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Outcomes decided between `period.from` and `period.to` (inclusive dates) when a period is given. */
  async byYear(
    by: Principal,
    requestId: string,
    period: { from: string; to: string } | null = null,
  ): Promise<OutcomeYear[]> {
    const rows: { year: string; outcome: string; subjects: number }[] = await this.dataSource.query(
      `SELECT to_char(decided_on, 'YYYY') AS year, current_outcome AS outcome, count(*)::int AS subjects
         FROM outcome_records ${period ? 'WHERE decided_on BETWEEN $1 AND $2' : ''} GROUP BY 1, 2`,
      period ? [period.from, period.to] : [],
    );
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'report.read',
      entityType: 'report',
      details: { report: 'outcomes_by_year', ...(period ? { from: period.from, to: period.to } : {}) },
    });
    return outcomesByYear(rows);
  }
}
