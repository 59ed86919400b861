import type { Request, Response } from 'express';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  AnalyticsJobsService,
  ComparablesService,
  DisparityService,
  InconsistencyService,
  MAX_K,
  MAX_PAIR_LIMIT,
  PrecedentStore,
  type AnalyticsJob,
  type CaseViewer,
  type ComparablesAnswer,
  type DisparityReport,
  isStalled,
} from '@precedent/analytics';
import {
  FORCE_CODES,
  FINDINGS,
  FORUMS,
  OUTCOMES,
  readConductProfile,
  type Finding,
  type Forum,
  type Outcome,
} from '@precedent/exchange';
import { CaseContentsService, caseProfile, CasesService } from '@precedent/cases';
import { Clock, Env, InvalidInputError, londonDate, NotFoundError } from '@precedent/platform';
import { ROLES } from '@precedent/identity';
import { Roles } from '../common/roles.decorator';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { newImportPath, receiveUpload } from './uploaded-file';

// Every role reads the analytics: they hold no personal data.
const ANALYSTS = ROLES;

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api')
export class AnalyticsController {
  constructor(
    private readonly comparablesService: ComparablesService,
    private readonly disparity: DisparityService,
    private readonly inconsistency: InconsistencyService,
    private readonly jobs: AnalyticsJobsService,
    private readonly store: PrecedentStore,
    private readonly clock: Clock,
    private readonly caseContents: CaseContentsService,
    private readonly cases: CasesService,
    private readonly env: Env,
  ) {}

  /** Internal precedents link to their case only for people allowed to open it: the analytics lib asks. */
  private viewer(ctx: RequestContext): CaseViewer {
    return { openableCaseIds: (ids) => this.cases.openableIds(ids, ctx.principal) };
  }

