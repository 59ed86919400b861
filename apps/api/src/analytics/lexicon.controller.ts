import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { LexiconService, type LexiconEntry, type TermSuggestions } from '@precedent/analytics';
import { ROLES } from '@precedent/identity';
import { Roles } from '../common/roles.decorator';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { CreateLexiconEntryDto, SuggestDto, UpdateLexiconEntryDto } from './lexicon.dto';

/** Term assistance: suggestions for a comment, and the lexicon administrators keep. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/analytics')
export class LexiconController {
  constructor(private readonly lexicon: LexiconService) {}

  @Post('suggest')
  @HttpCode(200)
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Suggested categories and targets for a comment, with the matched spans',
    description: 'Suggestions only: the investigator confirms; nothing is applied to a case.',
  })
  async suggest(@Body() body: SuggestDto): Promise<TermSuggestions> {
    return this.lexicon.suggest(body.text);
  }

  @Get('lexicon')
  @Roles(...ROLES)
  @ApiQuery({ name: 'includeRetired', required: false })
  async list(
    @Query('includeRetired') includeRetired?: string,
  ): Promise<{ items: LexiconEntry[]; total: number }> {
    const items = await this.lexicon.list({ includeRetired: includeRetired === 'true' });
    return { items, total: items.length };
  }

  @Post('lexicon')
  @Roles('admin')
  async create(@Body() body: CreateLexiconEntryDto, @Ctx() ctx: RequestContext): Promise<LexiconEntry> {
    return this.lexicon.create(body, ctx.audit);
  }

  @Patch('lexicon/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit or retire an entry; send the version you edited' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateLexiconEntryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<LexiconEntry> {
    return this.lexicon.update(id, body, ctx.audit);
  }

  @Get('lexicon/:id/versions')
  @Roles(...ROLES)
  async versions(@Param('id', ParseUUIDPipe) id: string) {
    const items = await this.lexicon.versions(id);
    return { items, total: items.length };
  }
}
