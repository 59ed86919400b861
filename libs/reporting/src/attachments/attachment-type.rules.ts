/**
 * Which files a reporter may attach, decided from their bytes (the magic number file-type reads),
 * never from the name or the browser's claim. Pure: no Nest, no I/O.
 *
 * Screenshots only. PDF is refused: its author, producer and dates sit in the Info dictionary, in
 * XMP streams, in images embedded with their own EXIF and in earlier revisions kept by incremental
 * saves, and no installed tool can rewrite a PDF without them reliably. A reporter is told to take a
 * screenshot of the page instead.
 */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_TYPES)[number];

export const ATTACHMENTS_ACCEPTED = 'a screenshot or photo as PNG, JPEG, WebP or GIF';

export type AttachmentDecision =
  { accepted: true; mediaType: AttachmentMediaType } | { accepted: false; reason: string };

/** `detected` is file-type's answer for the first bytes, or null when no format matched. */
export function decideAttachment(detected: { mime: string; ext: string } | null): AttachmentDecision {
  if (detected && (ATTACHMENT_TYPES as readonly string[]).includes(detected.mime))
    return { accepted: true, mediaType: detected.mime as AttachmentMediaType };
  if (detected?.mime === 'application/pdf')
    return {
      accepted: false,
      reason:
        'PDF files cannot be attached, because the author and device details they carry cannot be removed safely. Take a screenshot of the page and attach that instead.',
    };
  const what = detected ? `a ${detected.ext.toUpperCase()} file` : 'a file of an unknown type';
  return { accepted: false, reason: `This is ${what}. Attach ${ATTACHMENTS_ACCEPTED}.` };
}

/** What staff are told about every attachment. */
export const METADATA_REMOVED_NOTICE =
  'Identifying metadata (location, camera or phone, author, dates) was removed from this file before it was stored: the image was decoded and saved again without it. Only the picture itself is kept.';

export function extensionOf(type: AttachmentMediaType): string {
  return { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' }[type];
}
