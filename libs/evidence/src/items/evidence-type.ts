import { classifyText, type Detection, fromMagic } from './evidence-type.rules';

/** Detects the type of an evidence file from its first bytes (at most SNIFF_BYTES of them). */
export async function detectEvidenceType(head: Buffer, complete: boolean): Promise<Detection> {
  // file-type is ESM-only: a real dynamic import from this CommonJS build (docs/stack.md P10)
  const { fileTypeFromBuffer } = await import('file-type');
  const magic = await fileTypeFromBuffer(head);
  return magic ? fromMagic(magic) : classifyText(head, complete);
}
