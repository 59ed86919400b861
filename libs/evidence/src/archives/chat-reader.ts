import { type DatedChatMessage, type DateOrder, readWhatsAppExport } from './whatsapp.rules';

/**
 * Where a chat export is read. By default in the calling process (tests from source); the worker
 * provides one that reads it on a thread of its own, because parsing a 200,000-line export holds the
 * CPU for seconds (a 128 MB one for most of a minute), and a busy event loop cannot renew the queue's
 * 30-second job lock.
 */
export const CHAT_READER = Symbol('CHAT_READER');

/** How many messages are handed over at a time: one insert batch of posts. */
export const CHAT_BATCH = 5_000;

/** A chat that was read, its messages handed over a batch at a time. */
export interface OpenChat {
  readable: true;
  dateOrder: DateOrder;
  dateOrderReason: string;
  participants: string[];
  count: number;
  batches(): AsyncIterable<DatedChatMessage[]>;
  /** Lets go of what is left (a thread, the parsed messages); safe to call more than once. */
  close(): Promise<void>;
}

export type ChatOpening = OpenChat | { readable: false; reason: 'date-order' | 'layout'; message: string };

export interface ChatReader {
  read(bytes: Uint8Array, chosen?: DateOrder): Promise<ChatOpening>;
}

/** Reads the export on the calling thread. */
export class InProcessChatReader implements ChatReader {
  read(bytes: Uint8Array, chosen?: DateOrder): Promise<ChatOpening> {
    const reading = readWhatsAppExport(bytes, chosen);
    if (!reading.readable) return Promise.resolve(reading);
    const { messages, ...rest } = reading;
    return Promise.resolve({
      ...rest,
      count: messages.length,
      async *batches() {
        for (let at = 0; at < messages.length; at += CHAT_BATCH) yield messages.slice(at, at + CHAT_BATCH);
      },
      close: () => Promise.resolve(),
    });
  }
}
