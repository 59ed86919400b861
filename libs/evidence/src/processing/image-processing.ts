import sharp from 'sharp';
import type { ImageMetadata } from '../items/evidence-item.entity';
import { EvidenceUnprocessableError } from '../items/evidence.errors';
import { parseExif } from './exif.rules';

export interface ProcessedImage {
  metadata: ImageMetadata;
  thumbnail: Buffer;
  preview: Buffer;
  /** A lossless greyscale PNG of the (first frame of the) image, upright, for OCR. */
  ocrInput: Buffer;
}

const THUMBNAIL_PX = 320;
const PREVIEW_PX = 1600;

/**
 * Thumbnail, preview and metadata of an image (sharp). A file that does not decode is refused
 * with the decoder's reason: a retry would fail the same way.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  try {
    // failOn 'error': a truncated or corrupt image is refused, not rendered half grey
    const source = sharp(bytes, { failOn: 'error', animated: false });
    const info = await source.metadata();
    const upright = source.clone().rotate();
    const [thumbnail, preview, ocrInput] = await Promise.all([
      upright
        .clone()
        .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer(),
      upright
        .clone()
        .resize(PREVIEW_PX, PREVIEW_PX, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 85 })
        .toBuffer(),
      upright.clone().flatten({ background: '#ffffff' }).greyscale().png({ compressionLevel: 1 }).toBuffer(),
    ]);
    return {
      metadata: {
        format: info.format ?? 'unknown',
        width: info.width ?? null,
        height: info.height ?? null,
        pages: info.pages ?? null,
        orientation: info.orientation ?? null,
        exif: parseExif(info.exif),
      },
      thumbnail,
      preview,
      ocrInput,
    };
  } catch (error) {
    throw new EvidenceUnprocessableError(
      `The image could not be decoded (${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim()}). The original bytes are kept unchanged and can still be downloaded and verified.`,
    );
  }
}
