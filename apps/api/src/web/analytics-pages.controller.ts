import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { CasesService } from '@precedent/cases';
import {
  AnalyticsJobsService,
  todaysRulesFrom,
  reformMarkerForYear,
  ComparablesService,
  DisparityService,
} from '@precedent/analytics';
import {
  AUDIENCES,
  CATEGORIES,
  FORCES,
  FORCE_CODES,
  FORUMS,
  OUTCOMES,
  PARTICIPATION,
  PLATFORMS,
  STEP_LABELS,
  SUBJECT_ROLES,
  TARGETS,
  readConductProfile,
  type Outcome,
} from '@precedent/exchange';
import { OUTCOME_LABELS } from '@precedent/hearings';
import { auditContextOf, ROLES } from '@precedent/identity';
import { Clock, Env, londonDate } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { barChart, intervalChart } from './charts/svg-charts';
import { words } from '../common/code-words';
import { presentComparables } from './analytics/comparables.presenter';
import { similarityInWords } from './reports/similarity.presenter';

// The case and hearing pages read comparables the same way.
export { presentComparables, whyComparable } from './analytics/comparables.presenter';
import {
  cases,
  consistencyIndexSentence,
  homeForceSentence,
  homeForceVerdict,
  STEP_EXPLAINED,
} from './reports/reports.presenter';

type QueryValue = string | string[] | undefined;

const FORCE_NAMES = new Map(FORCES.map((force) => [force.code, force.name]));

/**
 * The analytics pages of the staff web UI: comparable precedents for a described comment, and the
 * reports on consistency and force disparity. Forms use GET so a search can be bookmarked, shared
 * and used without JavaScript.
 */
