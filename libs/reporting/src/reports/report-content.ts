import type { Platform } from '@precedent/exchange';

/** What a reporter tells PSD: sealed as one JSON value on the report. */
export interface ReportContent {
  summary: string;
  details: string;
  platform: Platform | null;
  /** YYYY-MM-DD. */
  seenAt: string | null;
  links: string[];
}

export interface SubmitReportInput {
  summary: string;
  details: string;
  platform?: Platform;
  seenAt?: string;
  links?: string[];
}

export interface MessageView {
  from: 'psd' | 'reporter';
  body: string;
  at: Date;
}

/** Times kept of anonymous activity are cut to the hour. */
export function toTheHour(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 3_600_000) * 3_600_000);
}
