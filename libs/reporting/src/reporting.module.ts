// Reporting: anonymous reports and their messages, receipt codes, reporter sessions, sealing at rest.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReportAttachment } from './attachments/report-attachment.entity';
import { ReceiptKeys } from './receipts/receipt-keys';
import { FormTokens } from './sessions/form-tokens';
import { AnonymousReport } from './reports/anonymous-report.entity';
import { ReportMessage } from './reports/report-message.entity';
import { ReportSealing } from './reports/report-sealing';
import { ReporterService } from './reports/reporter.service';
import { ReceiptThrottle } from './sessions/receipt-throttle';
import { SubmissionGate } from './sessions/submission-gate';
import { ReporterSessions } from './sessions/reporter-sessions';
import { ReportingRedis } from './sessions/reporting-redis';

/** The reporter's side. The reporter process imports only this: no staff services, no cases. */
@Module({
  imports: [TypeOrmModule.forFeature([AnonymousReport, ReportMessage, ReportAttachment])],
  providers: [
    ReceiptKeys,
    ReportSealing,
    ReporterService,
    ReceiptThrottle,
    ReporterSessions,
    ReportingRedis,
    FormTokens,
    SubmissionGate,
  ],
  exports: [ReporterService, ReportSealing, FormTokens],
})
export class ReportingModule {}
