import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ArchivePostsService,
  EvidenceFileMissingError,
  EvidenceService,
  type Rendition,
} from '@precedent/evidence';
import { ChatDateOrderDto, ListPostsQuery } from './evidence-commands.dto';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import { EvidenceUploadErrors } from './evidence-upload-errors.interceptor';
import type { UploadedEvidence } from './evidence-upload.storage';
import { toCustodyEventResponse, toEvidenceResponse, toVerifyResponse } from './evidence.response';
import { UploadEvidenceDto } from './upload-evidence.dto';

/** The stored hash travels with the bytes, so a recipient can check what they received. */
const HASH_HEADER = 'X-Evidence-SHA256';

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('api')
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly posts: ArchivePostsService,
  ) {}

  @Post('cases/:id/evidence')
  @Roles('investigator', 'appropriate_authority')
  @UseInterceptors(EvidenceUploadErrors, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        capturedAt: { type: 'string', example: '2026-11-02T21:14:00Z' },
        capturedBy: { type: 'string' },
        sourceUrl: { type: 'string' },
        platform: { type: 'string' },
        accountHandle: { type: 'string' },
        description: { type: 'string' },
      },
    },
  })
  @ApiOperation({
    summary: 'Add a file of evidence to a case',
    description:
      'Streamed to storage while its SHA-256 is computed. The type is read from the content. The same bytes uploaded to the case again are the existing item: 200 with duplicate true.',
  })
  async upload(
    @Param('id') caseId: string,
    @UploadedFile() file: UploadedEvidence | undefined,
    @Body() body: UploadEvidenceDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!file?.received) throw new EvidenceFileMissingError();
    const { item, duplicate } = await this.evidence.record(
      caseId,
      file.received,
      body,
      ctx.principal,
      ctx.requestId,
    );
    response.status(duplicate ? 200 : 201);
    return {
      id: item.id,
      sha256: item.sha256,
      size: Number(item.size),
      type: item.mediaType,
      status: item.status,
      duplicate,
      ...(duplicate
        ? {
            message: `These exact bytes are already evidence item ${item.id} in this case (uploaded ${item.uploadedAt.toISOString()}); no new item was made. The repeat is recorded on its chain of custody.`,
          }
        : {}),
    };
  }

  @Get('cases/:id/evidence')
  @ApiOperation({ summary: "A case's evidence items, oldest first" })
  async list(@Param('id') caseId: string, @Ctx() ctx: RequestContext) {
    const items = await this.evidence.list(caseId, ctx.principal, ctx.requestId);
    return { items: items.map((item) => toEvidenceResponse(item)), total: items.length };
  }

  @Get('evidence/:id')
  @ApiOperation({ summary: 'One evidence item with its processing status, image metadata and OCR text' })
  async open(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    const { item, ocr } = await this.evidence.open(id, ctx.principal, ctx.requestId);
    return toEvidenceResponse(item, ocr);
  }

  @Get('evidence/:id/ocr')
  @ApiOperation({ summary: 'The OCR text of an image and every word with its pixel box, for highlighting' })
  async ocr(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    const ocr = await this.evidence.ocr(id, ctx.principal, ctx.requestId);
    return {
      text: ocr.text,
      confidence: ocr.confidence,
      engine: ocr.engine,
      recognisedAt: ocr.recognisedAt.toISOString(),
      words: ocr.words,
    };
  }

  @Get('evidence/:id/content')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'The stored bytes, with their SHA-256 in the X-Evidence-SHA256 header' })
  async content(@Param('id') id: string, @Ctx() ctx: RequestContext, @Res() response: Response) {
    await this.send('original', id, ctx, response);
  }

  @Get('evidence/:id/thumbnail')
  @ApiProduces('image/webp')
  async thumbnail(@Param('id') id: string, @Ctx() ctx: RequestContext, @Res() response: Response) {
    await this.send('thumbnail', id, ctx, response);
  }

  @Get('evidence/:id/preview')
  @ApiProduces('image/webp')
  async preview(@Param('id') id: string, @Ctx() ctx: RequestContext, @Res() response: Response) {
    await this.send('preview', id, ctx, response);
  }

  @Get('evidence/:id/members')
  @ApiOperation({
    summary: 'The files inside a ZIP item, each with its size and SHA-256 (hashed on processing)',
  })
  async members(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    const members = (await this.evidence.members(id, ctx.principal, ctx.requestId)) ?? [];
    return { items: members, total: members.length };
  }

  @Get('evidence/:id/participants')
  @ApiOperation({
    summary:
      'A chat export seen per participant: messages sent, media shared, messages received while a member',
  })
  async participants(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    const parts = await this.posts.participants(id, ctx.principal, ctx.requestId);
    return {
      items: parts.map((p) => ({
        ...p,
        firstSent: p.firstSent?.toISOString() ?? null,
        lastSent: p.lastSent?.toISOString() ?? null,
      })),
      total: parts.length,
    };
  }

  @Get('evidence/:id/custody')
  @ApiOperation({ summary: 'The chain of custody: every upload, view, download, check and processing step' })
  async custody(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    const events = await this.evidence.custody(id, ctx.principal, ctx.requestId);
    return { items: events.map(toCustodyEventResponse), total: events.length };
  }

  @Post('evidence/:id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-hash the stored bytes and compare with the hash recorded on arrival' })
  @ApiOkResponse({
    description:
      '{id, result: intact | mismatch | missing, intact, expectedSha256, actualSha256, checkedAt, message}',
  })
  async verify(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return toVerifyResponse(await this.evidence.verify(id, ctx.principal, ctx.requestId));
  }

  @Post('evidence/:id/process')
  @Roles('investigator', 'appropriate_authority')
  @HttpCode(202)
  @ApiOperation({ summary: 'Process a failed item again' })
  async reprocess(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return toEvidenceResponse(await this.evidence.reprocess(id, ctx.principal, ctx.requestId));
  }

  @Post('evidence/:id/chat-date-order')
  @Roles('investigator', 'appropriate_authority')
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Choose a chat export's day/month order when its dates cannot settle it; the chat is parsed again",
  })
  async chooseChatDateOrder(
    @Param('id') id: string,
    @Body() body: ChatDateOrderDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toEvidenceResponse(
      await this.evidence.chooseChatDateOrder(id, body.order, ctx.principal, ctx.requestId),
    );
  }

  @Get('cases/:id/posts')
  @ApiOperation({
    summary: "Search a case's archive posts and OCR text",
    description:
      'Each word of q must match as a word (English forms, accents ignored) or, when lightly obfuscated (digits for letters, separators, repeated letters), as a run of letters.',
  })
  async searchPosts(@Param('id') caseId: string, @Query() query: ListPostsQuery, @Ctx() ctx: RequestContext) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const { items, total } = await this.posts.search(
      caseId,
      { ...query, limit, offset },
      ctx.principal,
      ctx.requestId,
    );
    return {
      items: items.map((p) => ({ ...p, postedAt: p.postedAt?.toISOString() ?? null })),
      total,
      limit,
      offset,
    };
  }

  private async send(
    rendition: Rendition,
    id: string,
    ctx: RequestContext,
    response: Response,
  ): Promise<void> {
    const { item, sha256, stream } = await this.evidence.content(id, rendition, ctx.principal, ctx.requestId);
    response.setHeader(HASH_HEADER, sha256);
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
    response.setHeader('Cache-Control', 'private, no-store');
    if (rendition === 'original') {
      response.setHeader('Content-Type', item.mediaType);
      response.setHeader('Content-Length', item.size);
      // never rendered in the app's origin: an HTML or SVG-bearing file is data here, not a page
      response.setHeader(
        'Content-Disposition',
        `attachment; filename="${asciiName(item.originalName)}"; filename*=UTF-8''${encodeURIComponent(item.originalName)}`,
      );
    } else {
      response.setHeader('Content-Type', 'image/webp');
    }
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }
}

function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
