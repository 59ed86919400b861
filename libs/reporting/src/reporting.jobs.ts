// The reporting queue's contract: work the worker does for the anonymous channel.
export const REPORTING_QUEUE = 'reporting';

export enum ReportingJob {
  /** A reporter wrote: tell the case's investigator, or the inbox. */
  NotifyReply = 'notify-reply',
}

export interface NotifyReplyData {
  reportId: string;
}
