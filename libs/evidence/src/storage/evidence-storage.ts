import type { Readable } from 'node:stream';

/** Bytes received and hashed, not yet part of the store. */
export interface StagedBlob {
  readonly stagingId: string;
  readonly sha256: string;
  readonly size: number;
}

export interface StageOptions {
  /**
   * Called once with the first `headBytes` bytes (fewer when the file is shorter, then `complete`),
   * before anything after them is written. Throwing refuses the file: nothing stays staged.
   */
  inspectHead?: (head: Buffer, complete: boolean) => Promise<void>;
  headBytes?: number;
}

export interface RehashResult {
  sha256: string;
  size: number;
}

/**
 * Content-addressed, write-once storage of evidence bytes: a blob's address is its SHA-256, a
 * stored blob is never replaced or changed, and the same bytes are stored once. Derived files
 * (thumbnails, previews) live here too, under their own hash.
 */
export abstract class EvidenceStorage {
  /** Streams `source` to a staging area while hashing it; never holds the whole file in memory. */
  abstract stage(source: Readable, options?: StageOptions): Promise<StagedBlob>;

  /** Moves a staged blob to its address. `created` is false when those bytes were already stored. */
  abstract commit(staged: StagedBlob): Promise<{ created: boolean }>;

  /** Forgets a staged blob (a refused or repeated upload). Safe to call twice. */
  abstract discard(stagingId: string): Promise<void>;

  /** Deletes staged blobs last written before `before` (left by a process that stopped); returns how many. */
  abstract sweepStaging(before: Date): Promise<number>;

  /** Stores small derived bytes (a thumbnail) and returns their hash. */
  abstract put(bytes: Buffer): Promise<string>;

  /** The stored bytes, or null when no blob has that hash. */
  abstract read(sha256: string): Promise<Readable | null>;

  /**
   * Runs `use` with a local file holding the blob, for readers that need random access (ZIP).
   * Null when the blob is missing.
   */
  abstract withLocalFile<T>(sha256: string, use: (path: string) => Promise<T>): Promise<T | null>;

  /** Reads the stored bytes again and hashes them; null when the blob is missing. */
  abstract rehash(sha256: string): Promise<RehashResult | null>;
}
