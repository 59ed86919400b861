import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { DataSource, EntityManager } from 'typeorm';
import { normaliseText } from '@precedent/analytics';
import { AuditService, systemContext } from '@precedent/audit';
import type { Platform } from '@precedent/cases';
import { recordCustody } from '../items/custody-log';
import { type ArchiveMember, type ArchiveSummary, EvidenceItem } from '../items/evidence-item.entity';
import { EvidenceUnprocessableError } from '../items/evidence.errors';
import { EvidenceStorage } from '../storage/evidence-storage';
import type { PostLocator } from './archive-post.entity';
import { CHAT_READER, type ChatReader, InProcessChatReader } from './chat-reader';
import { looksLikeWhatsAppChat } from './whatsapp.rules';
import { type XAccount, xAccount, xFileKind, xNoteTweet, type XPost, xTweet } from './x-archive.rules';
import { ArchiveFormatError, YtdScanner } from './ytd-scanner';
import { type MetaFile, metaFile } from './meta-export.rules';
import { layoutNotParsed, type OpenArchive, openArchive } from './zip-reader';
import { isMetaDataFile, isXDataFile } from './zip-reader.rules';

/** A chat export larger than this is not parsed in memory (200,000 lines is about 15 MB). */
const MAX_CHAT_BYTES = 128 * 1024 * 1024;
/** How much of a text file is read to decide whether it is a chat export at all. */
const CHAT_SNIFF_BYTES = 64 * 1024;
const INSERT_BATCH = 5_000;
/** A single Facebook or Instagram JSON file larger than this is not parsed in memory. */
const MAX_JSON_BYTES = 128 * 1024 * 1024;

interface PostRow {
  kind: 'message' | 'system' | 'post' | 'comment';
  author: string | null;
  postedAt: Date | null;
  postedAtLocal: string | null;
  text: string;
  raw: string;
  postRef: string | null;
  replyTo: string | null;
  media: string[];
  facts: string[];
  locator: PostLocator;
}

interface XFile {
  entry: string | null;
  sha256: string;
  open: () => Promise<Readable>;
}

/**
 * Social-media exports into archive posts: WhatsApp chats (.txt alone or in the ZIP) and X archives
 * (the ZIP, or a data .js file alone). A run replaces the posts of an earlier one in one
 * transaction; every post has a locator back to the file, its hash, and the line or record.
 */
