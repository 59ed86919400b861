import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../common/authenticated-request';

/** `/`: the signed-in person's work. Cases, hearings and reports join it as their issues land. */
@ApiExcludeController()
@Controller()
export class MyWorkController {
  @Get()
  page(@Req() req: AuthenticatedRequest, @Res() res: Response): void {
    res.render('pages/my-work', { title: 'My work', active: 'my-work', principal: req.principal });
  }
}
