import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, link, mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EvidenceStorage, type RehashResult, type StagedBlob, type StageOptions } from './evidence-storage';

const SHA256 = /^[0-9a-f]{64}$/;
const STAGING_ID = /^[0-9a-f-]{36}$/;

/**
 * The store in a local folder: `<root>/sha256/ab/cd/<hash>`, read-only once written. A blob is
 * written to `<root>/staging/`, flushed, then hard-linked to its address: `link` never replaces an
 * existing file, so two uploads of the same bytes cannot overwrite each other.
 */
export class LocalEvidenceStorage extends EvidenceStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  /** Where a blob lives on disk (for tests and operators; callers use `read`). */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${sha256}`);
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(source: Readable, options: StageOptions = {}): Promise<StagedBlob> {
    const stagingId = randomUUID();
    const path = this.stagingPath(stagingId);
    await mkdir(dirname(path), { recursive: true });
    const tap = new HashingTap(options.headBytes ?? 0, options.inspectHead);
    try {
      await pipeline(source, tap, createWriteStream(path, { flags: 'wx', flush: true, mode: 0o600 }));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { stagingId, sha256: tap.digest(), size: tap.size };
  }

  async commit(staged: StagedBlob): Promise<{ created: boolean }> {
    const from = this.stagingPath(staged.stagingId);
    const to = this.pathOf(staged.sha256);
    await mkdir(dirname(to), { recursive: true });
    await chmod(from, 0o444);
    try {
      await link(from, to);
      await syncDirectory(dirname(to));
      return { created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { created: false };
      throw error;
    } finally {
      await rm(from, { force: true });
    }
  }

  async discard(stagingId: string): Promise<void> {
    await rm(this.stagingPath(stagingId), { force: true });
  }

  async sweepStaging(before: Date): Promise<number> {
    const folder = join(this.root, 'staging');
    const names = await readdir(folder).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names.filter((n) => STAGING_ID.test(n))) {
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtime < before) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async put(bytes: Buffer): Promise<string> {
    const staged = await this.stage(Readable.from([bytes]));
    await this.commit(staged);
    return staged.sha256;
  }

  async read(sha256: string): Promise<Readable | null> {
    const path = this.pathOf(sha256);
    try {
      const handle = await open(path, 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async withLocalFile<T>(sha256: string, use: (path: string) => Promise<T>): Promise<T | null> {
    const path = this.pathOf(sha256);
    try {
      await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return use(path);
  }

  async rehash(sha256: string): Promise<RehashResult | null> {
    const path = this.pathOf(sha256);
    try {
      await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { sha256: hash.digest('hex'), size };
  }

  private stagingPath(stagingId: string): string {
    if (!STAGING_ID.test(stagingId)) throw new Error(`Not a staging id: ${stagingId}`);
    return join(this.root, 'staging', stagingId);
  }
}

/**
 * Hashes and counts what passes through. When asked, holds back the first bytes until the
 * inspector has accepted them, so a refused file is never written past its head.
 */
class HashingTap extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  private held: Buffer[] = [];
  private heldBytes = 0;
  private inspected: boolean;

  constructor(
    private readonly headBytes: number,
    private readonly inspect?: (head: Buffer, complete: boolean) => Promise<void>,
  ) {
    super();
    this.inspected = !inspect;
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.inspected) return done(null, chunk);
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.heldBytes < this.headBytes) return done();
    this.release(false).then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    if (this.inspected) return done();
    this.release(true).then(() => done(), done);
  }

  private async release(complete: boolean): Promise<void> {
    const all = Buffer.concat(this.held);
    this.held = [];
    await this.inspect!(all.subarray(0, this.headBytes || all.length), complete);
    this.inspected = true;
    this.push(all);
  }
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
