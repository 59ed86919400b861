import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { Env } from '../config/env';
import { projectRoot } from '../files/project-root';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** An iCalendar invitation, sent as the message's calendar part and as an .ics attachment. */
  calendar?: { filename: string; content: string };
}

export type MailResult =
  { delivered: true; answer: string; at: Date } | { delivered: false; answer: string; at: Date };

/**
 * Sends mail through SMTP (SMTP_URL), or, without it, writes each message as a .eml file to
 * MAIL_DIR so a demo or a developer can read what would have gone out. A refusal is an answer,
 * not an exception: the caller records the server's words on the notice.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter;
  private readonly folder: string | null;

  constructor(private readonly env: Env) {
    if (env.SMTP_URL) {
      // bounded: a notice is sent while its delivery row is locked (NoticesService.deliver), so a
      // mail server that stops answering must fail the attempt, not hold the row for minutes
      this.transporter = createTransport({
        url: env.SMTP_URL,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
      this.folder = null;
    } else {
      this.transporter = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
      this.folder = isAbsolute(env.MAIL_DIR) ? env.MAIL_DIR : join(projectRoot(), env.MAIL_DIR);
    }
  }

  /** Where mails go: the SMTP server's host, or the folder. */
  get destination(): string {
    return this.folder ?? new URL(this.env.SMTP_URL).host;
  }

  async send(mail: OutgoingMail): Promise<MailResult> {
    try {
      const info = (await this.transporter.sendMail({
        from: this.env.MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.calendar
          ? {
              icalEvent: { method: 'PUBLISH', content: mail.calendar.content },
              attachments: [
                {
                  filename: mail.calendar.filename,
                  content: mail.calendar.content,
                  contentType: 'text/calendar; charset=utf-8',
                },
              ],
            }
          : {}),
      })) as { response?: string; message?: Buffer; messageId?: string };
      if (this.folder) {
        await mkdir(this.folder, { recursive: true });
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${(info.messageId ?? 'mail').replace(/[^A-Za-z0-9@.-]/g, '')}.eml`;
        await writeFile(join(this.folder, name), info.message ?? '');
        return { delivered: true, answer: `Written to ${join(this.folder, name)}`, at: new Date() };
      }
      return { delivered: true, answer: info.response ?? 'accepted', at: new Date() };
    } catch (error) {
      const e = error as { response?: string; message?: string };
      return { delivered: false, answer: e.response ?? e.message ?? String(error), at: new Date() };
    }
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