@Injectable()
export class ArchiveProcessingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: EvidenceStorage,
    private readonly audit: AuditService,
    @Optional() @Inject(CHAT_READER) private readonly chatReader: ChatReader = new InProcessChatReader(),
  ) {}

  async process(item: EvidenceItem, jobId: string | null): Promise<void> {
    if (item.mediaType === 'text/plain') {
      const bytes = await this.readChatText(item);
      return this.chat(item, jobId, { entry: null, sha256: item.sha256, bytes });
    }
    if (item.mediaType === 'application/json') {
      if (Number(item.size) > MAX_JSON_BYTES)
        throw new EvidenceUnprocessableError(
          `A JSON file over ${MAX_JSON_BYTES / 1024 ** 2} MB is stored but not parsed.`,
        );
      const stream = await this.storage.read(item.sha256);
      if (!stream) throw new EvidenceUnprocessableError('The stored bytes of this item are missing.');
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
      const file = readMetaFile(item.originalName, Buffer.concat(chunks));
      if (!file)
        throw new EvidenceUnprocessableError(
          'No parser recognises this JSON file: it is not a Facebook or Instagram export file (posts, comments, group posts or comments).',
        );
      return this.meta(item, jobId, file.platform, [{ entry: null, sha256: item.sha256, file }]);
    }
    if (item.mediaType === 'text/javascript') {
      return this.x(item, jobId, [
        { entry: null, sha256: item.sha256, open: async () => (await this.storage.read(item.sha256))! },
      ]);
    }
    const done = await this.storage.withLocalFile(item.sha256, async (path) => {
      const archive = await openArchive(path);
      try {
        const members = await this.hashMembers(item, archive);
        const layout = archive.layout;
        if (layout.kind === 'whatsapp') {
          const { bytes, sha256 } = await archive.readBytes(layout.entry);
          await this.chat(item, jobId, { entry: layout.entry, sha256, bytes });
        } else if (layout.kind === 'x') {
          const files: XFile[] = [];
          for (const name of archive.names.filter(isXDataFile).sort(accountFirst))
            files.push({ entry: name, sha256: members.get(name)!, open: () => archive.open(name) });
          await this.x(item, jobId, files);
        } else if (layout.kind === 'facebook' || layout.kind === 'instagram') {
          const files: { entry: string; sha256: string; file: MetaFile }[] = [];
          for (const name of archive.names.filter((n) => isMetaDataFile(n, layout.kind)).sort()) {
            const { bytes, sha256 } = await archive.readBytes(name);
            const file = readMetaFile(name, bytes);
            if (file) files.push({ entry: name, sha256, file });
          }
          await this.meta(item, jobId, layout.kind, files);
        } else throw layoutNotParsed(layout);
        return true;
      } finally {
        archive.close();
      }
    });
    if (!done) throw new EvidenceUnprocessableError('The stored bytes of this item are missing.');
  }

  /**
   * The text of a lone .txt, once its first lines show it is a chat: a large text file of another
   * kind is refused from its head, never read whole into memory.
   */
  private async readChatText(item: EvidenceItem): Promise<Buffer> {
    const stream = await this.storage.read(item.sha256);
    if (!stream) throw new EvidenceUnprocessableError('The stored bytes of this item are missing.');
    const chunks: Buffer[] = [];
    let read = 0;
    let checked = false;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      read += chunk.length;
      if (!checked && read >= CHAT_SNIFF_BYTES) {
        checked = true;
        if (
          !looksLikeWhatsAppChat(
            new TextDecoder().decode(Buffer.concat(chunks).subarray(0, CHAT_SNIFF_BYTES)),
          )
        ) {
          stream.destroy();
          throw notAChat(null);
        }
        if (Number(item.size) > MAX_CHAT_BYTES) {
          stream.destroy();
          throw new EvidenceUnprocessableError(
            `The chat export is ${Math.round(Number(item.size) / 1024 ** 2)} MB; over ${MAX_CHAT_BYTES / 1024 ** 2} MB it is stored and verifiable but not parsed.`,
          );
        }
      }
    }
    return Buffer.concat(chunks);
  }

  /**
   * Hashes every file in the archive and records the manifest on the item before anything is parsed,
   * so even an archive no parser reads has each member's hash (docs/export-formats.md: hash every member).
   */
  private async hashMembers(item: EvidenceItem, archive: OpenArchive): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    const manifest: ArchiveMember[] = [];
    for (const [name, size] of archive.sizes) {
      const sha256 = await archive.hash(name);
      hashes.set(name, sha256);
      manifest.push({ name, size, sha256 });
    }
    await this.dataSource.getRepository(EvidenceItem).update({ id: item.id }, { archiveMembers: manifest });
    return hashes;
  }

  private async chat(
    item: EvidenceItem,
    jobId: string | null,
    source: { entry: string | null; sha256: string; bytes: Buffer },
  ): Promise<void> {
    const chat = await this.chatReader.read(source.bytes, item.chatDateOrder ?? undefined);
    if (!chat.readable)
      throw chat.reason === 'date-order'
        ? new EvidenceUnprocessableError(chat.message)
        : notAChat(source.entry, chat.message);
    try {
      await this.replacePosts(item, jobId, 'whatsapp', async (add) => {
        for await (const batch of chat.batches())
          for (const m of batch)
            await add({
              kind: m.facts.includes('system') ? 'system' : 'message',
              author: m.author,
              postedAt: m.postedAt,
              postedAtLocal: m.local,
              text: m.text,
              raw: m.raw,
              postRef: null,
              replyTo: null,
              media: m.media,
              facts: m.facts,
              locator: { entry: source.entry, entrySha256: source.sha256, line: m.line, lines: m.lineCount },
            });
        return {
          format: 'whatsapp',
          entry: source.entry,
          entrySha256: source.sha256,
          posts: chat.count,
          participants: chat.participants,
          dateOrder: chat.dateOrder,
          dateOrderReason: chat.dateOrderReason,
          timeZoneAssumed: 'Europe/London',
        };
      });
    } finally {
      await chat.close();
    }
  }

  /** X data files, streamed element by element (a 60 MB tweets.js is never parsed whole). */
  private async x(item: EvidenceItem, jobId: string | null, files: XFile[]): Promise<void> {
    await this.replacePosts(item, jobId, 'twitter', async (add) => {
      let account: XAccount | null = null;
      const summary: NonNullable<ArchiveSummary['files']> = [];
      for (const file of files) {
        const name = file.entry ?? item.originalName;
        const pending: { post: XPost; raw: string; index: number }[] = [];
        const scanner = new YtdScanner(name, (value, index) => {
          const kind = xFileKind(scanner.globalName ?? '');
          if (kind === 'account') account = xAccount(value);
          const post =
            kind === 'tweets' || kind === 'deleted_tweets'
              ? xTweet(value, account, kind === 'deleted_tweets')
              : kind === 'note_tweet'
                ? xNoteTweet(value, account)
                : null;
          if (post) pending.push({ post, raw: JSON.stringify(value), index });
        });
        const decoder = new StringDecoder('utf8');
        let records = 0;
        try {
          for await (const chunk of (await file.open()) as AsyncIterable<Buffer>) {
            scanner.push(decoder.write(chunk));
            for (const { post, raw, index } of pending.splice(0)) {
              records++;
              await add({
                ...post,
                kind: 'post',
                postedAtLocal: null,
                raw,
                locator: { entry: file.entry, entrySha256: file.sha256, index },
              });
            }
          }
          scanner.push(decoder.end());
          scanner.end();
        } catch (error) {
          if (error instanceof ArchiveFormatError) throw new EvidenceUnprocessableError(error.message);
          throw error;
        }
        for (const { post, raw, index } of pending.splice(0)) {
          records++;
          await add({
            ...post,
            kind: 'post',
            postedAtLocal: null,
            raw,
            locator: { entry: file.entry, entrySha256: file.sha256, index },
          });
        }
        summary.push({
          entry: file.entry,
          sha256: file.sha256,
          kind: xFileKind(scanner.globalName ?? ''),
          records,
        });
      }
      if (!summary.some((f) => f.kind !== 'account' && f.kind !== 'other'))
        throw new EvidenceUnprocessableError(
          'The X archive holds no tweets, deleted tweets or note tweets to read.',
        );
      const holder = account as XAccount | null;
      return {
        format: 'x',
        entry: files[0]?.entry ?? null,
        entrySha256: files[0]?.sha256 ?? item.sha256,
        posts: summary.reduce((n, f) => n + f.records, 0),
        participants: holder?.username ? [`@${holder.username}`] : [],
        files: summary,
      };
    });
  }

  /** Facebook or Instagram files already parsed (each is small enough: one JSON document). */
  private async meta(
    item: EvidenceItem,
    jobId: string | null,
    platform: 'facebook' | 'instagram',
    files: { entry: string | null; sha256: string; file: MetaFile }[],
  ): Promise<void> {
    await this.replacePosts(item, jobId, platform, async (add) => {
      for (const { entry, sha256, file } of files)
        for (const r of file.records)
          await add({
            kind: r.kind,
            author: r.author,
            postedAt: r.postedAt,
            postedAtLocal: null,
            text: r.text,
            raw: JSON.stringify(r.raw),
            postRef: r.postRef,
            replyTo: r.replyTo,
            media: r.media,
            facts: r.facts,
            locator: { entry, entrySha256: sha256, index: r.index },
          });
      const authors = files.flatMap(({ file }) => file.records.map((r) => r.author));
      return {
        format: platform,
        entry: files[0]?.entry ?? null,
        entrySha256: files[0]?.sha256 ?? item.sha256,
        posts: files.reduce((n, { file }) => n + file.records.length, 0),
        participants: [...new Set(authors.filter((a): a is string => a !== null))],
        files: files.map(({ entry, sha256, file }) => ({
          entry,
          sha256,
          kind: file.what,
          records: file.records.length,
        })),
      };
    });
  }

  /** Deletes the item's earlier posts, inserts the new ones in batches, records the result: one transaction. */
  private async replacePosts(
    item: EvidenceItem,
    jobId: string | null,
    platform: Platform,
    produce: (add: (row: PostRow) => Promise<void>) => Promise<ArchiveSummary>,
  ): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.query('DELETE FROM archive_posts WHERE evidence_id = $1', [item.id]);
      let batch: PostRow[] = [];
      let seq = 0;
      const flush = async () => {
        if (batch.length) await insertBatch(em, item, platform, seq - batch.length, batch);
        batch = [];
      };
      const summary = await produce(async (row) => {
        batch.push(row);
        seq++;
        if (batch.length >= INSERT_BATCH) await flush();
      });
      await flush();
      await em.update(
        EvidenceItem,
        { id: item.id },
        { status: 'processed', error: null, processedAt: new Date(), archiveSummary: summary },
      );
      await recordCustody(
        em,
        this.audit,
        systemContext('evidence-processing', jobId),
        item,
        'processed',
        item.sha256,
        {
          steps: item.steps,
          format: summary.format,
          entry: summary.entry,
          entrySha256: summary.entrySha256,
          posts: summary.posts,
          ...(summary.dateOrder ? { dateOrder: summary.dateOrder } : {}),
        },
      );
    });
  }
}

