import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type BeforeApplicationShutdown, Global, Injectable, Logger, Module } from '@nestjs/common';
import {
  CHAT_READER,
  type ChatOpening,
  type ChatReader,
  type DateOrder,
  InProcessChatReader,
} from '@precedent/evidence';
import type { ChatThreadInput, ChatThreadMessage, ChatThreadRequest } from './chat-thread';

/** The compiled thread entry beside this file; absent when the worker runs from TypeScript source (tests). */
const THREAD_ENTRY = join(__dirname, 'chat-thread.js');

/**
 * Reads each chat export on a worker thread: seconds of CPU there (decoding, parsing, dating every
 * message), while the main thread renews the job's lock and inserts the posts a batch at a time. Run
 * from source (no compiled entry), it reads in this process. Threads still running when the worker is
 * told to stop are ended, so the job lets go at once instead of holding the worker to its deadline.
 */
@Injectable()
export class ThreadChatReader implements ChatReader, BeforeApplicationShutdown {
  private readonly logger = new Logger(ThreadChatReader.name);
  private readonly running = new Set<Worker>();
  private stopping = false;

  async read(bytes: Uint8Array, chosen?: DateOrder): Promise<ChatOpening> {
    if (!existsSync(THREAD_ENTRY)) return new InProcessChatReader().read(bytes, chosen);
    this.logger.log(`Reading a chat export (${(bytes.length / 1e6).toFixed(1)} MB) on a thread.`);
    const thread = new Worker(THREAD_ENTRY, { workerData: { bytes, chosen } satisfies ChatThreadInput });
    this.running.add(thread);
    const next = this.listen(thread);
    const close = async () => {
      this.running.delete(thread);
      await thread.terminate();
    };
    try {
      const first = await next();
      if (first.type === 'unreadable') {
        await close();
        return first.reading;
      }
      if (first.type !== 'read') throw new Error(`The chat thread answered ${first.type} before reading.`);
      this.logger.log(`Chat export read on a thread: ${first.count} messages; storing them.`);
      return {
        ...first.header,
        count: first.count,
        async *batches() {
          for (;;) {
            thread.postMessage({ type: 'next' } satisfies ChatThreadRequest);
            const message = await next();
            if (message.type === 'end') return;
            if (message.type !== 'batch')
              throw new Error(`The chat thread answered ${message.type} mid-way.`);
            yield message.messages;
          }
        },
        close,
      };
    } catch (error) {
      await close();
      throw error;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.running].map((thread) => thread.terminate()));
  }

  /** The thread's messages in order, one per call; a failure, an error or an exit rejects the waiting call. */
  private listen(thread: Worker): () => Promise<ChatThreadMessage> {
    const arrived: ChatThreadMessage[] = [];
    const waiting: { resolve: (m: ChatThreadMessage) => void; reject: (e: Error) => void }[] = [];
    let ended: Error | null = null;
    const end = (error: Error) => {
      ended ??= error;
      for (const waiter of waiting.splice(0)) waiter.reject(ended);
    };
    thread.on('message', (message: ChatThreadMessage) => {
      if (message.type === 'failed') return end(new Error(message.message));
      const waiter = waiting.shift();
      if (waiter) waiter.resolve(message);
      else arrived.push(message);
    });
    thread.once('error', end);
    thread.once('exit', (code) =>
      end(
        new Error(
          this.stopping
            ? 'The worker stopped while reading this chat export; it is read again when the job is retried.'
            : `The chat-reading thread stopped (exit code ${code}) before it finished; the job is retried.`,
        ),
      ),
    );
    return () => {
      if (arrived.length) return Promise.resolve(arrived.shift()!);
      if (ended) return Promise.reject(ended);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    };
  }
}

/** Provides the thread reader to archive processing (global: EvidenceModule reads it). */
@Global()
@Module({
  providers: [ThreadChatReader, { provide: CHAT_READER, useExisting: ThreadChatReader }],
  exports: [CHAT_READER],
})
export class ChatThreadModule {}