@ApiExcludeController()
@Controller()
export class AnalyticsPagesController {
  constructor(
    private readonly comparablesService: ComparablesService,
    private readonly disparity: DisparityService,
    private readonly jobs: AnalyticsJobsService,
    private readonly cases: CasesService,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  @Get('comparables')
  @Roles(...ROLES)
  async comparables(
    @Req() req: AuthenticatedRequest,
    @Query() query: Record<string, QueryValue>,
    @Res() res: Response,
  ) {
    const form = readForm(query);
    const todaysRules = todaysRulesFrom(londonDate(this.clock.now()));
    const view = {
      title: 'Comparable precedents',
      active: 'comparables',
      principal: req.principal,
      form,
      options: formOptions(form),
      todaysRulesFrom: todaysRules,
    };
    if (!form.submitted) return res.render('pages/comparables', view);

    const profile = {
      subject: { role: form.role, formerOfficer: false },
      conduct: [
        {
          platform: form.platform,
          audience: form.audience,
          text: form.text || null,
          categories: form.categories,
          targets: form.targets,
          participation: form.participation,
        },
      ],
      ...(form.messageCount ? { messageCount: Number(form.messageCount) } : {}),
    };
    const reading = readConductProfile(profile, londonDate(this.clock.now()));
    const errors = reading.ok
      ? []
      : reading.problems.map((problem) => ({
          text: sentenceFor(problem.field, problem.message),
          href: hrefFor(problem.field),
        }));
    if (form.proposedOutcome && !OUTCOMES.includes(form.proposedOutcome as Outcome))
      errors.push({ text: 'Choose a proposed outcome from the list', href: '#proposedOutcome' });
    if (!reading.ok || errors.length > 0)
      return res.status(400).render('pages/comparables', { ...view, errors });

    // Internal precedents link to their case only for people who may open it (the lib asks).
    const principal = req.principal;
    const viewer = principal
      ? { openableCaseIds: (ids: string[]) => this.cases.openableIds(ids, principal) }
      : undefined;
    const answer = await this.comparablesService.comparables(
      {
        profile: reading.record,
        k: 20,
        ...(form.proposedOutcome ? { proposedOutcome: form.proposedOutcome as Outcome } : {}),
        filters: {
          ...(form.force && FORCE_CODES.has(form.force) ? { forces: [form.force] } : {}),
          ...(form.from ? { from: `${form.from}-01-01` } : {}),
          ...(form.to ? { to: `${form.to}-12-31` } : {}),
          ...(form.forum ? { forums: [form.forum as (typeof FORUMS)[number]] } : {}),
          ...(form.todaysRules ? { underTodaysRules: true } : {}),
        },
      },
      viewer,
    );
    return res.render('pages/comparables', { ...view, result: presentComparables(answer, form.text !== '') });
  }

  @Get('reports')
  @Roles('senior_officer', 'admin', 'appropriate_authority')
  async reports(
    @Req() req: AuthenticatedRequest,
    @Query('queued') queued: string | undefined,
    @Res() res: Response,
  ) {
    const latest = await this.disparity.latest();
    const view = {
      title: 'Reports',
      active: 'reports',
      principal: req.principal,
      queued: queued === '1',
      isAdmin: (req.principal?.roles ?? []).includes('admin'),
    };
    if (!latest) return res.render('pages/reports', view);
    const report = this.disparity.report(latest);
    const ours = FORCE_CODES.has(this.env.FORCE_CODE) ? this.env.FORCE_CODE : null;
    const ourFigure = report.forces.find((force) => force.force === ours);
    const ourName = ours ? (FORCE_NAMES.get(ours) ?? null) : null;
    const forces = [...report.forces].sort((a, b) => b.relativeSeverity - a.relativeSeverity);
    const extent = Math.max(1, ...forces.flatMap((force) => [Math.abs(force.ciLow), Math.abs(force.ciHigh)]));
    const bound = Math.ceil(extent * 2) / 2;
    return res.render('pages/reports', {
      ...view,
      report,
      ours: ourName,
      headline: homeForceSentence(ourFigure, ourName),
      verdict: homeForceVerdict(ourFigure, 0.25),
      stepExplained: STEP_EXPLAINED,
      indexSentence: consistencyIndexSentence(report),
      forcesMeasured: cases(report.forces.reduce((sum, force) => sum + force.n, 0)),
      forces: forces.map((force) => ({
        ...force,
        name: FORCE_NAMES.get(force.force) ?? force.force,
        ours: force.force === ours,
      })),
      severityChart: intervalChart(
        forces.map((force) => ({
          label: FORCE_NAMES.get(force.force) ?? force.force,
          value: force.relativeSeverity,
          low: force.ciLow,
          high: force.ciHigh,
          highlight: force.force === ours,
          flagged: force.flagged,
        })),
        {
          title: `Relative severity of ${forces.length} forces, in outcome steps, with 95% intervals`,
          min: -bound,
          max: bound,
          margin: 0.25,
          id: 'chart-severity',
        },
      ),
      yearChart: barChart(
        report.consistencyByYear.map((year) => ({
          label: year.group,
          value: year.index,
          marker: reformMarkerForYear(year.group),
        })),
        {
          title: 'Consistency index by year (lower is more consistent)',
          max: Math.max(...report.consistencyByYear.map((year) => year.index), 0.01),
          format: (value) => value.toFixed(2),
          id: 'chart-consistency',
        },
      ),
      drift: report.stageDrift.filter((drift) => drift.force === null),
      similarity: similarityInWords(report.similarity),
      outliers: latest.analysis.outliers.slice(0, 25).map((outlier) => ({
        ...outlier,
        forceName: FORCE_NAMES.get(outlier.force) ?? outlier.force,
        outcomeLabel: OUTCOME_LABELS[outlier.outcome],
        bandWords:
          outlier.lowStep === outlier.highStep
            ? stepLabel(outlier.lowStep)
            : `${stepLabel(outlier.lowStep)} to ${stepLabel(outlier.highStep)}`,
      })),
    });
  }

  @Get('reports/disparity.csv')
  @Roles('senior_officer', 'admin', 'appropriate_authority')
  async disparityCsv(@Res() res: Response) {
    const latest = await this.disparity.latest();
    const report = latest ? this.disparity.report(latest) : null;
    const rows = (report?.forces ?? []).map((force) => [
      force.force,
      FORCE_NAMES.get(force.force) ?? '',
      force.n,
      force.relativeSeverity,
      force.ciLow,
      force.ciHigh,
      force.flagged ? 'yes' : 'no',
    ]);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="force-relative-severity.csv"');
    res.send(
      stringify([
        ['force', 'name', 'precedents', 'relative_severity', 'ci_low', 'ci_high', 'flagged'],
        ...rows,
      ]) + (report ? `# computed ${report.computedAt} on data version ${report.dataVersion}\n` : ''),
    );
  }

  @Post('reports/recompute')
  @Roles('senior_officer', 'admin')
  async recompute(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    await this.jobs.request(auditContextOf(req.principal ?? null, req.id), 'recompute', {});
    // The button sits with the administrators' imports; the reports say the figures are on their way.
    res.redirect(303, '/reports?queued=1');
  }
}

interface ComparablesForm {
  submitted: boolean;
  text: string;
  categories: string[];
  targets: string[];
  platform: string;
  audience: string;
  participation: string;
  role: string;
  messageCount: string;
  proposedOutcome: string;
  force: string;
  from: string;
  to: string;
  forum: string;
  todaysRules: boolean;
}

function readForm(query: Record<string, QueryValue>): ComparablesForm {
  const one = (key: string, fallback = '') => {
    const value = query[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? fallback;
  };
  const many = (key: string) => {
    const value = query[key];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  return {
    submitted: query.search !== undefined,
    text: one('text').slice(0, 10_000),
    categories: many('categories'),
    targets: many('targets'),
    platform: one('platform', 'facebook'),
    audience: one('audience', 'public'),
    participation: one('participation', 'author'),
    role: one('role', 'constable'),
    messageCount: /^\d{1,6}$/.test(one('messageCount')) ? one('messageCount') : '',
    proposedOutcome: one('proposedOutcome'),
    force: one('force'),
    from: /^\d{4}$/.test(one('from')) ? one('from') : '',
    to: /^\d{4}$/.test(one('to')) ? one('to') : '',
    forum: FORUMS.includes(one('forum') as (typeof FORUMS)[number]) ? one('forum') : '',
    todaysRules: many('rules').includes('today'),
  };
}

/** The form's choices, with the person's answers marked, ready for the GOV.UK macros. */
function formOptions(form: ComparablesForm) {
  const checkboxes = (codes: readonly string[], chosen: string[]) =>
    codes.map((code) => ({ value: code, text: words(code), checked: chosen.includes(code) }));
  const select = (items: { value: string; text: string }[], chosen: string, none?: string) => [
    ...(none !== undefined ? [{ value: '', text: none, selected: chosen === '' }] : []),
    ...items.map((item) => ({ ...item, selected: item.value === chosen })),
  ];
  const coded = (codes: readonly string[]) =>
    codes.map((code) => ({ value: code, text: code === 'twitter' ? 'X (Twitter)' : words(code) }));
  return {
    categories: checkboxes(CATEGORIES, form.categories),
    targets: checkboxes(TARGETS, form.targets),
    platforms: select(coded(PLATFORMS), form.platform),
    audiences: select(coded(AUDIENCES), form.audience),
    participation: select(coded(PARTICIPATION), form.participation),
    roles: select(coded(SUBJECT_ROLES), form.role),
    outcomes: select(
      OUTCOMES.map((code) => ({ value: code, text: OUTCOME_LABELS[code] })),
      form.proposedOutcome,
      'None',
    ),
    forums: select(coded(FORUMS), form.forum, 'Any forum'),
    forces: select(
      FORCES.map((force) => ({ value: force.code, text: force.name })),
      form.force,
      'All forces',
    ),
  };
}

function stepLabel(step: number): string {
  return STEP_LABELS[step] ?? String(step);
}

function sentenceFor(field: string, message: string): string {
  const names: Record<string, string> = {
    'conduct[0].categories': 'Categories',
    'conduct[0].platform': 'Platform',
    'conduct[0].audience': 'Audience',
    'conduct[0].targets': 'Targets',
    'subject.role': 'Role',
  };
  return `${names[field] ?? field}: ${message.replace(/^is required: a list of .*/, 'choose at least one').replace(/^must list at least one value/, 'choose at least one')}`;
}

function hrefFor(field: string): string {
  const ids: Record<string, string> = {
    'conduct[0].categories': '#categories',
    'conduct[0].platform': '#platform',
    'conduct[0].audience': '#audience',
    'conduct[0].targets': '#targets',
    'subject.role': '#role',
  };
  return ids[field] ?? '#text';
}