/** One statement per batch, the rows as one JSON parameter: far faster than a VALUES list. */
async function insertBatch(
  em: EntityManager,
  item: EvidenceItem,
  platform: Platform,
  firstSeq: number,
  rows: PostRow[],
): Promise<void> {
  const json = rows.map((r, i) => ({
    seq: firstSeq + i,
    kind: r.kind,
    author: r.author,
    posted_at: r.postedAt?.toISOString() ?? null,
    posted_at_local: r.postedAtLocal,
    text: r.text,
    search_letters: normaliseText(r.text).letters,
    raw: r.raw,
    post_ref: r.postRef,
    reply_to: r.replyTo,
    media: r.media,
    facts: r.facts,
    locator: r.locator,
  }));
  await em.query(
    `INSERT INTO archive_posts (evidence_id, case_id, platform, seq, kind, author, posted_at, posted_at_local,
                                text, search_letters, raw, post_ref, reply_to, media, facts, locator)
     SELECT $1, $2, $3, r.seq, r.kind, r.author, r.posted_at, r.posted_at_local,
            r.text, r.search_letters, r.raw, r.post_ref, r.reply_to, r.media, r.facts, r.locator
       FROM jsonb_to_recordset($4::jsonb) AS r(seq int, kind text, author text, posted_at timestamptz,
            posted_at_local text, text text, search_letters text, raw text, post_ref text, reply_to text,
            media text[], facts text[], locator jsonb)`,
    [item.id, item.caseId, platform, JSON.stringify(json)],
  );
}

/** A Facebook or Instagram file by its shape, or null; malformed JSON is refused naming the file. */
function readMetaFile(name: string, bytes: Buffer): MetaFile | null {
  let json: unknown;
  try {
    json = JSON.parse(repairedUtf8(bytes));
  } catch (error) {
    throw new EvidenceUnprocessableError(
      `${name} is not valid JSON (${error instanceof Error ? error.message : String(error)}); it cannot be read.`,
    );
  }
  return metaFile(json);
}

function repairedUtf8(bytes: Buffer): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function notAChat(
  entry: string | null,
  reason = 'No line starts with a date and time as a WhatsApp chat export does.',
) {
  return new EvidenceUnprocessableError(
    `No parser recognises this ${entry ? `archive entry (${entry})` : 'text file'}: ${reason}`,
  );
}

function accountFirst(a: string, b: string): number {
  const rank = (n: string) => (/\/account\.js$/.test(n) ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true });
}
