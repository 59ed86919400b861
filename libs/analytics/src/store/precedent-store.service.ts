import { createInterface } from 'node:readline';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  OUTCOME_STEPS,
  readPrecedentRecord,
  type FieldProblem,
  type PrecedentRecord,
} from '@precedent/exchange';
import { Clock, londonDate } from '@precedent/platform';
import { conductFeatures } from '../comparables/conduct-features';
import { PrecedentIndex } from '../comparables/precedent-index';
import type { StoredSimilarity } from '../comparables/similarity-learning';
import { DEFAULT_MODEL, type SimilarityModel } from '../comparables/similarity.rules';
import { FINDINGS, FORUMS, OUTCOMES } from '@precedent/exchange';
import { dayNumber, forceNumber } from '../comparables/indexing';
import { FINGERPRINT_WORDS } from '../text/text-matching.rules';

export interface ImportProblem extends FieldProblem {
  line: number;
}

export interface ImportSummary {
  imported: number;
  updated: number;
  rejected: number;
  /** The first 100 problems, by line. */
  errors: ImportProblem[];
}

export interface ImportProgress {
  lines: number;
  bytes: number;
  /** Records read so far: lines that were not blank. */
  records: number;
  /** The counts so far; imported and updated count only what is committed. */
  summary: ImportSummary;
}

/**
 * An import stopped by an error it could not pass (the file unreadable, the database refusing a
 * write). `summary` says how far it got; batches committed before the error stay in the store.
 */
export class ImportInterruptedError extends Error {
  constructor(
    readonly reason: Error,
    readonly summary: ImportSummary,
    readonly records: number,
  ) {
    super(reason.message);
    this.name = 'ImportInterruptedError';
  }
}

/**
 * How far an import has committed: the lines read up to the end of the last batch written, and the
 * counts as they stood then. Written in the batch's own transaction, so it never runs ahead of (or
 * behind) what the store holds; an import started again from it ends with the counts of one run.
 */
export interface ImportCheckpoint {
  lines: number;
  bytes: number;
  records: number;
  summary: ImportSummary;
}

export interface ImportOptions {
  /** Nothing is imported when any line is bad. */
  strict: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Where an earlier run of the same file stopped (not for strict imports, which keep nothing). */
  resumeFrom?: ImportCheckpoint | null;
  /**
   * Called in each batch's transaction once the batch is written: records the checkpoint with it.
   * Throwing rolls the batch back (another run has taken the job over).
   */
  checkpoint?: (em: EntityManager, at: ImportCheckpoint) => Promise<void>;
  /** Asked between batches: when aborted, the import stops after its last committed batch. */
  signal?: AbortSignal;
}

/** An import stopped between batches because its process is stopping; the checkpoint says where. */
export class ImportStoppedError extends Error {
  constructor() {
    super('The import was stopped between two batches; it resumes from the last one committed.');
    this.name = 'ImportStoppedError';
  }
}

export const MAX_REPORTED_ERRORS = 100;
const BATCH = 2000;
const LOAD_PAGE = 50_000;

/**
 * The national precedent store: exchange-format records in and out, idempotent on (force, ref),
 * and the comparables index loaded from it.
 */
