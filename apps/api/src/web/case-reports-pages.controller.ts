import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import {
  CaseReportsService,
  DUE_SOON_WORKING_DAYS,
  TIMELINESS_STATES,
  readPeriod,
  type ReportPeriod,
  type CasesByConduct,
  type FeatureCount,
  type TimelinessState,
} from '@precedent/cases';
import { reformMarkerForYear } from '@precedent/analytics';
import { OUTCOMES, OUTCOME_LABELS, OutcomeReportsService } from '@precedent/hearings';
import type { Principal } from '@precedent/identity';
import { Clock } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { words } from '../common/code-words';
import { barChart, SERIES_COLOURS, stackedBarChart } from './charts/svg-charts';
import { DEADLINE_LABELS } from './my-work.controller';

/** The roles that read reports: the same as /reports. */
const REPORT_ROLES = ['senior_officer', 'admin', 'appropriate_authority'] as const;

const CONDUCT_DIMENSIONS = {
  standard: {
    key: 'standards',
    heading: 'Standard of Professional Behaviour',
    file: 'cases-by-standard',
    listed: true,
  },
  category: { key: 'categories', heading: 'Conduct category', file: 'cases-by-category', listed: true },
  platform: { key: 'platforms', heading: 'Platform', file: 'cases-by-platform', listed: true },
  // the case list has no audience filter: those counts lead nowhere
  audience: { key: 'audiences', heading: 'Audience', file: 'cases-by-audience', listed: false },
} as const satisfies Record<
  string,
  { key: keyof CasesByConduct; heading: string; file: string; listed: boolean }
>;
type ConductDimension = keyof typeof CONDUCT_DIMENSIONS;

const STATE_LABELS: Record<TimelinessState, string> = {
  within_time: 'Within time',
  due_soon: 'Due soon',
  overdue: 'Overdue',
};
const STATE_COLOURS: Record<TimelinessState, string> = {
  within_time: '#00703c',
  due_soon: '#f47738',
  overdue: '#d4351c',
};

/**
 * The case reports for senior officers, linked from /reports: cases and outcomes over time; cases
 * by Standard, category, platform and audience; open cases against each time limit. Each chart is
 * SVG drawn here with a table of the same figures in the view and its own CSV download.
 */
@ApiExcludeController()
@Controller('reports')
export class CaseReportsPagesController {
  constructor(
    private readonly caseReports: CaseReportsService,
    private readonly outcomeReports: OutcomeReportsService,
    private readonly clock: Clock,
  ) {}

  @Get('cases')
  @Roles(...REPORT_ROLES)
  async cases(
    @Req() req: AuthenticatedRequest,
    @Query() query: Record<string, QueryValue>,
    @Res() res: Response,
  ) {
    const asked = this.period(query, '/reports/cases');
    const view = {
      title: 'Cases and outcomes over time',
      active: 'reports',
      principal: req.principal,
      ...asked.view,
    };
    if (!asked.ok) return res.status(400).render('pages/reports-cases', view);
    const { received, years } = await this.overTime(req, asked.period);
    const series = OUTCOMES.map((outcome, index) => ({
      label: sentence(OUTCOME_LABELS[outcome]),
      colour: SERIES_COLOURS[index % SERIES_COLOURS.length],
    }));
    return res.render('pages/reports-cases', {
      ...view,
      received,
      periodName: { month: 'Month', quarter: 'Quarter', year: 'Year' }[received.granularity],
      receivedChart: barChart(
        received.buckets.map((bucket) => ({ label: bucket.label, value: bucket.cases })),
        {
          title: `Cases received by ${received.granularity}`,
          max: Math.max(1, ...received.buckets.map((bucket) => bucket.cases)),
          format: String,
          id: 'chart-received',
        },
      ),
      outcomes: OUTCOMES.map((outcome) => ({ code: outcome, label: sentence(OUTCOME_LABELS[outcome]) })),
      years,
      outcomesChart: years.length
        ? stackedBarChart(
            years.map((year) => ({
              label: year.year,
              values: OUTCOMES.map((outcome) => year.counts[outcome]),
              marker: reformMarkerForYear(year.year),
            })),
            series,
            { title: 'Outcomes decided each year, by outcome (subjects)', id: 'chart-outcomes' },
          )
        : null,
    });
  }

