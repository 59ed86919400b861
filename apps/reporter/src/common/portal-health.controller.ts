import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthService, Public } from '@precedent/platform';

/**
 * `GET /health` on the public portal: up or down and nothing more. Which store failed and its error
 * text would tell anyone on the internet about the inside; operators read the worker's or the API's.
 */
@ApiTags('operations')
@Controller('health')
export class PortalHealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '{"status":"up"} or, with 503, {"status":"down"}' })
  async get(@Res({ passthrough: true }) response: Response): Promise<{ status: 'up' | 'down' }> {
    const report = await this.health.check();
    if (report.status === 'down') response.status(503);
    return { status: report.status === 'down' ? 'down' : 'up' };
  }
}
