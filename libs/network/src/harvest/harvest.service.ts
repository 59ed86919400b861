import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PrecedentStore } from '@precedent/analytics';
import { Clock, ConfigError, Env, londonDate } from '@precedent/platform';
import { readFeedPage, readPeers, retryDelayMinutes, type Peer } from '../peers/peers.rules';
import { checkSignature, SIGNATURE_HEADER } from '../signing/page-signature.rules';
import { returned } from '../feed/peer-tokens.service';

/** Pages one peer gives in one pull: a peer with a long backlog does not keep the others waiting. */
const PAGES_PER_PULL = 50;
const PAGE_SIZE = 500;
/** Largest page body read: 500 records with their text are well under it. */
const MAX_PAGE_BYTES = 32 * 1024 * 1024;

export interface PullResult {
  force: string;
  ok: boolean;
  pages: number;
  imported: number;
  updated: number;
  /** What went wrong, in words for the administrator; null when nothing did. */
  error: string | null;
  /** A page was refused (bad signature or contents): nothing of it was imported. */
  refused: boolean;
}

export interface HarvestState {
  force: string;
  url: string | null;
  cursor: string | null;
  pages: number;
  imported: number;
  updated: number;
  refusedPages: number;
  failures: number;
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  nextAttemptAt: Date | null;
}

/** A page refused: recorded against the peer, nothing imported, tried again later. */
class RefusedPage extends Error {}

/**
 * Harvests the peers' feeds into the precedent store: each peer on its own, with its own timeout and
 * its own backoff, so one that is down, slow or sends bad pages never holds up the others. A page is
 * imported (with the new cursor) in one transaction only when its signature and contents hold.
 */
@Injectable()
export class PrecedentHarvest implements OnModuleInit {
  private readonly logger = new Logger(PrecedentHarvest.name);
  private peerList: Peer[] | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PrecedentStore,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  /** PEERS is read at start, like the rest of the configuration: a malformed one stops the process. */
  onModuleInit(): void {
    this.peers();
  }

  peers(): Peer[] {
    if (!this.peerList) {
      const read = readPeers(this.env.PEERS, this.env.FORCE_CODE);
      if ('problems' in read)
        throw new ConfigError(read.problems.map((problem) => ({ variable: 'PEERS', expected: problem })));
      this.peerList = read.peers;
    }
    return this.peerList;
  }

  /**
   * Pulls every peer (or one), all at once. `dueOnly` (the scheduled job) passes over peers still
   * waiting out their backoff; the command line pulls at once whatever the backoff says.
   */
  async pull(options: { force?: string; dueOnly?: boolean } = {}): Promise<PullResult[]> {
    const peers = this.peers().filter((peer) => !options.force || peer.force === options.force);
    const now = this.clock.now();
    const due = options.dueOnly ? await this.duePeers(peers, now) : peers;
    return Promise.all(due.map((peer) => this.pullPeer(peer)));
  }

