// A worker thread's entry: one chat export decoded, parsed and dated on a thread of its own, so the
// worker's main thread stays free to renew job locks and answer /health. The messages go back a batch
// at a time, when asked for, so the main thread never takes in the whole parse at once.
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import {
  CHAT_BATCH,
  type ChatReading,
  type DatedChatMessage,
  type DateOrder,
  readWhatsAppExport,
} from '@precedent/evidence';

export interface ChatThreadInput {
  bytes: Uint8Array;
  chosen?: DateOrder;
}

export type ChatThreadMessage =
  | { type: 'unreadable'; reading: Extract<ChatReading, { readable: false }> }
  | {
      type: 'read';
      header: Omit<Extract<ChatReading, { readable: true }>, 'messages'>;
      count: number;
    }
  | { type: 'batch'; messages: DatedChatMessage[] }
  | { type: 'end' }
  | { type: 'failed'; message: string };

/** What the main thread sends: the next batch, please. */
export type ChatThreadRequest = { type: 'next' };

function read(): void {
  const port = parentPort!;
  const { bytes, chosen } = workerData as ChatThreadInput;
  const reading = readWhatsAppExport(bytes, chosen);
  if (!reading.readable) {
    port.postMessage({ type: 'unreadable', reading } satisfies ChatThreadMessage);
    return;
  }
  const { messages, ...header } = reading;
  port.postMessage({ type: 'read', header, count: messages.length } satisfies ChatThreadMessage);
  let at = 0;
  port.on('message', () => {
    if (at >= messages.length) {
      port.postMessage({ type: 'end' } satisfies ChatThreadMessage);
      port.close();
      return;
    }
    port.postMessage({
      type: 'batch',
      messages: messages.slice(at, at + CHAT_BATCH),
    } satisfies ChatThreadMessage);
    at += CHAT_BATCH;
  });
}

try {
  read();
} catch (error) {
  parentPort?.postMessage({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
  } satisfies ChatThreadMessage);
}
