import type { Response } from 'express';
import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ComparablesService } from '@precedent/analytics';
import { CaseContentsService, caseProfile, CasesService } from '@precedent/cases';
import { EvidenceService } from '@precedent/evidence';
import { HearingsService, type HearingView } from '@precedent/hearings';
import { Clock } from '@precedent/platform';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import { writeHearingBundle, type BundleContent } from './hearing-bundle.pdf';

const CASE_READERS = ['investigator', 'appropriate_authority', 'panel_member', 'senior_officer'] as const;

/**
 * The hearing bundle as a PDF, made on demand from the case as it stands. Everything in it is read
 * through the services that check access and audit; the evidence listed is recorded as exported
 * on each item's chain of custody.
 */
@ApiTags('hearings')
@ApiBearerAuth()
@Controller('api')
export class HearingBundleController {
  constructor(
    private readonly hearings: HearingsService,
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
    private readonly evidence: EvidenceService,
    private readonly comparables: ComparablesService,
    private readonly clock: Clock,
  ) {}

  @Get('hearings/:id/bundle.pdf')
  @Roles(...CASE_READERS)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'The hearing bundle: case, allegations, comments, evidence with hashes, comparables',
  })
  async forHearing(@Param('id', ParseUUIDPipe) id: string, @Ctx() ctx: RequestContext, @Res() res: Response) {
    const view = await this.hearings.view(id, ctx.principal, ctx.requestId);
    await this.send(view.hearing.caseId, view, ctx, res);
  }

  @Get('cases/:id/bundle.pdf')
  @Roles(...CASE_READERS)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The bundle for a case, with its latest hearing when it has one' })
  async forCase(@Param('id', ParseUUIDPipe) id: string, @Ctx() ctx: RequestContext, @Res() res: Response) {
    const hearings = await this.hearings.forCase(id, ctx.principal, ctx.requestId);
    await this.send(id, hearings[hearings.length - 1] ?? null, ctx, res);
  }

  private async send(
    caseId: string,
    hearing: HearingView | null,
    ctx: RequestContext,
    res: Response,
  ): Promise<void> {
    const content = await this.content(caseId, hearing, ctx);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', `attachment; filename="bundle-${content.reference}.pdf"`);
    writeHearingBundle(content, res);
  }

  private async content(
    caseId: string,
    hearing: HearingView | null,
    ctx: RequestContext,
  ): Promise<BundleContent> {
    const { case: kase } = await this.cases.open(caseId, ctx.principal, ctx.requestId);
    const contents = await this.contents.contents(caseId, ctx.principal, ctx.requestId);
    const evidence = await this.evidence.export(
      caseId,
      `bundle of ${kase.reference}`,
      ctx.principal,
      ctx.requestId,
    );
    const profile = caseProfile(contents);
    const comparables = profile ? await this.comparables.comparables({ profile, k: 10 }) : null;
    return {
      reference: kase.reference,
      generatedAt: this.clock.now().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
      generatedBy: ctx.principal.displayName,
      kase: {
        summary: kase.summary,
        status: kase.status,
        receivedAt: kase.receivedAt,
        regime: kase.regime,
        severity: kase.severity,
      },
      hearing: hearing && {
        forum: hearing.hearing.forum,
        scheduledOn: hearing.hearing.scheduledOn,
        venue: hearing.hearing.venue ?? hearing.hearing.remoteLink,
        panel: hearing.seats.map((seat) => ({ name: seat.panelMember.name, role: seat.role })),
      },
      subjects: contents.subjects.map((subject) => ({
        name: subject.name,
        role: subject.role,
        force: subject.force,
        allegations: contents.allegations
          .filter((allegation) => allegation.subjectId === subject.id)
          .map((allegation) => ({ standards: allegation.standards, description: allegation.description })),
      })),
      conductItems: contents.conductItems.map((item) => ({
        platform: item.platform,
        audience: item.audience,
        text: item.text,
        categories: item.categories,
        targets: item.targets,
        participation: item.participation,
      })),
      evidence: evidence.map((item) => ({
        name: item.originalName,
        sha256: item.sha256,
        size: item.size,
        mediaType: item.mediaType,
        uploadedAt: item.uploadedAt.toISOString().slice(0, 16).replace('T', ' '),
      })),
      comparables: comparables && {
        ...(comparables.withheld ? { withheld: comparables.withheld } : {}),
        ...(comparables.band ? { band: comparables.band, medianStep: comparables.medianStep } : {}),
        items: comparables.items.map((item) => ({
          ref: item.ref,
          force: item.force,
          decidedOn: item.decidedOn,
          outcome: item.outcome,
          similarity: item.similarity,
        })),
      },
    };
  }
}
