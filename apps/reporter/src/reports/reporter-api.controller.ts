import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Req,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  AttachmentMissingError,
  type AttachmentView,
  type MessageView,
  ReporterService,
} from '@precedent/reporting';
import { Env } from '@precedent/platform';
import { clientOf } from '../common/client-of';
import { AttachmentUploadErrors, type UploadedAttachment } from '../common/attachment-upload';
import { ReporterSessionGuard, SignedInReport } from '../common/reporter-session.guard';
import { ReplyDto, SignInDto, SubmitReportDto } from './report.dto';

/**
 * The reporter's journey as JSON, for other front ends and for tests. Nothing of the request but its
 * body (and, inside the attempt limiter's keyed hash, the client a trusted proxy names) reaches the service.
 */
@Controller('api')
export class ReporterApiController {
  constructor(
    private readonly reporter: ReporterService,
    private readonly env: Env,
  ) {}

  @Post('reports')
  async submit(@Body() body: SubmitReportDto): Promise<{ receipt: string }> {
    return this.reporter.submit(body);
  }

  @Post('session')
  @HttpCode(200)
  async signIn(@Body() body: SignInDto, @Req() request: Request) {
    const { token, expiresAt } = await this.reporter.signIn(body.receipt, clientOf(request, this.env));
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
    return {
      ...view,
      messages: view.messages.map(toMessageResponse),
      attachments: view.attachments.map(toAttachmentResponse),
    };
  }

  @Post('report/attachments')
  @UseGuards(ReporterSessionGuard)
  @UseInterceptors(AttachmentUploadErrors, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  async attach(
    @SignedInReport() session: { reportId: string },
    @UploadedFile() file: UploadedAttachment | undefined,
  ) {
    if (!file) throw new AttachmentMissingError();
    return toAttachmentResponse(await this.reporter.attach(session.reportId, file.buffer));
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

function toAttachmentResponse(attachment: AttachmentView) {
  return {
    id: attachment.id,
    type: attachment.type,
    size: attachment.size,
    at: attachment.at.toISOString(),
    metadataRemoved: true,
  };
}