  async states(): Promise<HarvestState[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      'SELECT * FROM network_harvests ORDER BY peer_force',
    );
    const urls = new Map(this.peers().map((peer) => [peer.force, peer.url]));
    const byForce = new Map(rows.map((row) => [row.peer_force as string, row]));
    const forces = [...new Set([...urls.keys(), ...byForce.keys()])].sort();
    return forces.map((force) => {
      const row = byForce.get(force) ?? {};
      return {
        force,
        url: urls.get(force) ?? null,
        cursor: (row.cursor as string | null) ?? null,
        pages: (row.pages as number) ?? 0,
        imported: (row.imported as number) ?? 0,
        updated: (row.updated as number) ?? 0,
        refusedPages: (row.refused_pages as number) ?? 0,
        failures: (row.failures as number) ?? 0,
        lastAttemptAt: (row.last_attempt_at as Date | null) ?? null,
        lastSuccessAt: (row.last_success_at as Date | null) ?? null,
        lastError: (row.last_error as string | null) ?? null,
        lastErrorAt: (row.last_error_at as Date | null) ?? null,
        nextAttemptAt: (row.next_attempt_at as Date | null) ?? null,
      };
    });
  }

  private async duePeers(peers: Peer[], now: Date): Promise<Peer[]> {
    const rows: { peer_force: string }[] = await this.dataSource.query(
      'SELECT peer_force FROM network_harvests WHERE next_attempt_at > $1',
      [now],
    );
    const waiting = new Set(rows.map((row) => row.peer_force));
    return peers.filter((peer) => !waiting.has(peer.force));
  }

  private async pullPeer(peer: Peer): Promise<PullResult> {
    const result: PullResult = {
      force: peer.force,
      ok: false,
      pages: 0,
      imported: 0,
      updated: 0,
      error: null,
      refused: false,
    };
    const now = this.clock.now();
    await this.dataSource.query(
      `INSERT INTO network_harvests (peer_force, last_attempt_at) VALUES ($1, $2)
       ON CONFLICT (peer_force) DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at`,
      [peer.force, now],
    );
    try {
      const [state] = await this.dataSource.query<{ cursor: string | null }[]>(
        'SELECT cursor FROM network_harvests WHERE peer_force = $1',
        [peer.force],
      );
      let cursor = state.cursor ?? '0';
      for (let pages = 0; pages < PAGES_PER_PULL; pages++) {
        const page = await this.fetchPage(peer, cursor);
        const written = await this.dataSource.transaction(async (em) => {
          const counts = await this.store.writeHarvested(em, page.records);
          await em.query(
            `UPDATE network_harvests SET cursor = $2, pages = pages + 1, imported = imported + $3, updated = updated + $4
              WHERE peer_force = $1`,
            [peer.force, page.next, counts.imported, counts.updated],
          );
          return counts;
        });
        result.pages++;
        result.imported += written.imported;
        result.updated += written.updated;
        cursor = page.next;
        if (!page.more) break;
      }
      result.ok = true;
      await this.dataSource.query(
        `UPDATE network_harvests SET failures = 0, last_success_at = $2, next_attempt_at = NULL WHERE peer_force = $1`,
        [peer.force, this.clock.now()],
      );
    } catch (error) {
      result.refused = error instanceof RefusedPage;
      const message = (error as { message?: unknown } | null)?.message;
      result.error = typeof message === 'string' ? message : String(error);
      // the failure and the time of the next attempt are recorded together: no reader sees one alone
      const next = await this.dataSource.transaction(async (em) => {
        const [row] = returned<{ failures: number }>(
          await em.query(
            `UPDATE network_harvests SET failures = failures + 1, last_error = $2, last_error_at = $3,
                  refused_pages = refused_pages + $4
            WHERE peer_force = $1 RETURNING failures`,
            [peer.force, result.error, this.clock.now(), result.refused ? 1 : 0],
          ),
        );
        const at = new Date(this.clock.now().getTime() + retryDelayMinutes(row.failures) * 60_000);
        await em.query('UPDATE network_harvests SET next_attempt_at = $2 WHERE peer_force = $1', [
          peer.force,
          at,
        ]);
        return at;
      });
      this.logger.warn(
        `Harvest from ${peer.force} failed (${result.error}); tried again after ${next.toISOString()}.`,
      );
    }
    return result;
  }

  private async fetchPage(peer: Peer, cursor: string) {
    const url = `${peer.url}?after=${cursor}&limit=${PAGE_SIZE}`;
    let body: Buffer;
    let signature: string | null;
    try {
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${peer.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.env.NETWORK_PULL_TIMEOUT_SECONDS * 1000),
        redirect: 'error',
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(
          response.status === 401 || response.status === 403
            ? `the feed refused this force's token (HTTP ${response.status}): ask ${peer.force} for a new one`
            : `the feed answered HTTP ${response.status}`,
        );
      }
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > MAX_PAGE_BYTES) throw new Error('the page is larger than any feed page should be');
      body = Buffer.from(await response.arrayBuffer());
      signature = response.headers.get(SIGNATURE_HEADER);
    } catch (error) {
      // by name: fetch's errors may come from another realm (a test's VM), where instanceof fails
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'TimeoutError')
        throw new Error(`the feed did not answer within ${this.env.NETWORK_PULL_TIMEOUT_SECONDS} s`);
      if (name === 'TypeError')
        throw new Error(`the feed could not be reached: ${describeCause(error as TypeError)}`);
      throw error;
    }
    const check = checkSignature(body, signature, peer.keys);
    if (!check.ok)
      throw new RefusedPage(
        {
          unsigned: 'a page came without a signature: it was refused and nothing of it imported',
          unknown_key: `a page was signed with a key not in PEERS for ${peer.force}: it was refused and nothing of it imported (has ${peer.force} rotated its key?)`,
          bad_signature:
            'a page failed its signature check (changed on the way?): it was refused and nothing of it imported',
        }[check.reason],
      );
    const read = readFeedPage(body, peer.force, cursor, londonDate(this.clock.now()));
    if ('problem' in read)
      throw new RefusedPage(`a page was refused and nothing of it imported: ${read.problem}`);
    return read.page;
  }
}

/** Why a connection failed, in words for the administrator's page (no error codes). */
function describeCause(error: TypeError): string {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'nothing answered at its address';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its address was not found';
    case 'ECONNRESET':
      return 'the connection was cut';
    default:
      return code?.startsWith('CERT') || code?.includes('TLS') || code?.includes('SSL')
        ? 'its certificate was not accepted'
        : 'the connection failed';
  }
}
