import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseContentsService } from '@precedent/cases';
import { InvalidInputError } from '@precedent/platform';
import { AddAllegationDto, AddConductItemDto, AddSubjectDto } from './case-contents.dto';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';

/**
 * Corrections while the case is open: a subject, allegation or conduct item changed (the whole
 * item sent again, checked as when it was added) or removed. Each is on the timeline and audited.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases/:id')
@Roles('investigator', 'appropriate_authority')
export class CaseContentsCorrectionsController {
  constructor(private readonly contents: CaseContentsService) {}

  @Patch('subjects/:subjectId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Corrected' })
  async correctSubject(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('subjectId', ParseUUIDPipe) subjectId: string,
    @Body() body: AddSubjectDto,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.contents.correctSubject(id, subjectId, body, ctx.principal, ctx.requestId);
  }

  @Delete('subjects/:subjectId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a subject who has no allegations left' })
  async removeSubject(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('subjectId', ParseUUIDPipe) subjectId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.contents.remove(id, 'subject', subjectId, ctx.principal, ctx.requestId);
  }

  @Patch('allegations/:allegationId')
  @HttpCode(204)
  async correctAllegation(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('allegationId', ParseUUIDPipe) allegationId: string,
    @Body() body: AddAllegationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.contents.correctAllegation(id, allegationId, body, ctx.principal, ctx.requestId);
  }

  @Delete('allegations/:allegationId')
  @HttpCode(204)
  async removeAllegation(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('allegationId', ParseUUIDPipe) allegationId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.contents.remove(id, 'allegation', allegationId, ctx.principal, ctx.requestId);
  }

  @Patch('conduct-items/:itemId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Correct a conduct item; one taken from evidence keeps its words and platform' })
  async correctConductItem(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: AddConductItemDto,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    const { source, text, platform, ...rest } = body;
    if (source || !text || !platform)
      throw new InvalidInputError(
        'conduct_item_text',
        'Send the words at issue and the platform, without a source.',
      );
    await this.contents.correctConductItem(
      id,
      itemId,
      { ...rest, text, platform },
      ctx.principal,
      ctx.requestId,
    );
  }

  @Delete('conduct-items/:itemId')
  @HttpCode(204)
  async removeConductItem(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.contents.remove(id, 'conduct_item', itemId, ctx.principal, ctx.requestId);
  }
}
