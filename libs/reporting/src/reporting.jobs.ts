// The reporting queue's contract: work the worker does for the anonymous channel.
export const REPORTING_QUEUE = 'reporting';

export enum ReportingJob {
  /** A reporter wrote: tell the case's investigator, or the inbox. */
  NotifyReply = 'notify-reply',
  /** Repeating: delete reports with no case whose retention has run out. */
  Retention = 'retention',
}

/** The job scheduler's id: one repeating retention sweep however many workers start. */
export const RETENTION_SCHEDULER = 'reporting-retention';

export interface NotifyReplyData {
  reportId: string;
}
