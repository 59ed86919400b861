import { createHash } from 'node:crypto';
import * as yauzl from 'yauzl';
import { EvidenceUnprocessableError } from '../items/evidence.errors';
import { type ArchiveLayout, recogniseLayout, ZIP_LIMITS, zipRefusal } from './zip-reader.rules';

export interface ZipEntryRead {
  layout: ArchiveLayout;
  entry: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * Opens a stored ZIP, checks its directory against the limits, recognises its layout and reads the
 * one entry to parse, hashing it. yauzl refuses absolute names and ".." segments itself; its
 * reason is passed on. Nothing is extracted to disk.
 */
export async function readArchiveEntry(path: string): Promise<ZipEntryRead> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      // kept open after the directory is listed, to read the chosen entry; closed below
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch (error) {
    throw new EvidenceUnprocessableError(
      `The ZIP archive cannot be read: it is damaged or truncated (${reason(error)}).`,
    );
  }
  try {
    const entries = await listEntries(zip);
    const refusal = zipRefusal(
      entries.map((e) => ({
        name: e.fileName,
        compressedSize: e.compressedSize,
        uncompressedSize: e.uncompressedSize,
      })),
    );
    if (refusal) throw new EvidenceUnprocessableError(refusal);
    const layout = recogniseLayout(entries.map((e) => e.fileName));
    if (layout.kind === 'unknown')
      throw new EvidenceUnprocessableError(
        'No parser recognises this archive: it holds no WhatsApp chat (_chat.txt), X archive (data/tweets.js), Facebook or Instagram export files.',
      );
    if (layout.kind !== 'whatsapp')
      throw new EvidenceUnprocessableError(
        `This looks like a ${{ x: 'X (Twitter)', facebook: 'Facebook', instagram: 'Instagram' }[layout.kind]} export (${layout.entry}); parsing that format is not available yet.`,
      );
    const entry = entries.find((e) => e.fileName === layout.entry)!;
    if (entry.uncompressedSize > ZIP_LIMITS.maxEntryRead)
      throw new EvidenceUnprocessableError(
        `Entry "${entry.fileName}" is larger than ${ZIP_LIMITS.maxEntryRead / 1024 ** 2} MB.`,
      );
    const bytes = await readEntry(zip, entry);
    return { layout, entry: entry.fileName, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
  } finally {
    zip.close();
  }
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > ZIP_LIMITS.maxEntries) {
        resolve(entries);
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: unknown) =>
      reject(new EvidenceUnprocessableError(`The ZIP archive's directory is invalid (${reason(error)}).`)),
    );
    zip.readEntry();
  });
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  try {
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks);
  } catch (error) {
    throw new EvidenceUnprocessableError(
      `Entry "${entry.fileName}" cannot be read: it is damaged or truncated (${reason(error)}).`,
    );
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
