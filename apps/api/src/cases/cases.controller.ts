import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CaseContentsService, CasesService } from '@precedent/cases';
import { AddAllegationDto, AddConductItemDto, AddSubjectDto } from './case-contents.dto';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import { AssessmentDto, ListCasesQuery, TransitionDto, UpdateCaseDto } from './case-commands.dto';
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
  ) {}

  @Post()
  @Roles('investigator', 'appropriate_authority')
  async record(@Body() body: RecordCaseDto, @Ctx() ctx: RequestContext) {
    return toCaseResponse(await this.cases.record(body, ctx.principal, ctx.requestId));
  }

  @Get()
  async list(@Query() query: ListCasesQuery, @Ctx() ctx: RequestContext) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const { items, total } = await this.cases.list({ ...query, limit, offset }, ctx.principal);
    return { items: items.map(toCaseResponse), total, limit, offset };
  }

  @Get(':id')
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
    return toSubjectResponse(await this.contents.addSubject(id, body, ctx.principal, ctx.requestId));
  }

  @Post(':id/allegations')
  @Roles('investigator', 'appropriate_authority')
  async addAllegation(@Param('id') id: string, @Body() body: AddAllegationDto, @Ctx() ctx: RequestContext) {
    return toAllegationResponse(await this.contents.addAllegation(id, body, ctx.principal, ctx.requestId));
  }

  @Post(':id/conduct-items')
  @Roles('investigator', 'appropriate_authority')
  async addConductItem(@Param('id') id: string, @Body() body: AddConductItemDto, @Ctx() ctx: RequestContext) {
    const c = await this.contents.addConductItem(id, body, ctx.principal, ctx.requestId);
    return {
      ...c,
      case: undefined,
      postedAt: c.postedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
    };
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
