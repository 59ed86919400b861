import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthService, Public } from '@precedent/platform';

/** `GET /health` on the public site: up or down and nothing more, as on the reporter portal. */
@Controller('health')
export class PublicationHealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  async get(@Res({ passthrough: true }) response: Response): Promise<{ status: 'up' | 'down' }> {
    const report = await this.health.check();
    response.setHeader('Cache-Control', 'no-store');
    if (report.status === 'down') response.status(503);
    return { status: report.status === 'down' ? 'down' : 'up' };
  }
}
