import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  DEFAULT_PAGE_SIZE,
  FeedOffError,
  MAX_PAGE_SIZE,
  PeerTokens,
  PrecedentFeed,
  readCursor,
  SIGNATURE_HEADER,
} from '@precedent/network';
import { Public } from '@precedent/platform';

/**
 * GET /exchange/v1/precedents?after=CURSOR[&limit=N]: this force's anonymised precedents for the
 * peers it issued a token to (Authorization: Bearer TOKEN), one signed page at a time. No user
 * session opens it and no token opens anything else. The body is sent as the exact bytes signed.
 * What a caller may lie about: the cursor and limit are only read as numbers; the token is checked
 * against the digests issued; whatever the token, the page is the same public, anonymised feed.
 */
@ApiExcludeController()
@Controller('exchange/v1')
@Public()
export class PrecedentFeedController {
  constructor(
    private readonly feed: PrecedentFeed,
    private readonly tokens: PeerTokens,
  ) {}

  @Get('precedents')
  async precedents(
    @Headers('authorization') authorization: string | undefined,
    @Query('after') afterText: unknown,
    @Query('limit') limitText: unknown,
    @Res() res: Response,
  ): Promise<void> {
    res.set('Cache-Control', 'no-store');
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
    if (!token || !(await this.tokens.peerOf(token))) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({ message: 'Send the token this force issued to yours, as Authorization: Bearer TOKEN.' });
      return;
    }
    const after = readCursor(afterText);
    const limit =
      limitText === undefined
        ? DEFAULT_PAGE_SIZE
        : typeof limitText === 'string' && /^\d{1,4}$/.test(limitText)
          ? Number(limitText)
          : 0;
    if (after === null || limit < 1 || limit > MAX_PAGE_SIZE) {
      res.status(400).json({
        message: `after must be the "next" of the previous page (digits, 0 to start); limit from 1 to ${MAX_PAGE_SIZE}.`,
      });
      return;
    }
    try {
      const page = await this.feed.page(after, limit);
      res.status(200).type('application/json').set(SIGNATURE_HEADER, page.signature).send(page.body);
    } catch (error) {
      if (!(error instanceof FeedOffError)) throw error;
      res.status(503).json({ message: error.message });
    }
  }
}
