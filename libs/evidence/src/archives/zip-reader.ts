import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { EvidenceUnprocessableError } from '../items/evidence.errors';
import { type ArchiveLayout, recogniseLayout, ZIP_LIMITS, zipRefusal } from './zip-reader.rules';

/** A stored ZIP, checked against the limits and recognised; entries are read on demand, never extracted. */
export interface OpenArchive {
  layout: ArchiveLayout;
  names: string[];
  /** The entry's bytes, for an entry small enough to parse in memory. */
  readBytes(name: string): Promise<{ bytes: Buffer; sha256: string }>;
  /** The entry as a stream (inflated, its size checked by yauzl). */
  open(name: string): Promise<Readable>;
  /** SHA-256 of the entry, read through once. */
  hash(name: string): Promise<string>;
  /** Size of each entry (directories excluded), as the directory declares and yauzl checks. */
  sizes: Map<string, number>;
  close(): void;
}

/**
 * Opens a ZIP for parsing. yauzl refuses absolute names and ".." segments itself; its reason is
 * passed on, like every other reason the archive cannot be read.
 */
export async function openArchive(path: string): Promise<OpenArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      // kept open after the directory is listed, to read entries; closed by the caller
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
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    const open = async (name: string): Promise<Readable> => {
      const entry = byName.get(name);
      if (!entry) throw new EvidenceUnprocessableError(`The archive has no entry "${name}".`);
      try {
        return await zip.openReadStreamPromise(entry);
      } catch (error) {
        throw new EvidenceUnprocessableError(
          `Entry "${name}" cannot be read: it is damaged or truncated (${reason(error)}).`,
        );
      }
    };
    const consume = async (name: string, each: (chunk: Buffer) => void): Promise<void> => {
      try {
        for await (const chunk of (await open(name)) as AsyncIterable<Buffer>) each(chunk);
      } catch (error) {
        if (error instanceof EvidenceUnprocessableError) throw error;
        throw new EvidenceUnprocessableError(
          `Entry "${name}" cannot be read: it is damaged or truncated (${reason(error)}).`,
        );
      }
    };
    return {
      layout: recogniseLayout(entries.map((e) => e.fileName)),
      names: entries.map((e) => e.fileName),
      sizes: new Map(
        entries.filter((e) => !e.fileName.endsWith('/')).map((e) => [e.fileName, e.uncompressedSize]),
      ),
      open,
      async readBytes(name) {
        const entry = byName.get(name);
        if (entry && entry.uncompressedSize > ZIP_LIMITS.maxEntryRead)
          throw new EvidenceUnprocessableError(
            `Entry "${name}" is larger than ${ZIP_LIMITS.maxEntryRead / 1024 ** 2} MB.`,
          );
        const chunks: Buffer[] = [];
        await consume(name, (chunk) => chunks.push(chunk));
        const bytes = Buffer.concat(chunks);
        return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
      },
      async hash(name) {
        const hash = createHash('sha256');
        await consume(name, (chunk) => hash.update(chunk));
        return hash.digest('hex');
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** The layouts not parsed yet, named so the investigator knows what was recognised. */
export function layoutNotParsed(layout: ArchiveLayout): EvidenceUnprocessableError {
  if (layout.kind === 'unknown')
    return new EvidenceUnprocessableError(
      'No parser recognises this archive: it holds no WhatsApp chat (_chat.txt), X archive (data/tweets.js), Facebook or Instagram export files.',
    );
  const name = { whatsapp: 'WhatsApp', x: 'X (Twitter)', facebook: 'Facebook', instagram: 'Instagram' }[
    layout.kind
  ];
  return new EvidenceUnprocessableError(
    `This looks like a ${name} export (${layout.entry}); parsing that format is not available yet.`,
  );
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

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
