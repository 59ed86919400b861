import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseContentsService, CasesService } from '@precedent/cases';
import { EvidencePromotionService } from '@precedent/evidence';
import { AddAllegationDto, AddConductItemDto, AddSubjectDto } from './case-contents.dto';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import {
  AssessmentDto,
  SendForAssessmentDto,
  ListCasesQuery,
  TransitionDto,
  UpdateCaseDto,
} from './case-commands.dto';
import {
  toAllegationResponse,
  toCaseEventResponse,
  toCaseResponse,
  toConductItemResponse,
  toSubjectResponse,
} from './case.response';
import { RecordCaseDto } from './record-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
    private readonly promotion: EvidencePromotionService,
  ) {}

  @Post()
  @Roles('investigator', 'appropriate_authority')
  async record(@Body() body: RecordCaseDto, @Ctx() ctx: RequestContext) {
    return toCaseResponse(await this.cases.record(body, ctx.principal, ctx.requestId));
  }

  @Get()
  @ApiOperation({
    summary: 'Cases you may open, filtered, searched and ordered',
    description:
      'Only cases the signed-in person may open are ever counted or listed. Every filter given must hold.',
  })
  @ApiOkResponse({
    description: 'One page of cases and how many match in all',
    schema: {
      example: {
        items: [
          {
            id: '8d0b7f2e-1c4a-4f7e-9a53-6b2e0c9d4a11',
            reference: 'PSD-2026-00042',
            status: 'investigating',
            version: 4,
            source: 'line_manager',
            receivedAt: '2026-11-20',
            cameToAttentionOn: '2026-11-20',
            regime: 'pcr2020',
            summary: 'Screenshots of derogatory comments in a WhatsApp group of response officers.',
            restricted: false,
            assignedInvestigatorId: '3f6c2b8e-4d1a-4c6e-9b0f-2a7d5e8c1b94',
            team: 'psd-north',
            reporter: null,
            authorisation: null,
            severity: 'gross_misconduct',
            severityRationale:
              'Racist language in a group of twelve serving officers; identifiable as police.',
            iopcReferralRequired: false,
            statusChangedAt: '2026-11-27T15:03:10.000Z',
            deadlines: [],
            lpbReportDue: false,
            lpbReport: {
              due: false,
              firstDueOn: '2027-11-20',
              lastDueOn: null,
              nextDueOn: '2027-11-20',
              reportsDue: 0,
            },
            createdAt: '2026-11-20T09:12:44.000Z',
            updatedAt: '2026-11-27T15:03:10.000Z',
          },
        ],
        total: 1,
        limit: 50,
        offset: 0,
      },
    },
  })
  @ApiBadRequestResponse({
    description: 'A filter is not valid; an unknown value lists the allowed ones',
    schema: {
      example: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'bad_request',
        message: 'The request has a field to correct: platform.',
        details: {
          fields: [
            {
              field: 'platform',
              message:
                'platform must be one of: facebook, twitter, instagram, whatsapp, snapchat, tiktok, telegram, other',
            },
          ],
        },
        requestId: '0b9f4c1e-6a2d-4e8b-9f73-5c1d2e3a4b5c',
      },
    },
  })
  async list(@Query() query: ListCasesQuery, @Ctx() ctx: RequestContext) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const { items, total } = await this.cases.list({ ...query, limit, offset }, ctx.principal, ctx.requestId);
    return { items: items.map(toCaseResponse), total, limit, offset };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One case, with the time limits that apply to it today',
    description:
      '`deadlines` lists the due dates that apply in the case’s current status, earliest first, each with ' +
      'what it is counted from (working days exclude weekends and England and Wales bank holidays). ' +
      '`lpbReportDue` is true while an investigation has been open 12 months or more since the matter came ' +
      'to attention: the report to the local policing body is due, and again every 6 months (`lpbReport`). ' +
      '`warnings` are possible duplicates you may open (the same subject with overlapping dates, or ' +
      'near-identical conduct text), with links; they never block anything. ' +
      'A case you may not open answers 404.',
  })
  @ApiOkResponse({
    description: 'The case',
    schema: {
      example: {
        id: '8d0b7f2e-1c4a-4f7e-9a53-6b2e0c9d4a11',
        reference: 'PSD-2025-00042',
        status: 'investigating',
        version: 4,
        cameToAttentionOn: '2025-03-10',
        statusChangedAt: '2025-04-02T10:00:00.000Z',
        deadlines: [
          {
            name: 'lpb_report',
            dueOn: '2026-03-10',
            basis:
              "Report to the local policing body once an investigation has run 12 months from 2025-03-10, when the matter came to the appropriate authority's attention, then every 6 months (reg 19)",
            overdue: false,
          },
        ],
        lpbReportDue: true,
        lpbReport: {
          due: true,
          firstDueOn: '2026-03-10',
          lastDueOn: '2026-03-10',
          nextDueOn: '2026-09-10',
          reportsDue: 1,
        },
        warnings: [
          {
            kind: 'same_subject',
            caseId: '5a1e9c3d-7b2f-4e8a-9d6c-1f0b2a3c4d5e',
            reference: 'PSD-2025-00037',
            reason:
              'The same subject (staff number 4821, leicestershire) is in this case, covering 2025-02-11 to 2025-03-04.',
          },
        ],
      },
    },
  })
  async open(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return toCaseResponse(await this.cases.open(id, ctx.principal, ctx.requestId));
  }

  @Patch(':id')
  @Roles('investigator', 'appropriate_authority')
  async update(@Param('id') id: string, @Body() body: UpdateCaseDto, @Ctx() ctx: RequestContext) {
    return toCaseResponse(await this.cases.update(id, body, ctx.principal, ctx.requestId));
  }

  @Post(':id/assessment')
  @Roles('appropriate_authority')
  async assess(@Param('id') id: string, @Body() body: AssessmentDto, @Ctx() ctx: RequestContext) {
    return toCaseResponse(await this.cases.assess(id, body, ctx.principal, ctx.requestId));
  }

  @Post(':id/send-for-assessment')
  @Roles('investigator')
  @ApiOperation({
    summary: 'Send the case to the appropriate authority for assessment (it appears on their My work)',
  })
  async sendForAssessment(
    @Param('id') id: string,
    @Body() body: SendForAssessmentDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toCaseResponse(
      await this.cases.sendForAssessment(id, body.note?.trim() ?? '', ctx.principal, ctx.requestId),
    );
  }

  @Post(':id/transitions')
  async transition(@Param('id') id: string, @Body() body: TransitionDto, @Ctx() ctx: RequestContext) {
    return toCaseResponse(await this.cases.transition(id, body, ctx.principal, ctx.requestId));
  }

  @Get(':id/timeline')
  async timeline(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    const events = await this.cases.timeline(id, ctx.principal, ctx.requestId);
    return { items: events.map(toCaseEventResponse), total: events.length };
  }

  @Post(':id/subjects')
  @Roles('investigator', 'appropriate_authority')
  async addSubject(@Param('id') id: string, @Body() body: AddSubjectDto, @Ctx() ctx: RequestContext) {
    const { created, warnings } = await this.contents.addSubject(id, body, ctx.principal, ctx.requestId);
    return { ...toSubjectResponse(created), warnings };
  }

  @Post(':id/allegations')
  @Roles('investigator', 'appropriate_authority')
  async addAllegation(@Param('id') id: string, @Body() body: AddAllegationDto, @Ctx() ctx: RequestContext) {
    return toAllegationResponse(await this.contents.addAllegation(id, body, ctx.principal, ctx.requestId));
  }

  @Post(':id/conduct-items')
  @Roles('investigator', 'appropriate_authority')
  @ApiOperation({
    summary: 'Add a conduct item, typed in or promoted from an archive post or OCR text (source)',
  })
  async addConductItem(@Param('id') id: string, @Body() body: AddConductItemDto, @Ctx() ctx: RequestContext) {
    const { source, text, platform, ...rest } = body;
    const { created, warnings } = source
      ? await this.promotion.promote(id, { ...rest, text, platform, source }, ctx.principal, ctx.requestId)
      : await this.contents.addConductItem(
          id,
          { ...rest, text: text!, platform: platform! },
          ctx.principal,
          ctx.requestId,
        );
    return { ...toConductItemResponse(created), warnings };
  }

  @Get(':id/contents')
  async caseContents(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    const { subjects, allegations, conductItems } = await this.contents.contents(
      id,
      ctx.principal,
      ctx.requestId,
    );
    return {
      subjects: subjects.map(toSubjectResponse),
      allegations: allegations.map(toAllegationResponse),
      conductItems: conductItems.map(toConductItemResponse),
    };
  }
}