  @Post('analytics/comparables')
  @HttpCode(200)
  @Roles(...ANALYSTS)
  @ApiOperation({
    summary: 'Comparable precedents for a conduct profile, with the reasons they are comparable',
    description:
      "Body: {profile, k?, proposedOutcome?, filters?: {forces, from, to, forums, findings, excludeRefs, underTodaysRules}}. The profile has the exchange format's case fields. With fewer than 3 precedents at the minimum similarity the distribution and band are withheld, with the reason.",
  })
  @ApiBody({
    schema: {
      example: {
        profile: {
          subject: { role: 'constable', formerOfficer: false },
          conduct: [
            {
              platform: 'whatsapp',
              audience: 'private_group',
              audienceSize: 12,
              text: 'the words at issue',
              categories: ['discriminatory'],
              targets: ['race'],
              participation: 'author',
            },
          ],
          messageCount: 4,
          standards: ['discreditable_conduct', 'equality_and_diversity'],
          aggravating: ['discriminatory_motive'],
          mitigating: ['early_admission'],
        },
        k: 20,
        proposedOutcome: 'final_written_warning',
        filters: { from: '2020-02-01' },
      },
    },
  })
  async comparables(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<ComparablesAnswer> {
    return this.comparablesService.comparables(this.readComparablesBody(body), this.viewer(ctx));
  }

  @Get('cases/:id/comparables')
  @Roles(...ANALYSTS)
  @ApiOperation({
    summary:
      "Comparable precedents for a case's own profile (its conduct items, a subject's role and alleged Standards)",
  })
  @ApiQuery({
    name: 'subjectId',
    required: false,
    description: 'Which subject; the first recorded by default',
  })
  @ApiQuery({ name: 'k', required: false })
  @ApiQuery({ name: 'proposedOutcome', required: false, enum: OUTCOMES })
  async caseComparables(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() ctx: RequestContext,
    @Query('subjectId') subjectId?: string,
    @Query('k') k?: string,
    @Query('proposedOutcome') proposedOutcome?: string,
  ): Promise<ComparablesAnswer> {
    // Opening the case's contents checks access (404 when not yours) and audits the read.
    const contents = await this.caseContents.contents(id, ctx.principal, ctx.requestId);
    const profile = caseProfile(contents, subjectId);
    if (!profile) {
      throw new InvalidInputError(
        'no_profile_yet',
        'This case has no subject or no conduct item yet: record them, then ask for comparables.',
      );
    }
    return this.comparablesService.comparables(
      this.readComparablesBody({
        profile: JSON.parse(JSON.stringify(profile)) as unknown,
        ...(k !== undefined ? { k: Number(k) } : {}),
        ...(proposedOutcome !== undefined ? { proposedOutcome } : {}),
      }),
      this.viewer(ctx),
    );
  }

  @Get('analytics/disparity')
  @Roles(...ANALYSTS)
  @ApiOperation({
    summary: 'The latest consistency and force relative severity, with when and on what data it was computed',
  })
  async disparityReport(): Promise<DisparityReport> {
    const latest = await this.disparity.latest();
    if (!latest)
      throw new NotFoundError('disparity result yet: POST /api/analytics/recompute to compute one');
    return this.disparity.report(latest);
  }

  @Get('analytics/outliers')
  @Roles(...ANALYSTS)
  @ApiOperation({
    summary: 'Recorded outcomes outside the band of their comparables, most out of band first',
  })
  @ApiQuery({ name: 'force', required: false })
  async outliers(@Query('force') force?: string) {
    const latest = await this.disparity.latest();
    if (!latest)
      throw new NotFoundError('disparity result yet: POST /api/analytics/recompute to compute one');
    const items = latest.analysis.outliers.filter((outlier) => !force || outlier.force === force);
    return {
      computedAt: latest.computedAt.toISOString(),
      dataVersion: latest.dataVersion,
      items,
      total: items.length,
    };
  }

  @Get('analytics/inconsistencies')
  @Roles(...ANALYSTS)
  @ApiOperation({
    summary:
      'Pairs of like precedents whose outcomes went two or more steps apart, most inconsistent first, with what differs between them',
    description:
      'Answers {dataVersion, computedAt, precedents, total, pairs: [{a, b, similarity, stepGap, parts, differences, explained, score}]} from the latest recompute.',
  })
  @ApiQuery({ name: 'force', required: false, description: 'Only pairs where one side is this force' })
  @ApiQuery({ name: 'limit', required: false, description: `1 to ${MAX_PAIR_LIMIT}; 50 by default` })
  async inconsistencies(@Query('force') force?: string, @Query('limit') limit?: string) {
    if (force !== undefined && force !== '' && !FORCE_CODES.has(force)) {
      throw new InvalidInputError('unknown_force', `Unknown force "${force}": use a code from forces.json`, {
        field: 'force',
      });
    }
    const count = limit === undefined || limit === '' ? undefined : Number(limit);
    if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > MAX_PAIR_LIMIT)) {
      throw new InvalidInputError(
        'invalid_limit',
        `limit must be a whole number from 1 to ${MAX_PAIR_LIMIT}`,
        {
          field: 'limit',
        },
      );
    }
    const latest = await this.inconsistency.latest();
    if (!latest)
      throw new NotFoundError('inconsistency result yet: POST /api/analytics/recompute to compute one');
    return this.inconsistency.report(latest, {
      ...(force ? { force } : {}),
      ...(count !== undefined ? { limit: count } : {}),
    });
  }

  @Post('analytics/recompute')
  @HttpCode(202)
  @Roles('admin', 'senior_officer')
  @ApiAcceptedResponse({ description: '{jobId}: follow it at GET /api/analytics/jobs/:id' })
  async recompute(@Ctx() ctx: RequestContext): Promise<{ jobId: string }> {
    const job = await this.jobs.request(ctx.audit, 'recompute', {});
    return { jobId: job.id };
  }

  @Get('analytics/jobs/:id')
  @Roles(...ANALYSTS)
  @ApiOkResponse({
    description:
      '{id, kind, status, done, total, result, error, requestedAt, startedAt, finishedAt}; an import adds progress: {records, imported, updated, rejected, errors}',
  })
  async job(@Param('id', ParseUUIDPipe) id: string) {
    return toJobResponse(await this.jobs.get(id));
  }

  @Post('precedents/import')
  @HttpCode(202)
  @Roles('admin')
  @ApiConsumes('application/x-ndjson', 'application/jsonl', 'text/plain', 'multipart/form-data')
  @ApiQuery({ name: 'strict', required: false, description: 'true: import nothing when any line is bad' })
  @ApiOperation({
    summary:
      'Import an exchange-format file sent as the body or as a multipart file; runs as a job with progress',
  })
  async importPrecedents(
    @Req() request: Request,
    @Query('strict') strict: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<{ jobId: string }> {
    const path = await newImportPath(this.env);
    const size = await receiveUpload(request, path);
    const job = await this.jobs.request(ctx.audit, 'import', {
      path,
      strict: strict === 'true',
      bytes: size,
    });
    return { jobId: job.id };
  }

  @Get('precedents/export')
  @Roles('admin', 'senior_officer')
  @ApiQuery({ name: 'force', required: false })
  @ApiOperation({ summary: 'The store (or one force) as exchange-format JSON Lines' })
  async exportPrecedents(
    @Query('force') force: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    if (force && !FORCE_CODES.has(force)) {
      throw new InvalidInputError('unknown_force', `Unknown force "${force}": use a code from forces.json`, {
        field: 'force',
      });
    }
    response.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
    response.setHeader(
      'content-disposition',
      `attachment; filename="precedents${force ? `-${force}` : ''}.jsonl"`,
    );
    await this.store.export(response, force);
    response.end();
  }

  private readComparablesBody(body: unknown) {
    if (typeof body !== 'object' || body === null) {
      throw new InvalidInputError(
        'invalid_body',
        'Send a JSON object {profile, k?, proposedOutcome?, filters?}',
      );
    }
    const { profile, k, proposedOutcome, filters, ...unknown } = body as Record<string, unknown>;
    const problems: { field: string; message: string }[] = Object.keys(unknown).map((field) => ({
      field,
      message: 'is not a field of this request',
    }));
    const reading = readConductProfile(profile, londonDate(this.clock.now()));
    if (!reading.ok)
      problems.push(
        ...reading.problems.map((problem) => ({
          ...problem,
          field: `profile.${problem.field}`.replace(/\.$/, ''),
        })),
      );
    if (k !== undefined && (!Number.isInteger(k) || (k as number) < 1 || (k as number) > MAX_K)) {
      problems.push({ field: 'k', message: `must be a whole number from 1 to ${MAX_K}` });
    }
    if (proposedOutcome !== undefined && !OUTCOMES.includes(proposedOutcome as Outcome)) {
      problems.push({ field: 'proposedOutcome', message: `must be one of ${OUTCOMES.join(', ')}` });
    }
    const readFilters = this.readFilters(filters, problems);
    if (problems.length > 0 || !reading.ok) {
      throw new InvalidInputError(
        'invalid_profile',
        `${problems.length} field(s) need correcting: ${problems.map((problem) => problem.field).join(', ')}`,
        {
          fields: problems,
        },
      );
    }
    return {
      profile: reading.record,
      ...(k !== undefined ? { k: k as number } : {}),
      ...(proposedOutcome !== undefined ? { proposedOutcome: proposedOutcome as Outcome } : {}),
      filters: readFilters,
    };
  }

  private readFilters(filters: unknown, problems: { field: string; message: string }[]) {
    if (filters === undefined) return {};
    if (typeof filters !== 'object' || filters === null) {
      problems.push({
        field: 'filters',
        message: 'must be an object {forces, from, to, forums, findings, excludeRefs}',
      });
      return {};
    }
    const { forces, from, to, forums, findings, excludeRefs, underTodaysRules, ...unknown } =
      filters as Record<string, unknown>;
    for (const field of Object.keys(unknown))
      problems.push({ field: `filters.${field}`, message: 'is not a filter' });
    const list = (
      value: unknown,
      field: string,
      allowed?: ReadonlySet<string> | readonly string[],
    ): string[] | undefined => {
      if (value === undefined) return undefined;
      const allowedSet = allowed instanceof Set ? allowed : allowed ? new Set(allowed) : null;
      if (
        !Array.isArray(value) ||
        value.some((item) => typeof item !== 'string' || (allowedSet && !allowedSet.has(item)))
      ) {
        problems.push({
          field: `filters.${field}`,
          message: allowedSet ? `must be a list of ${field} codes` : 'must be a list of strings',
        });
        return undefined;
      }
      return value as string[];
    };
    const date = (value: unknown, field: string): string | undefined => {
      if (value === undefined) return undefined;
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        problems.push({ field: `filters.${field}`, message: 'must be a date YYYY-MM-DD' });
        return undefined;
      }
      return value;
    };
    return {
      forces: list(forces, 'forces', FORCE_CODES),
      from: date(from, 'from'),
      to: date(to, 'to'),
      forums: list(forums, 'forums', FORUMS) as Forum[] | undefined,
      findings: list(findings, 'findings', FINDINGS) as Finding[] | undefined,
      excludeRefs: list(excludeRefs, 'excludeRefs'),
      ...(underTodaysRules === undefined
        ? {}
        : typeof underTodaysRules === 'boolean'
          ? { underTodaysRules }
          : (problems.push({ field: 'filters.underTodaysRules', message: 'must be true or false' }), {})),
    };
  }
}

function toJobResponse(job: AnalyticsJob) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    done: job.done,
    total: job.total,
    result: job.result,
    error: job.error,
    requestedAt: job.requestedAt.toISOString(),
    startedAt: job.startedAt ? job.startedAt.toISOString() : null,
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
    // running, but its worker has gone: the queue hands it to another worker, which resumes it
    stalled: isStalled(job, new Date()),
    interruptions: job.interruptions,
    // an import's counts while it runs (and after it fails): the result holds them once it succeeds
    ...(job.kind === 'import'
      ? {
          progress: {
            records: job.recordsRead,
            imported: job.recordsImported,
            updated: job.recordsUpdated,
            rejected: job.recordsRejected,
            errors: job.problems,
          },
        }
      : {}),
  };
}
