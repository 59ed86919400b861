import { Injectable } from '@nestjs/common';
import { Env } from '@precedent/platform';
import type { ReportAttachment } from '../attachments/report-attachment.entity';
import { ReportCipher } from '../crypto/report-cipher';
import type { AnonymousReport } from './anonymous-report.entity';
import type { ReportContent } from './report-content';
import type { MessageAuthor, ReportMessage } from './report-message.entity';

/** Seals and opens reports, messages and attachments with the configured key, each bound to where it belongs. */
@Injectable()
export class ReportSealing {
  private readonly cipher: ReportCipher;

  constructor(env: Env) {
    const previous = env.REPORTING_PREVIOUS_ENCRYPTION_KEYS.split(',').filter(Boolean);
    this.cipher = new ReportCipher(env.REPORTING_ENCRYPTION_KEY, previous);
  }

  /** The current key's id, as written in the second to ninth bytes of every value it seals. */
  get currentKeyId(): string {
    return this.cipher.keyId;
  }

  /** The value sealed again under the current key, for the same context. */
  reseal(sealed: Buffer, context: string): Buffer {
    return this.cipher.sealBytes(this.cipher.openBytes(sealed, context), context);
  }

  sealContent(reportId: string, content: ReportContent): Buffer {
    return this.cipher.seal(JSON.stringify(content), `report:${reportId}`);
  }

  openContent(report: Pick<AnonymousReport, 'id' | 'sealed'>): ReportContent {
    return JSON.parse(this.cipher.open(report.sealed, `report:${report.id}`)) as ReportContent;
  }

  sealMessage(reportId: string, author: MessageAuthor, body: string): Buffer {
    return this.cipher.seal(body, `report-message:${reportId}:${author}`);
  }

  sealAttachment(reportId: string, attachmentId: string, bytes: Buffer): Buffer {
    return this.cipher.sealBytes(bytes, `report-attachment:${reportId}:${attachmentId}`);
  }

  openAttachment(attachment: Pick<ReportAttachment, 'id' | 'reportId' | 'sealed'>): Buffer {
    return this.cipher.openBytes(
      attachment.sealed,
      `report-attachment:${attachment.reportId}:${attachment.id}`,
    );
  }

  openMessage(message: Pick<ReportMessage, 'reportId' | 'author' | 'sealed'>): string {
    return this.cipher.open(message.sealed, `report-message:${message.reportId}:${message.author}`);
  }
}
