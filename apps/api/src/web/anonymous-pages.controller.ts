import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { InboxService, REPORT_STATUSES, type ReportStatus } from '@precedent/reporting';
import { DomainError } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { words } from '../common/code-words';

const PAGE_SIZE = 25;
const STATUS_COLOURS: Record<ReportStatus, string> = {
  received: 'govuk-tag--blue',
  in_review: 'govuk-tag--light-blue',
  case_opened: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
};
const when = (at: Date) => at.toISOString().replace('T', ' ').slice(0, 16);

/**
 * The anonymous inbox: the list, a report's thread, a question to the reporter and a case made from
 * the report. Everything goes through InboxService, as the API's routes do, so it is audited alike.
 */
@ApiExcludeController()
@Controller('anonymous')
@Roles('investigator', 'appropriate_authority')
export class AnonymousPagesController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  async list(
    @Req() req: AuthenticatedRequest,
    @Query() query: Record<string, string | undefined>,
    @Res() res: Response,
  ) {
    const status = (REPORT_STATUSES as readonly string[]).includes(query.status ?? '')
      ? (query.status as ReportStatus)
      : undefined;
    const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
    const { items, total } = await this.inbox.list(
      { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      principalOf(req),
      req.id,
    );
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const link = (to: number) =>
      `/anonymous?${new URLSearchParams({ ...(status ? { status } : {}), page: String(to) })}`;
    res.render('pages/anonymous', {
      title: 'Anonymous reports',
      active: 'anonymous',
      principal: req.principal,
      total,
      statuses: [
        { value: '', text: 'Any status', selected: !status },
        ...REPORT_STATUSES.map((code) => ({ value: code, text: words(code), selected: code === status })),
      ],
      rows: items.map((item) => ({
        id: item.id,
        received: when(item.receivedAt),
        statusText: words(item.status),
        statusClass: STATUS_COLOURS[item.status],
        summary: item.summary,
        platform: item.platform ? words(item.platform) : 'not given',
        thread:
          item.messageCount === 0
            ? 'No messages'
            : `${item.messageCount} message${item.messageCount === 1 ? '' : 's'}, last from ${item.lastMessageFrom === 'psd' ? 'PSD' : 'the reporter'}`,
      })),
      pagination:
        pages > 1
          ? {
              ...(page > 1 ? { previous: { href: link(page - 1) } } : {}),
              ...(page < pages ? { next: { href: link(page + 1) } } : {}),
            }
          : null,
    });
  }

  @Get(':id')
  async thread(@Req() req: AuthenticatedRequest, @Param('id') id: string, @Res() res: Response) {
    await this.render(req, res, id, 200, {});
  }

  /**
   * A reporter's screenshot, shown inside the report page: only to those who may open the report
   * (InboxService checks, and audits the read), as the image type it was stored as, never sniffed.
   */
  @Get(':id/attachments/:attachmentId')
  async attachment(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res() res: Response,
  ) {
    const file = await this.inbox.attachment(id, attachmentId, principalOf(req), req.id);
    res.setHeader('Content-Type', file.type);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', `inline; filename="${file.fileName}"`);
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Metadata-Removed', 'true');
    res.send(file.bytes);
  }

  /** Starts the review: the report leaves "new" and the reporter is told PSD is looking into it. */
  @Post(':id/review')
  async review(@Req() req: AuthenticatedRequest, @Param('id') id: string, @Res() res: Response) {
    await this.inbox.startReview(id, principalOf(req), req.id);
    res.redirect(303, `/anonymous/${id}`);
  }

  @Post(':id/messages')
  async ask(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Record<string, string | undefined>,
    @Res() res: Response,
  ) {
    const text = (body.body ?? '').trim();
    if (!text || text.length > 20_000) {
      return this.render(req, res, id, 400, {
        errors: [
          {
            text: text ? 'Your message must be 20,000 characters or fewer' : 'Write your question or answer',
            href: '#body',
          },
        ],
        form: body,
      });
    }
    await this.inbox.send(id, text, principalOf(req), req.id);
    res.redirect(303, `/anonymous/${id}#messages`);
  }

  @Post(':id/case')
  async createCase(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Record<string, string | undefined>,
    @Res() res: Response,
  ) {
    const summary = (body.summary ?? '').trim();
    if (summary.length > 2000) {
      return this.render(req, res, id, 400, {
        errors: [{ text: 'The summary must be 2,000 characters or fewer', href: '#summary' }],
        form: body,
      });
    }
    try {
      const made = await this.inbox.createCase(
        id,
        { ...(summary ? { summary } : {}), restricted: body.restricted === 'yes' },
        principalOf(req),
        req.id,
      );
      res.redirect(303, `/cases/${made.caseId}`);
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'invalid')) {
        return this.render(req, res, id, 409, {
          errors: [{ text: error.message, href: '#case' }],
          form: body,
        });
      }
      throw error;
    }
  }

  private async render(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    status: number,
    extra: { errors?: { text: string; href: string }[]; form?: Record<string, string | undefined> },
  ) {
    const report = await this.inbox.open(id, principalOf(req), req.id);
    res.status(status).render('pages/anonymous-report', {
      title: `Anonymous report: ${report.summary.slice(0, 60)}`,
      active: 'anonymous',
      principal: req.principal,
      form: extra.form ?? {},
      errors: extra.errors ?? null,
      report: {
        ...report,
        received: when(report.receivedAt),
        statusText: words(report.status),
        statusClass: STATUS_COLOURS[report.status],
        platformText: report.platform ? words(report.platform) : 'Not given',
        attachments: report.attachments.map((attachment, index) => ({
          src: `/anonymous/${report.id}/attachments/${attachment.id}`,
          alt: `Screenshot ${index + 1} sent by the reporter`,
          width: attachment.width,
          height: attachment.height,
          at: when(attachment.at),
        })),
        messages: report.messages.map((message) => ({
          ...message,
          fromText: message.from === 'psd' ? 'PSD' : 'The reporter',
          at: when(message.at),
        })),
      },
    });
  }
}

function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new Error('The anonymous inbox is for signed-in users only');
  return req.principal;
}
