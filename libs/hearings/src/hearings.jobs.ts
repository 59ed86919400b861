// The hearings queue's contract: notices and reminders, sent by apps/worker on their working day.
export const HEARINGS_QUEUE = 'hearings';

export enum HearingsJob {
  SendNotice = 'send-notice',
  DeliverMail = 'deliver-mail',
  /** Marks published entries whose period has ended as withdrawn (the public app already hides them). */
  WithdrawEndedPublications = 'withdraw-ended-publications',
}

export interface SendNoticeData {
  noticeId: string;
}

export interface DeliverMailData {
  deliveryId: string;
}

/** The fixed id of the repeating withdrawal sweep, so any number of workers register it once. */
export const PUBLICATION_SCHEDULER = 'publication-withdrawal';
