import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditContext } from '@precedent/audit';
import { FORCE_CODES } from '@precedent/exchange';
import { InvalidInputError } from '@precedent/platform';

const TOKEN_PREFIX = 'pnt_';

export interface IssuedToken {
  id: string;
  peerForce: string;
  issuedAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * The tokens this force issues to the peers that read its feed. Only a digest is kept, as for the
 * API's sessions: the token is shown once, when issued, and sent to the peer's administrator.
 */
@Injectable()
export class PeerTokens {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Issues a token to a peer; audited (the peer, never the token). */
  async issue(peerForce: string, context: AuditContext): Promise<{ token: string; id: string }> {
    if (!FORCE_CODES.has(peerForce))
      throw new InvalidInputError(
        'unknown_force',
        `${peerForce} is not a force code: use one from forces.json, such as kent.`,
      );
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (em) => {
      const rows: { id: string }[] = await em.query(
        'INSERT INTO network_peer_tokens (peer_force, token_digest) VALUES ($1, $2) RETURNING id',
        [peerForce, digest(token)],
      );
      await this.audit.record(em, context, {
        action: 'network.token.issue',
        entityType: 'network_peer_token',
        entityId: rows[0].id,
        details: { peerForce },
      });
      return { token, id: rows[0].id };
    });
  }

  /** The peer a bearer token was issued to, or null for an unknown or revoked one. */
  async peerOf(token: string): Promise<string | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const rows = returned<{ peer_force: string }>(
      await this.dataSource.query(
        `UPDATE network_peer_tokens SET last_used_at = now()
          WHERE token_digest = $1 AND revoked_at IS NULL RETURNING peer_force`,
        [digest(token)],
      ),
    );
    return rows[0]?.peer_force ?? null;
  }

  /** Revokes every token of a peer; audited. */
  async revoke(peerForce: string, context: AuditContext): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = returned<{ id: string }>(
        await em.query(
          `UPDATE network_peer_tokens SET revoked_at = now() WHERE peer_force = $1 AND revoked_at IS NULL RETURNING id`,
          [peerForce],
        ),
      );
      await this.audit.record(em, context, {
        action: 'network.token.revoke',
        entityType: 'network_peer_token',
        entityId: null,
        details: { peerForce, tokens: rows.map((row) => row.id) },
      });
      return rows.length;
    });
  }

  async list(): Promise<IssuedToken[]> {
    const rows: {
      id: string;
      peer_force: string;
      issued_at: Date;
      last_used_at: Date | null;
      revoked_at: Date | null;
    }[] = await this.dataSource.query(
      'SELECT id, peer_force, issued_at, last_used_at, revoked_at FROM network_peer_tokens ORDER BY peer_force, issued_at',
    );
    return rows.map((row) => ({
      id: row.id,
      peerForce: row.peer_force,
      issuedAt: row.issued_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
    }));
  }
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count], a SELECT or INSERT with the rows. */
export function returned<T = unknown>(result: unknown): T[] {
  const value = result as unknown[];
  return (Array.isArray(value[0]) ? value[0] : value) as T[];
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
