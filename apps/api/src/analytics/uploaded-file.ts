import { createWriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { type Env, InvalidInputError, projectRoot } from '@precedent/platform';

/** A new path in the configured imports folder, where an upload waits for its import job. */
export async function newImportPath(env: Env): Promise<string> {
  const directory = resolve(projectRoot(), env.IMPORTS_DIR);
  await mkdir(directory, { recursive: true });
  return join(directory, `${randomUUID()}.jsonl`);
}

/**
 * Streams an uploaded file to `path`, never holding it in memory: the first file of a
 * multipart/form-data body, or else the raw body itself. Answers the size written; an empty
 * upload is refused and leaves nothing behind.
 */
export async function receiveUpload(request: Request, path: string): Promise<number> {
  const contentType = request.headers['content-type'] ?? '';
  try {
    if (contentType.startsWith('multipart/form-data')) await receiveFirstFile(request, path);
    else await pipeline(request, createWriteStream(path));
    const { size } = await stat(path).catch(() => ({ size: 0 }));
    if (size === 0) {
      throw new InvalidInputError(
        'empty_upload',
        'The upload is empty: send the JSON Lines file as the request body or as a multipart file field.',
      );
    }
    return size;
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

function receiveFirstFile(request: Request, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: request.headers, limits: { files: 1 } });
    let writing: Promise<void> = Promise.resolve();
    parser.on('file', (_field, file) => {
      writing = pipeline(file, createWriteStream(path));
    });
    parser.on('error', reject);
    parser.on('close', () => writing.then(resolve, reject));
    request.pipe(parser);
  });
}

export interface ReceivedForm {
  /** Bytes written; 0 when no file (or an empty one) was sent, and then nothing is left behind. */
  size: number;
  fileName: string;
  fields: Record<string, string>;
}

/**
 * A web form's multipart body: its fields, and its first file streamed to `path`. The fields before
 * the file (the form puts `_csrf` first) are handed to `accept` before any byte is written, so a
 * forged form stores nothing.
 */
export async function receiveFormUpload(
  request: Request,
  path: string,
  accept: (fields: Record<string, string>) => void,
): Promise<ReceivedForm> {
  const fields: Record<string, string> = {};
  let fileName = '';
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 20, fieldSize: 64 * 1024 },
      });
      let writing: Promise<void> = Promise.resolve();
      let refused: unknown;
      parser.on('field', (name, value) => {
        fields[name] = value;
      });
      parser.on('file', (_field, file, info) => {
        try {
          accept(fields);
        } catch (error) {
          refused = error;
          file.resume();
          return;
        }
        fileName = info.filename ?? '';
        writing = pipeline(file, createWriteStream(path));
      });
      parser.on('error', reject);
      parser.on('close', () =>
        writing.then(() => (refused === undefined ? resolvePromise() : reject(refused)), reject),
      );
      request.pipe(parser);
    });
    const { size } = await stat(path).catch(() => ({ size: 0 }));
    if (size === 0) await rm(path, { force: true });
    return { size, fileName, fields };
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}
