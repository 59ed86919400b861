// Reporting: the anonymous channel's reports, messages, receipt codes and sessions, and PSD's inbox.
export { ReportingModule } from './reporting.module';
export { ReportingInboxModule } from './inbox/reporting-inbox.module';
export { ReporterService, type ReporterView, type AttachmentView } from './reports/reporter.service';
export {
  ATTACHMENT_TYPES,
  ATTACHMENTS_ACCEPTED,
  METADATA_REMOVED_NOTICE,
  type AttachmentMediaType,
} from './attachments/attachment-type.rules';
export { FormTokens } from './sessions/form-tokens';
export { trustedClientAddress, trustedProxyList } from './sessions/trusted-client.rules';
export { REPORTING_QUEUE, ReportingJob, RETENTION_SCHEDULER, type NotifyReplyData } from './reporting.jobs';
export { ReportRetention } from './retention/report-retention.service';
export { ReportKeyRotation, type RotationProgress, type RotationResult } from './crypto/key-rotation.service';
export { ReplyNotifications } from './notifications/reply-notifications';
export type { StaffNotification, NotificationAudience } from './notifications/staff-notification.entity';
export {
  InboxService,
  type InboxItem,
  type InboxReport,
  type InboxAttachment,
  type AttachmentFile,
  type CaseFromReportInput,
} from './inbox/inbox.service';
export type { SubmitReportInput, ReportContent, MessageView } from './reports/report-content';
export { REPORT_STATUSES, type ReportStatus, statusInPlainWords } from './reports/report-status.rules';
export {
  RECEIPT_DIGITS,
  RECEIPT_ENTROPY_BITS,
  formatReceipt,
  normaliseReceipt,
} from './receipts/receipt-code.rules';
export {
  ReceiptNotRecognisedError,
  ReceiptAttemptsExceededError,
  ReporterSessionEndedError,
  EmptyFieldError,
  ReportAlreadyHasCaseError,
  ReportHasCaseError,
  AttachmentEmptyError,
  AttachmentNotAcceptedError,
  AttachmentMissingError,
  SubmissionsBusyError,
} from './reporting.errors';
export type { AnonymousReport } from './reports/anonymous-report.entity';
export type { ReportMessage } from './reports/report-message.entity';
export type { ReportAttachment } from './attachments/report-attachment.entity';
