import sharp from 'sharp';
import { AttachmentEmptyError, AttachmentNotAcceptedError } from '../reporting.errors';
import { type AttachmentMediaType, decideAttachment } from './attachment-type.rules';

/**
 * The most pixels a screenshot may have: 40 million is a full-page capture of 4,000 by 10,000, far
 * above any phone or monitor, and well below sharp's default (268 million), whose decode alone
 * would take gigabytes of memory.
 */
export const SCREENSHOT_MAX_PIXELS = 40_000_000;

export interface CleanAttachment {
  bytes: Buffer;
  mediaType: AttachmentMediaType;
  width: number;
  height: number;
}

/**
 * Makes a reporter's file safe to keep: the type from its magic bytes, then the image decoded and
 * encoded again in its own format. sharp writes no EXIF, XMP, IPTC or ICC data unless asked, so GPS,
 * device and author fields do not survive; the picture is turned upright first so nothing is lost
 * with the orientation tag. Animated images keep their first frame. The result is checked, and a
 * file that still carried metadata would be refused rather than stored.
 */
export async function cleanAttachment(bytes: Buffer): Promise<CleanAttachment> {
  if (bytes.length === 0) throw new AttachmentEmptyError();
  // file-type is ESM-only: a real dynamic import from this CommonJS build
  const { fileTypeFromBuffer } = await import('file-type');
  const decision = decideAttachment((await fileTypeFromBuffer(bytes)) ?? null);
  if (!decision.accepted) throw new AttachmentNotAcceptedError(decision.reason);
  // the header says the size before anything is decoded
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (header?.width && header.height && header.width * header.height > SCREENSHOT_MAX_PIXELS)
    throw new AttachmentNotAcceptedError(
      `The picture is ${header.width} by ${header.height} pixels, more than a screenshot can be. Take a screenshot of the part that matters, or make the picture smaller, and attach it again.`,
    );
  let cleaned: { data: Buffer; info: sharp.OutputInfo };
  try {
    const image = sharp(bytes, {
      failOn: 'error',
      animated: false,
      limitInputPixels: SCREENSHOT_MAX_PIXELS,
    }).rotate();
    const encoded =
      decision.mediaType === 'image/jpeg'
        ? image.jpeg({ quality: 92 })
        : decision.mediaType === 'image/png'
          ? image.png()
          : decision.mediaType === 'image/webp'
            ? image.webp({ quality: 92 })
            : image.gif();
    cleaned = await encoded.toBuffer({ resolveWithObject: true });
  } catch {
    throw new AttachmentNotAcceptedError(
      'The picture could not be read: the file may be damaged or cut short. Save it again and attach it once more.',
    );
  }
  const left = await sharp(cleaned.data).metadata();
  if (left.exif || left.xmp || left.iptc || left.icc || left.tifftagPhotoshop || left.comments?.length)
    throw new Error('Re-encoding left metadata in an attachment; refusing to store it');
  return {
    bytes: cleaned.data,
    mediaType: decision.mediaType,
    width: cleaned.info.width,
    height: cleaned.info.height,
  };
}
