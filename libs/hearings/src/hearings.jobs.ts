// The hearings queue's contract: notices and reminders, sent by apps/worker on their working day.
export const HEARINGS_QUEUE = 'hearings';

export enum HearingsJob {
  SendNotice = 'send-notice',
  DeliverMail = 'deliver-mail',
}

export interface SendNoticeData {
  noticeId: string;
}

export interface DeliverMailData {
  deliveryId: string;
}
