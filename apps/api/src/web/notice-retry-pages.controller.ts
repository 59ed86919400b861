import { Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { NoticesService } from '@precedent/hearings';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';

/**
 * My work's "Try again" on a notice email the mail server refused. Only casework may ask, and only
 * for an email of a case they may change (else "not found"); the service audits it. The CSRF guard
 * checks the form like every other.
 */
@ApiExcludeController()
@Controller('notice-emails')
@Roles('investigator', 'appropriate_authority')
export class NoticeRetryPagesController {
  constructor(private readonly notices: NoticesService) {}

  @Post(':deliveryId/retry')
  async retry(
    @Req() req: AuthenticatedRequest,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
    @Res() res: Response,
  ) {
    if (!req.principal) throw new Error('My work is for signed-in users only');
    await this.notices.retry(deliveryId, req.principal, req.id);
    res.redirect(303, '/#undelivered-notices');
  }
}