  @Get('cases-received.csv')
  @Roles(...REPORT_ROLES)
  async casesReceivedCsv(
    @Req() req: AuthenticatedRequest,
    @Query() query: Record<string, QueryValue>,
    @Res() res: Response,
  ) {
    const asked = this.period(query, '');
    if (!asked.ok) return badPeriod(res, asked.view.errors);
    const received = await this.caseReports.casesOverTime(principalOf(req), req.id, asked.period);
    sendCsv(res, 'cases-received.csv', [
      ['period', 'from_month', 'cases'],
      ...received.buckets.map((bucket) => [bucket.label, bucket.from, bucket.cases]),
    ]);
  }

  @Get('outcomes-by-year.csv')
  @Roles(...REPORT_ROLES)
  async outcomesCsv(
    @Req() req: AuthenticatedRequest,
    @Query() query: Record<string, QueryValue>,
    @Res() res: Response,
  ) {
    const asked = this.period(query, '');
    if (!asked.ok) return badPeriod(res, asked.view.errors);
    const years = await this.outcomeReports.byYear(principalOf(req), req.id, asked.period);
    sendCsv(res, 'outcomes-by-year.csv', [
      ['year', ...OUTCOMES, 'total'],
      ...years.map((year) => [year.year, ...OUTCOMES.map((outcome) => year.counts[outcome]), year.total]),
    ]);
  }

  @Get('conduct')
  @Roles(...REPORT_ROLES)
  async conduct(
    @Req() req: AuthenticatedRequest,
    @Query() query: Record<string, QueryValue>,
    @Res() res: Response,
  ) {
    const asked = this.period(query, '/reports/conduct');
    const view = {
      title: 'Cases by standard, category, platform and audience',
      active: 'reports',
      principal: req.principal,
      ...asked.view,
    };
    if (!asked.ok) return res.status(400).render('pages/reports-conduct', view);
    const figures = await this.caseReports.byConduct(principalOf(req), req.id, asked.period);
    const sections = (Object.keys(CONDUCT_DIMENSIONS) as ConductDimension[]).map((dimension) => {
      const { key, heading, listed } = CONDUCT_DIMENSIONS[dimension];
      const counts = figures[key] as FeatureCount[];
      return {
        dimension,
        heading,
        rows: counts.map((count) => ({
          ...count,
          label: label(count.code),
          // the count leads to the cases behind it: the case list with the same filter and period
          href: listed && count.cases > 0 ? casesLink(dimension, count.code, asked.period) : null,
        })),
        chart: barChart(
          counts.map((count) => ({ label: label(count.code), value: count.cases })),
          {
            title: `Cases by ${heading.toLowerCase()}`,
            max: Math.max(1, ...counts.map((count) => count.cases)),
            format: String,
            id: `chart-${dimension}`,
          },
        ),
      };
    });
    return res.render('pages/reports-conduct', {
      ...view,
      figures,
      sections,
    });
  }

  @Get('conduct.csv')
  @Roles(...REPORT_ROLES)
  async conductCsv(
    @Req() req: AuthenticatedRequest,
    @Query() query: Record<string, QueryValue>,
    @Res() res: Response,
  ) {
    const by = one(query.by);
    const dimension: ConductDimension = by in CONDUCT_DIMENSIONS ? (by as ConductDimension) : 'standard';
    const asked = this.period(query, '');
    if (!asked.ok) return badPeriod(res, asked.view.errors);
    const figures = await this.caseReports.byConduct(principalOf(req), req.id, asked.period);
    const { key, file } = CONDUCT_DIMENSIONS[dimension];
    sendCsv(res, `${file}.csv`, [
      [dimension, 'label', 'cases', 'percent_of_cases'],
      ...(figures[key] as FeatureCount[]).map((count) => [
        count.code,
        label(count.code),
        count.cases,
        count.percent,
      ]),
    ]);
  }

