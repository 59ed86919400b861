/**
 * Where an anonymous report stands, and how that is told to the reporter. Pure: no Nest, no TypeORM.
 *
 * - received: nobody in PSD has opened it yet;
 * - in_review: PSD has opened it or written to the reporter;
 * - case_opened: PSD made a case of it;
 * - closed: PSD has finished with it and made no case.
 */
export const REPORT_STATUSES = ['received', 'in_review', 'case_opened', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export type ReportEvent = 'staff_opened' | 'staff_wrote' | 'case_created' | 'case_linked' | 'closed';

/** The status after something PSD did. A report with a case stays so; opening never reopens a closed one. */
export function statusAfter(status: ReportStatus, event: ReportEvent): ReportStatus {
  switch (event) {
    case 'staff_opened':
    case 'staff_wrote':
      return status === 'received' ? 'in_review' : status;
    case 'case_created':
    case 'case_linked':
      return 'case_opened';
    case 'closed':
      // a report with a case stays with the case (the inbox refuses to close it)
      return status === 'case_opened' ? status : 'closed';
  }
}

const PLAIN_WORDS: Record<ReportStatus, string> = {
  received: 'We have your report. Nobody in Professional Standards has read it yet.',
  in_review: 'Professional Standards is looking into your report.',
  case_opened: 'Professional Standards has opened a case from your report.',
  closed: 'Professional Standards has finished looking at your report.',
};

/** The status as the reporter reads it, saying first when PSD is waiting for their answer. */
export function statusInPlainWords(status: ReportStatus, lastMessageFrom: 'psd' | 'reporter' | null): string {
  const words = PLAIN_WORDS[status];
  return lastMessageFrom === 'psd'
    ? `${words} They have sent you a message: please read it and reply.`
    : words;
}
