import { looksLikeWhatsAppChat } from '../archives/whatsapp.rules';

/**
 * What an evidence file is, decided from its bytes, never from its name or the browser's claim.
 * Binary formats come from their magic bytes (file-type, in evidence-type.ts); text formats from
 * the first bytes here, because text has no magic number.
 */
export const EVIDENCE_MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
  'application/zip',
  'application/json',
  'text/javascript',
  'text/plain',
  'text/html',
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

export const ACCEPTED_DESCRIPTION = 'PNG, JPEG, WebP, GIF, PDF, ZIP, JSON, JS (X archive data), TXT or HTML';

export const IMAGE_TYPES: readonly EvidenceMediaType[] = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
];

/** How many leading bytes decide the type: file-type reads at most this many. */
export const SNIFF_BYTES = 4_100;

export type Detection =
  { accepted: true; mediaType: EvidenceMediaType } | { accepted: false; detected: string };

const BINARY_ACCEPTED: Record<string, EvidenceMediaType> = {
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/webp': 'image/webp',
  'image/gif': 'image/gif',
  'application/pdf': 'application/pdf',
  'application/zip': 'application/zip',
};

/** A format file-type recognised by its magic bytes: accepted, or named in the refusal. */
export function fromMagic(magic: { mime: string; ext: string }): Detection {
  const mediaType = BINARY_ACCEPTED[magic.mime];
  return mediaType
    ? { accepted: true, mediaType }
    : { accepted: false, detected: `${magic.ext.toUpperCase()} (${magic.mime})` };
}

/**
 * A file no magic number matched: UTF-8 text of one of the accepted kinds, or refused.
 * `complete` says whether `head` is the whole file (a multi-byte character may be cut at its end
 * otherwise).
 */
export function classifyText(head: Buffer, complete: boolean): Detection {
  if (head.length === 0) return { accepted: false, detected: 'an empty file' };
  let bytes = head;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { accepted: false, detected: 'UTF-16 text (save it as UTF-8)' };
  if (!complete) bytes = bytes.subarray(0, completeUtf8Length(bytes));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { accepted: false, detected: 'binary data of an unknown format' };
  }
  // NUL and most C0 controls never occur in text; tab, newlines, form feed and escape may
  if (hasBinaryControl(text)) return { accepted: false, detected: 'binary data of an unknown format' };
  const start = text.trimStart();
  // a WhatsApp chat before any JSON sniffing: an iOS export's first line starts with "[" too
  if (looksLikeWhatsAppChat(start, 1)) return { accepted: true, mediaType: 'text/plain' };
  if (/^window\.[A-Za-z_$][\w$.]*\s*=/.test(start)) return { accepted: true, mediaType: 'text/javascript' };
  if (start.startsWith('{') || start.startsWith('['))
    return { accepted: true, mediaType: 'application/json' };
  if (/^<\?xml|^<svg[\s>]/i.test(start)) return { accepted: false, detected: 'an XML or SVG document' };
  if (
    /^<!doctype\s+html|^<(html|head|body)[\s>]/i.test(start) ||
    /^<!--[\s\S]*?-->\s*<(!doctype\s+)?html/i.test(start)
  )
    return { accepted: true, mediaType: 'text/html' };
  return { accepted: true, mediaType: 'text/plain' };
}

function hasBinaryControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      code < 0x20 &&
      code !== 0x09 &&
      code !== 0x0a &&
      code !== 0x0b &&
      code !== 0x0c &&
      code !== 0x0d &&
      code !== 0x1b
    )
      return true;
  }
  return false;
}

/** The length of `bytes` without a UTF-8 sequence cut short at its end. */
function completeUtf8Length(bytes: Buffer): number {
  const end = bytes.length;
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = bytes[end - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
}

/** A short name for messages: "PNG image". */
export function describeMediaType(type: EvidenceMediaType): string {
  return {
    'image/png': 'PNG image',
    'image/jpeg': 'JPEG image',
    'image/webp': 'WebP image',
    'image/gif': 'GIF image',
    'application/pdf': 'PDF document',
    'application/zip': 'ZIP archive',
    'application/json': 'JSON file',
    'text/javascript': 'JavaScript data file',
    'text/plain': 'text file',
    'text/html': 'HTML page',
  }[type];
}