  @Get('timeliness')
  @Roles(...REPORT_ROLES)
  async timeliness(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    const figures = await this.caseReports.timeliness(principalOf(req), req.id);
    const rows = figures.rows.map((row) => ({ ...row, label: sentence(DEADLINE_LABELS[row.name]) }));
    res.render('pages/reports-timeliness', {
      title: 'Timeliness against the time limits',
      active: 'reports',
      principal: req.principal,
      figures,
      rows,
      soonDays: DUE_SOON_WORKING_DAYS,
      states: TIMELINESS_STATES.map((state) => ({ code: state, label: STATE_LABELS[state] })),
      chart: stackedBarChart(
        rows.map((row) => ({ label: row.label, values: TIMELINESS_STATES.map((state) => row[state]) })),
        TIMELINESS_STATES.map((state) => ({ label: STATE_LABELS[state], colour: STATE_COLOURS[state] })),
        { title: `Open cases under each time limit on ${figures.today}`, id: 'chart-timeliness' },
      ),
    });
  }

  @Get('timeliness.csv')
  @Roles(...REPORT_ROLES)
  async timelinessCsv(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    const figures = await this.caseReports.timeliness(principalOf(req), req.id);
    sendCsv(res, 'timeliness.csv', [
      ['time_limit', 'label', ...TIMELINESS_STATES, 'total'],
      ...figures.rows.map((row) => [
        row.name,
        sentence(DEADLINE_LABELS[row.name]),
        ...TIMELINESS_STATES.map((state) => row[state]),
        row.total,
      ]),
    ]);
  }

  private async overTime(req: AuthenticatedRequest, period: ReportPeriod | null) {
    const by = principalOf(req);
    const [received, years] = await Promise.all([
      this.caseReports.casesOverTime(by, req.id, period),
      this.outcomeReports.byYear(by, req.id, period),
    ]);
    return { received, years };
  }

  /** The period form's values and problems, and the query string the CSV links carry. */
  private period(query: Record<string, QueryValue>, action: string) {
    const form = { from: one(query.from).slice(0, 10), to: one(query.to).slice(0, 10) };
    const reading = readPeriod(form.from, form.to, Number(this.clock.today().slice(0, 4)));
    const errors = reading.ok
      ? []
      : reading.problems.map((problem) => ({ text: problem.message, href: `#${problem.field}` }));
    const view = {
      periodAction: action,
      periodForm: form,
      periodErrors: Object.fromEntries(reading.ok ? [] : reading.problems.map((p) => [p.field, p.message])),
      errors,
      period: reading.ok ? reading.period : null,
      periodQuery: reading.ok && reading.period ? new URLSearchParams(form).toString() : '',
    };
    return reading.ok ? { ok: true as const, period: reading.period, view } : { ok: false as const, view };
  }
}

type QueryValue = string | string[] | undefined;

function one(value: QueryValue): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function badPeriod(res: Response, errors: { text: string }[]): void {
  res
    .status(400)
    .type('text/plain')
    .send(`${errors.map((error) => error.text).join('. ')}.\n`);
}

function principalOf(req: AuthenticatedRequest): Principal {
  if (!req.principal) throw new Error('Reports are for signed-in users only');
  return req.principal;
}

/** Platforms by their own names; other codes as words. */
const PLATFORM_NAMES: Record<string, string> = {
  facebook: 'Facebook',
  twitter: 'X (Twitter)',
  instagram: 'Instagram',
  whatsapp: 'WhatsApp',
  snapchat: 'Snapchat',
  tiktok: 'TikTok',
  telegram: 'Telegram',
};

/** A code as a label that starts a table cell: the first letter capital, the rest as written. */
function label(code: string): string {
  return PLATFORM_NAMES[code] ?? sentence(words(code));
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sendCsv(res: Response, filename: string, rows: unknown[][]): void {
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  res.send(stringify(rows));
}

/** The case list narrowed as a report's count was: the one feature, received within the period. */
export function casesLink(
  dimension: string,
  code: string,
  period: { from: string; to: string } | null,
): string {
  const query = new URLSearchParams({ [dimension]: code });
  if (period) {
    query.set('from', period.from);
    query.set('to', period.to);
  }
  return `/cases?${query}`;
}
