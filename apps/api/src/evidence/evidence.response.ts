import type { CustodyEvent, EvidenceItem, OcrResult, VerifyOutcome } from '@precedent/evidence';

/** An evidence item as the API shows it. */
export function toEvidenceResponse(item: EvidenceItem, ocr?: OcrResult | null) {
  const image = item.imageMetadata;
  return {
    id: item.id,
    caseId: item.caseId,
    originalName: item.originalName,
    size: Number(item.size),
    type: item.mediaType,
    sha256: item.sha256,
    uploadedBy: { id: item.uploadedById, name: item.uploadedByName },
    uploadedAt: item.uploadedAt.toISOString(),
    capture: {
      capturedAt: item.capturedAt?.toISOString() ?? null,
      capturedBy: item.capturedBy,
      sourceUrl: item.sourceUrl,
      platform: item.platform,
      accountHandle: item.accountHandle,
      description: item.description,
    },
    status: item.status,
    ...(item.error ? { error: item.error } : {}),
    steps: item.steps,
    processedAt: item.processedAt?.toISOString() ?? null,
    image: image
      ? {
          format: image.format,
          width: image.width,
          height: image.height,
          orientation: image.orientation,
          exif: image.exif,
          thumbnailUrl: item.thumbnailSha256 ? `/api/evidence/${item.id}/thumbnail` : null,
          previewUrl: item.previewSha256 ? `/api/evidence/${item.id}/preview` : null,
        }
      : null,
    ...(ocr !== undefined
      ? {
          ocr: ocr
            ? {
                text: ocr.text,
                confidence: ocr.confidence,
                words: ocr.words.length,
                wordsUrl: `/api/evidence/${item.id}/ocr`,
              }
            : null,
        }
      : {}),
    archive: item.archiveSummary,
    archiveMembers: item.archiveMembers
      ? { count: item.archiveMembers.length, url: `/api/evidence/${item.id}/members` }
      : null,
    chatDateOrder: item.chatDateOrder,
    integrity: {
      status: item.integrity,
      checkedAt: item.integrityCheckedAt?.toISOString() ?? null,
    },
    contentUrl: `/api/evidence/${item.id}/content`,
  };
}

export function toCustodyEventResponse(e: CustodyEvent) {
  return {
    id: e.id,
    action: e.action,
    at: e.occurredAt.toISOString(),
    actor: { id: e.actorId, name: e.actorName },
    sha256: e.sha256?.trim() ?? null,
    requestId: e.requestId,
    details: e.details,
  };
}

export function toVerifyResponse(v: VerifyOutcome) {
  return {
    id: v.item.id,
    result: v.result,
    intact: v.result === 'intact',
    expectedSha256: v.expected,
    actualSha256: v.actual,
    checkedAt: v.checkedAt.toISOString(),
    message:
      v.result === 'intact'
        ? 'The stored bytes hash to the recorded SHA-256.'
        : v.result === 'missing'
          ? 'The stored bytes are missing. The loss is recorded on the chain of custody.'
          : 'The stored bytes no longer hash to the recorded SHA-256: they have been changed. The mismatch is recorded on the chain of custody.',
  };
}
