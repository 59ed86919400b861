import type { InboxAttachment, InboxItem, InboxReport, MessageView } from '@precedent/reporting';

export function toInboxItemResponse(item: InboxItem) {
  return {
    id: item.id,
    status: item.status,
    receivedAt: item.receivedAt.toISOString(),
    summary: item.summary,
    platform: item.platform,
    seenAt: item.seenAt,
    caseId: item.caseId,
    messageCount: item.messageCount,
    lastMessageFrom: item.lastMessageFrom,
  };
}

export function toStaffMessageResponse(message: MessageView & { staffAuthorId: string | null }) {
  return {
    from: message.from,
    body: message.body,
    at: message.at.toISOString(),
    staffAuthorId: message.staffAuthorId,
  };
}

export function toInboxReportResponse(report: InboxReport) {
  return {
    ...toInboxItemResponse(report),
    details: report.details,
    links: report.links,
    messages: report.messages.map(toStaffMessageResponse),
    attachments: report.attachments.map((a) => toInboxAttachmentResponse(report.id, a)),
  };
}

export function toInboxAttachmentResponse(reportId: string, attachment: InboxAttachment) {
  return {
    id: attachment.id,
    type: attachment.type,
    size: attachment.size,
    width: attachment.width,
    height: attachment.height,
    at: attachment.at.toISOString(),
    metadataRemoved: attachment.metadataRemoved,
    notice: attachment.notice,
    href: `/api/anonymous-reports/${reportId}/attachments/${attachment.id}`,
  };
}