@Injectable()
export class PrecedentStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Streams JSON Lines into the store: memory stays flat whatever the size. Every line is checked;
   * bad lines are reported by line and field. Valid lines are written in batches, each batch in its
   * own transaction, unless `strict`, when one transaction holds all and is rolled back on any bad line.
   */
  async import(input: Readable, options: ImportOptions): Promise<ImportSummary> {
    const resume = options.strict ? null : (options.resumeFrom ?? null);
    const summary: ImportSummary = resume
      ? { ...resume.summary, errors: [...resume.summary.errors] }
      : { imported: 0, updated: 0, rejected: 0, errors: [] };
    let records = resume?.records ?? 0;
    const today = londonDate(this.clock.now());
    const snapshot = (): ImportSummary => ({ ...summary, errors: [...summary.errors] });
    const run = async (em: EntityManager | null) => {
      let batch = new Map<string, PrecedentRecord>();
      // the line each record of the batch was read from, to name a refused one
      let batchLines = new Map<string, number>();
      let lineNumber = 0;
      let bytes = 0;
      // Batches are written while the next is read and checked, so PostgreSQL and Node work at once.
      // One write at a time: batches commit in file order, so each checkpoint covers every line before it.
      const inFlight: Promise<void>[] = [];
      const maxInFlight = 1;
      const flush = async () => {
        if (batch.size === 0) return;
        // In file order: the upsert takes its rows in (force, ref) order itself (write).
        const batchRecords = [...batch.values()];
        const linesOf = batchLines;
        batch = new Map();
        batchLines = new Map();
        while (inFlight.length >= maxInFlight) await inFlight.shift();
        // the counts up to this batch's last line: earlier batches have all committed by now
        const at = { lines: lineNumber, bytes, records, summary: snapshot() };
        const writeBatch = async (tx: EntityManager) => {
          const written = await this.write(tx, batchRecords);
          const refusals = refusalProblems(written.refused, linesOf);
          if (options.checkpoint && !em)
            await options.checkpoint(tx, {
              ...at,
              summary: withRefusals(
                {
                  ...at.summary,
                  imported: at.summary.imported + written.imported,
                  updated: at.summary.updated + written.updated,
                },
                refusals,
              ),
            });
          return { ...written, refusals };
        };
        const writing = (em ? writeBatch(em) : this.dataSource.transaction(writeBatch)).then((written) => {
          summary.imported += written.imported;
          summary.updated += written.updated;
          Object.assign(summary, withRefusals(summary, written.refusals));
        });
        // A failed write is seen when it is awaited (at a later flush or at the end), never lost.
        writing.catch(() => undefined);
        inFlight.push(writing);
      };
      const readAll = async () => {
        const lines = createInterface({ input, crlfDelay: Infinity });
        for await (const line of lines) {
          lineNumber++;
          bytes += Buffer.byteLength(line) + 1;
          // lines an earlier run committed (their counts came with the checkpoint)
          if (resume && lineNumber <= resume.lines) continue;
          if (line.trim() === '') continue;
          records++;
          const problems = this.readLine(line, today);
          if ('problems' in problems) {
            summary.rejected++;
            for (const problem of problems.problems) {
              if (summary.errors.length < MAX_REPORTED_ERRORS)
                summary.errors.push({ line: lineNumber, ...problem });
            }
            continue;
          }
          const key = `${problems.record.force}\u0000${problems.record.ref}`;
          // The same record twice in one file: the later line wins, as a second import would.
          if (batch.has(key)) summary.updated++;
          batch.set(key, problems.record);
          batchLines.set(key, lineNumber);
          if (batch.size >= BATCH) {
            if (options.strict && summary.rejected > 0) batch.clear();
            else await flush();
            if (options.signal?.aborted && !options.strict) {
              while (inFlight.length > 0) await inFlight.shift();
              throw new ImportStoppedError();
            }
          }
          if (lineNumber % 1000 === 0)
            options.onProgress?.({ lines: lineNumber, bytes, records, summary: snapshot() });
        }
        if (!(options.strict && summary.rejected > 0)) await flush();
        while (inFlight.length > 0) await inFlight.shift();
      };
      try {
        await readAll();
      } catch (error) {
        // Writes already sent finish (or fail) before the import reports how far it got.
        await Promise.allSettled(inFlight);
        throw error;
      }
      options.onProgress?.({ lines: lineNumber, bytes, records, summary: snapshot() });
    };
    if (options.strict) {
      await this.dataSource
        .transaction(async (em) => {
          await run(em);
          if (summary.rejected > 0) throw new StrictImportRefused();
          await this.raiseDataVersion(em);
        })
        .catch((error: unknown) => {
          // Strict: one transaction, so nothing of this file stays, whatever stopped it.
          summary.imported = 0;
          summary.updated = 0;
          if (!(error instanceof StrictImportRefused))
            throw new ImportInterruptedError(asError(error), snapshot(), records);
        });
    } else {
      try {
        await run(null);
      } catch (error) {
        // Batches committed before the error stay: the comparables must see them too.
        if (summary.imported + summary.updated > 0)
          await this.raiseDataVersion(this.dataSource.manager).catch(() => undefined);
        throw new ImportInterruptedError(asError(error), snapshot(), records);
      }
      await this.raiseDataVersion(this.dataSource.manager);
    }
    return summary;
  }

  /**
   * Writes (or rewrites) the precedent of a subject decided in this instance, in the caller's
   * transaction, so recording an outcome and its precedent succeed or fail together. The record
   * must already be anonymised: no names or numbers of people.
   */
  async recordInternal(em: EntityManager, record: PrecedentRecord, caseId: string): Promise<void> {
    const reading = readPrecedentRecord(JSON.parse(JSON.stringify(record)), londonDate(this.clock.now()));
    if (!reading.ok) {
      throw new Error(
        `The precedent for case ${caseId} is not a valid exchange record: ${reading.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      );
    }
    await this.write(em, [reading.record], { source: 'internal', caseId });
    await this.raiseDataVersion(em);
  }

  /** Writes every record of a force (or all) as JSON Lines, ordered by force and ref. */
  async export(output: Writable, force?: string): Promise<number> {
    // By force and ref (the unique index): the same store always exports the same bytes.
    let after: [string, string] = ['', ''];
    let count = 0;
    for (;;) {
      const rows: { force: string; ref: string; record: PrecedentRecord }[] = await this.dataSource.query(
        `SELECT force, ref, record FROM precedents WHERE (force, ref) > ($1, $2) ${force ? 'AND force = $4' : ''}
          ORDER BY force, ref LIMIT $3`,
        force ? [...after, 5000, force] : [...after, 5000],
      );
      if (rows.length === 0) return count;
      let chunk = '';
      for (const row of rows) chunk += JSON.stringify(row.record) + '\n';
      count += rows.length;
      after = [rows[rows.length - 1].force, rows[rows.length - 1].ref];
      if (!output.write(chunk)) await once(output, 'drain');
    }
  }

  /**
   * A page of the precedent feed: this instance's own precedents of `force` changed after feed number
   * `after`, in feed order, each with its opaque feed reference in place of its ref (which carries the
   * case reference). Imported precedents are never served: they are not this force's to share.
   */
  async feedPage(
    force: string,
    after: bigint,
    limit: number,
  ): Promise<{ seq: bigint; record: PrecedentRecord }[]> {
    const rows: { seq: string; feed_ref: string; record: PrecedentRecord }[] = await this.dataSource.query(
      `SELECT feed_seq::text AS seq, feed_ref, record FROM precedents
        WHERE source = 'internal' AND force = $1 AND feed_seq > $2::bigint ORDER BY feed_seq LIMIT $3`,
      [force, after.toString(), limit],
    );
    return rows.map((row) => ({
      seq: BigInt(row.seq),
      record: { ...row.record, ref: `${force}:${row.feed_ref}` },
    }));
  }

  /**
   * Writes records harvested from a peer (already checked) in the caller's transaction, so they and
   * the peer's cursor commit together. Never over this instance's own precedents.
   */
  async writeHarvested(
    em: EntityManager,
    records: PrecedentRecord[],
  ): Promise<{ imported: number; updated: number }> {
    if (records.length === 0) return { imported: 0, updated: 0 };
    const byKey = new Map(records.map((record) => [`${record.force}\u0000${record.ref}`, record]));
    const sorted = [...byKey.values()].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    const written = await this.write(em, sorted);
    await this.raiseDataVersion(em);
    return written;
  }

  async dataVersion(): Promise<string> {
    const rows: { data_version: string }[] = await this.dataSource.query(
      'SELECT data_version FROM analytics_state WHERE id = 1',
    );
    return rows[0]?.data_version ?? '0';
  }

  async count(): Promise<number> {
    const rows: { count: string }[] = await this.dataSource.query('SELECT count(*) FROM precedents');
    return Number(rows[0].count);
  }

  /**
   * How similarity is counted now: the model the latest recompute learned from the store, kept with
   * its consistency result (docs/analytics-method.md §3.4); null before the first recompute.
   */
  async latestSimilarity(): Promise<StoredSimilarity | null> {
    const rows: { similarity: StoredSimilarity | null }[] = await this.dataSource.query(
      `SELECT analysis->'similarity' AS similarity FROM disparity_results ORDER BY computed_at DESC LIMIT 1`,
    );
    return rows[0]?.similarity ?? null;
  }

  /**
   * Reads every precedent's features into a sealed index, a page at a time, counting similarity
   * with `model`, by default the latest learned one (today's fixed weights before any).
   */
  async loadIndex(onProgress?: (loaded: number) => void, model?: SimilarityModel): Promise<PrecedentIndex> {
    const chosen = model ?? (await this.latestSimilarity())?.model ?? DEFAULT_MODEL;
    const index = new PrecedentIndex(Math.max(1024, await this.count()), chosen);
    let after = 0;
    for (;;) {
      const rows: FeatureRow[] = await this.dataSource.query(
        `SELECT id, ref, force, decided_on::text AS decided_on, forum, finding, outcome, step, category_mask, target_mask,
                audience, platform_mask, participation, role, factor_mask, levels, volume, fingerprint
           FROM precedents WHERE id > $1 ORDER BY id LIMIT $2`,
        [after, LOAD_PAGE],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const fingerprint = row.fingerprint ? new Int32Array(FINGERPRINT_WORDS) : null;
        if (fingerprint && row.fingerprint) {
          for (let word = 0; word < FINGERPRINT_WORDS; word++)
            fingerprint[word] = row.fingerprint.readInt32LE(word * 4);
        }
        index.add(
          {
            categoryMask: row.category_mask,
            targetMask: row.target_mask,
            audienceRank: row.audience & 3,
            identifiable: (row.audience & 4) !== 0,
            platformMask: row.platform_mask,
            participation: row.participation,
            role: row.role & 15,
            formerOfficer: (row.role & 16) !== 0,
            factorMask: row.factor_mask,
            culpability: row.levels >> 2,
            harm: row.levels & 3,
            messageBucket: row.volume & 7,
            sizeBucket: (row.volume >> 3) - 1,
            fingerprint,
          },
          {
            id: row.id,
            ref: row.ref,
            force: forceNumber(row.force),
            decidedOn: dayNumber(row.decided_on),
            forum: FORUMS.indexOf(row.forum as (typeof FORUMS)[number]),
            finding: FINDINGS.indexOf(row.finding as (typeof FINDINGS)[number]),
            outcome: OUTCOMES.indexOf(row.outcome as (typeof OUTCOMES)[number]),
            step: row.step,
          },
        );
      }
      after = rows[rows.length - 1].id;
      onProgress?.(index.count);
    }
    return index.seal();
  }

  /** The stored records (as an export writes them: internal ones already redacted), by precedent id. */
  async recordsOf(ids: number[]): Promise<Map<number, PrecedentRecord>> {
    if (ids.length === 0) return new Map();
    const rows: { id: number; record: PrecedentRecord }[] = await this.dataSource.query(
      'SELECT id, record FROM precedents WHERE id = ANY($1::int[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.record]));
  }

  /** The cases internal precedents came from, by precedent id (imported ones have none). */
  async caseIdsOf(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: number; case_id: string }[] = await this.dataSource.query(
      'SELECT id, case_id FROM precedents WHERE id = ANY($1::int[]) AND case_id IS NOT NULL',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.case_id]));
  }

  private readLine(line: string, today: string): { record: PrecedentRecord } | { problems: FieldProblem[] } {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return { problems: [{ field: '', message: `not valid JSON: ${(error as Error).message}` }] };
    }
    const reading = readPrecedentRecord(value, today);
    return reading.ok ? { record: reading.record } : { problems: reading.problems };
  }

  private async write(
    em: EntityManager,
    records: PrecedentRecord[],
    origin: { source: 'imported' | 'internal'; caseId: string | null } = { source: 'imported', caseId: null },
  ): Promise<{ imported: number; updated: number; refused: PrecedentRecord[] }> {
    // The batch goes in by COPY to a session-local staging table, then one upsert from it:
    // COPY's text format costs PostgreSQL and Node far less than a JSON document per batch
    // (json_to_recordset parsed every record twice over), and each record is serialised once.
    let copy = '';
    for (const record of records) copy += copyRow(record);
    const internal = origin.source === 'internal';
    // Created once per connection and emptied at each commit; emptied here too, because a strict
    // import writes all its batches in one transaction.
    await em.query(
      `CREATE TEMP TABLE IF NOT EXISTS precedent_batch (force text, ref text, decided_on date, forum text,
         finding text, outcome text, step smallint, record json, category_mask smallint, target_mask smallint,
         audience smallint, platform_mask smallint, participation smallint, role smallint, factor_mask int,
         levels smallint, volume smallint, fingerprint bytea) ON COMMIT DELETE ROWS;
       TRUNCATE precedent_batch`,
    );
    await pipeline(
      Readable.from([copy]),
      connectionOf(em).query(copyFrom(`COPY precedent_batch FROM STDIN`)),
    );
    // Internal precedents are the feed's (docs/precedent-network.md): each write takes the next feed
    // number under a lock held to commit, so numbers become visible in order and a peer's cursor
    // never passes one still uncommitted. A rewrite (an appeal) takes a new number: peers see it again.
    if (internal) await em.query(`SELECT pg_advisory_xact_lock(hashtext('precedent_feed'))`);
    const rows: { force: string; ref: string; inserted: boolean }[] = await em.query(
      `INSERT INTO precedents (force, ref, decided_on, forum, finding, outcome, step, record, category_mask, target_mask,
                               audience, platform_mask, participation, role, factor_mask, levels, volume, fingerprint,
                               source, case_id, feed_seq)
       SELECT x.force, x.ref, x.decided_on, x.forum, x.finding, x.outcome, x.step, x.record, x.category_mask, x.target_mask,
              x.audience, x.platform_mask, x.participation, x.role, x.factor_mask, x.levels, x.volume,
              x.fingerprint, $1::text, $2::uuid,
              CASE WHEN $1::text = 'internal' THEN nextval('precedent_feed_seq') END
         -- rows in one order in every batch: two batches updating the same rows cannot deadlock
         FROM precedent_batch x ORDER BY x.force, x.ref
       ON CONFLICT (force, ref) DO UPDATE SET
         decided_on = EXCLUDED.decided_on, forum = EXCLUDED.forum, finding = EXCLUDED.finding, outcome = EXCLUDED.outcome,
         step = EXCLUDED.step, record = EXCLUDED.record, category_mask = EXCLUDED.category_mask,
         target_mask = EXCLUDED.target_mask, audience = EXCLUDED.audience, platform_mask = EXCLUDED.platform_mask,
         participation = EXCLUDED.participation, role = EXCLUDED.role, factor_mask = EXCLUDED.factor_mask,
         levels = EXCLUDED.levels, volume = EXCLUDED.volume, fingerprint = EXCLUDED.fingerprint,
         source = EXCLUDED.source, case_id = EXCLUDED.case_id, feed_seq = EXCLUDED.feed_seq, updated_at = now()
       -- an imported or harvested record never replaces a precedent decided here (and its case link)
       WHERE precedents.source = 'imported' OR EXCLUDED.source = 'internal'
       RETURNING force, ref, (xmax = 0) AS inserted`,
      [origin.source, origin.caseId],
    );
    const imported = rows.filter((row) => row.inserted).length;
    const written = new Set(rows.map((row) => `${row.force}\u0000${row.ref}`));
    const refused = records.filter((record) => !written.has(`${record.force}\u0000${record.ref}`));
    return { imported, updated: rows.length - imported, refused };
  }

  private async raiseDataVersion(em: EntityManager): Promise<void> {
    await em.query(
      `INSERT INTO analytics_state (id, data_version) VALUES (1, 1)
       ON CONFLICT (id) DO UPDATE SET data_version = analytics_state.data_version + 1`,
    );
  }
}

class StrictImportRefused extends Error {}

/** A record as one line of COPY's text format, in precedent_batch's column order. */
function copyRow(record: PrecedentRecord): string {
  const features = conductFeatures(record);
  const fingerprint = features.fingerprint
    ? // bytea in hex, its backslash escaped for COPY
      '\\\\x' + hexLittleEndian(features.fingerprint)
    : '\\N';
  return (
    `${copyText(record.force)}\t${copyText(record.ref)}\t${record.decidedOn}\t${record.forum}\t` +
    `${record.finding}\t${record.outcome}\t${OUTCOME_STEPS[record.outcome]}\t` +
    `${copyText(JSON.stringify(record))}\t${features.categoryMask}\t${features.targetMask}\t` +
    `${features.audienceRank | (features.identifiable ? 4 : 0)}\t${features.platformMask}\t` +
    `${features.participation}\t${features.role | (features.formerOfficer ? 16 : 0)}\t` +
    `${features.factorMask}\t${features.culpability * 4 + features.harm}\t` +
    `${(features.sizeBucket + 1) * 8 + features.messageBucket}\t${fingerprint}\n`
  );
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The words' bytes in hex, each word little-endian (as loadIndex reads them back), without a Buffer per record. */
function hexLittleEndian(words: Int32Array): string {
  let hex = '';
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    hex +=
      HEX_BYTES[word & 255] +
      HEX_BYTES[(word >>> 8) & 255] +
      HEX_BYTES[(word >>> 16) & 255] +
      HEX_BYTES[word >>> 24];
  }
  return hex;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value for COPY: its backslashes, tabs and line breaks escaped (JSON text has only backslashes). */
function copyText(value: string): string {
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}

/** The PostgreSQL connection under a transaction's manager, for COPY (TypeORM has no COPY of its own). */
function connectionOf(em: EntityManager): PoolClient {
  const connection = (em.queryRunner as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  if (!connection)
    throw new Error("Precedents are written inside a transaction: pass the transaction's EntityManager");
  return connection;
}

/** An imported record that would have replaced one of this force's own precedents, by its line. */
function refusalProblems(refused: PrecedentRecord[], lines: Map<string, number>): ImportProblem[] {
  return refused.map((record) => ({
    line: lines.get(`${record.force}\u0000${record.ref}`) ?? 0,
    field: 'ref',
    message: `is the reference of a precedent decided in this system (${record.force}); an imported record cannot replace it, so this line was not imported`,
  }));
}

/** The summary with refused records counted as rejected and listed with the other problems. */
function withRefusals(summary: ImportSummary, refusals: ImportProblem[]): ImportSummary {
  if (refusals.length === 0) return summary;
  const room = Math.max(0, MAX_REPORTED_ERRORS - summary.errors.length);
  return {
    ...summary,
    rejected: summary.rejected + refusals.length,
    errors: [...summary.errors, ...refusals.slice(0, room)].sort((a, b) => a.line - b.line),
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

interface FeatureRow {
  id: number;
  ref: string;
  force: string;
  decided_on: string;
  forum: string;
  finding: string;
  outcome: string;
  step: number;
  category_mask: number;
  target_mask: number;
  audience: number;
  platform_mask: number;
  participation: number;
  role: number;
  factor_mask: number;
  levels: number;
  volume: number;
  fingerprint: Buffer | null;
}
