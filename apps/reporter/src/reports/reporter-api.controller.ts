import { Body, Controller, Delete, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { type MessageView, ReporterService } from '@precedent/reporting';
import { ReporterSessionGuard, SignedInReport } from '../common/reporter-session.guard';
import { ReplyDto, SignInDto, SubmitReportDto } from './report.dto';

/**
 * The reporter's journey as JSON, for other front ends and for tests. Nothing of the request but its
 * body (and, inside the attempt limiter's keyed hash, the connection's address) reaches the service.
 */
@Controller('api')
export class ReporterApiController {
  constructor(private readonly reporter: ReporterService) {}

  @Post('reports')
  async submit(@Body() body: SubmitReportDto): Promise<{ receipt: string }> {
    return this.reporter.submit(body);
  }

  @Post('session')
  @HttpCode(200)
  async signIn(@Body() body: SignInDto, @Req() request: Request) {
    const { token, expiresAt } = await this.reporter.signIn(body.receipt, peerOf(request));
    return { token, expiresAt: expiresAt.toISOString() };
  }

  @Delete('session')
  @HttpCode(204)
  @UseGuards(ReporterSessionGuard)
  async signOut(@SignedInReport() session: { token: string }): Promise<void> {
    await this.reporter.signOut(session.token);
  }

  @Get('report')
  @UseGuards(ReporterSessionGuard)
  async report(@SignedInReport() session: { reportId: string }) {
    const view = await this.reporter.view(session.reportId);
    return { ...view, messages: view.messages.map(toMessageResponse) };
  }

  @Post('report/messages')
  @UseGuards(ReporterSessionGuard)
  async reply(@SignedInReport() session: { reportId: string }, @Body() body: ReplyDto) {
    return toMessageResponse(await this.reporter.reply(session.reportId, body.body));
  }
}

function toMessageResponse(message: MessageView): { from: string; body: string; at: string } {
  return { from: message.from, body: message.body, at: message.at.toISOString() };
}

/** The connection's own address (no proxy header is trusted): only ever hashed by the attempt limiter. */
function peerOf(request: Request): string {
  return request.socket.remoteAddress ?? 'unknown';
}
