import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { Clock, Env } from '@precedent/platform';
import { verifyDecoy, verifyPassword } from '../users/password';
import { User } from '../users/user.entity';
import { AuthSession, SessionKind } from './auth-session.entity';
import { InvalidCredentialsError, SignInLockedError } from './auth.errors';
import { LoginThrottle } from './login-throttle.entity';
import { afterFailure, DEFAULT_THROTTLE, isLocked, ThrottlePolicy } from './login-throttle.rules';
import type { Principal } from './principal';

export interface SignedIn {
  token: string;
  /** When the session ends, on this server's clock. */
  expiresAt: Date;
  /** How long the session lasts: what clients are told, since their clocks may differ from ours. */
  lifetimeSeconds: number;
  principal: Principal;
}

const TOKEN_PREFIX = 'pct_';

/** Signing in and out, and resolving a bearer token or session cookie to the person behind it. */
@Injectable()
export class AuthService {
  private readonly policy: ThrottlePolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {
    this.policy = {
      ...DEFAULT_THROTTLE,
      lockAfter: env.LOGIN_LOCK_AFTER,
      lockMinutes: env.LOGIN_LOCK_MINUTES,
    };
  }

  /**
   * The same answer, and about the same time, whether or not the username exists; repeated failures
   * are slowed and then locked per username.
   */
  async signIn(
    username: string,
    password: string,
    kind: SessionKind,
    requestId: string | null,
  ): Promise<SignedIn> {
    const key = username.trim().toLowerCase();
    const now = this.clock.now();
    const throttle = await this.dataSource.getRepository(LoginThrottle).findOneBy({ usernameKey: key });
    if (isLocked(throttle, now)) throw new SignInLockedError(throttle!.lockedUntil!);

    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.username) = :key', { key })
      .getOne();
    const valid =
      user && !user.disabled
        ? await verifyPassword(user.passwordHash, password)
        : await verifyDecoy(password);

    if (!valid || !user) {
      const { delayMs, lockedUntil } = await this.dataSource.transaction(async (em) => {
        const outcome = await this.recordFailure(em, key, now);
        await this.audit.record(
          em,
          { actorId: user?.id ?? null, actorName: user?.username ?? null, requestId },
          {
            action: 'auth.sign_in',
            entityType: 'user',
            entityId: user?.id ?? null,
            result: 'failure',
            details: { locked: outcome.lockedUntil !== null },
          },
        );
        return outcome;
      });
      if (delayMs > 0) await sleep(delayMs);
      if (lockedUntil) throw new SignInLockedError(lockedUntil);
      throw new InvalidCredentialsError();
    }

    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const lifetimeSeconds = this.env.SESSION_TTL_MINUTES * 60;
    const expiresAt = new Date(now.getTime() + lifetimeSeconds * 1000);
    const session = await this.dataSource.transaction(async (em) => {
      await em.delete(LoginThrottle, { usernameKey: key });
      const saved = await em.save(
        em.create(AuthSession, { userId: user.id, tokenDigest: digest(token), kind, expiresAt }),
      );
      await this.audit.record(
        em,
        { actorId: user.id, actorName: user.username, requestId },
        { action: 'auth.sign_in', entityType: 'user', entityId: user.id, details: { kind } },
      );
      return saved;
    });
    return { token, expiresAt, lifetimeSeconds, principal: toPrincipal(user, session.id) };
  }

  /** The person behind a token, or null when it is unknown, expired, revoked or the user disabled. */
  async authenticate(token: string): Promise<Principal | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const row = await this.dataSource
      .getRepository(AuthSession)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.token_digest = :digest', { digest: digest(token) })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('s.expires_at > :now', { now: this.clock.now() })
      .getOne();
    const user = row?.user;
    if (!row || !user || user.disabled) return null;
    return toPrincipal(user, row.id);
  }

  async signOut(principal: Principal, requestId: string | null): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.update(AuthSession, { id: principal.sessionId }, { revokedAt: this.clock.now() });
      await this.audit.record(
        em,
        { actorId: principal.userId, actorName: principal.username, requestId },
        { action: 'auth.sign_out', entityType: 'user', entityId: principal.userId },
      );
    });
  }

  private async recordFailure(
    em: EntityManager,
    key: string,
    now: Date,
  ): Promise<{ delayMs: number; lockedUntil: Date | null }> {
    await em.query(`INSERT INTO login_throttles (username_key) VALUES ($1) ON CONFLICT DO NOTHING`, [key]);
    const current = await em
      .getRepository(LoginThrottle)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.username_key = :key', { key })
      .getOneOrFail();
    const next = afterFailure(current, now, this.policy);
    await em.update(
      LoginThrottle,
      { usernameKey: key },
      { failures: next.state.failures, lockedUntil: next.state.lockedUntil, lastFailureAt: now },
    );
    return { delayMs: next.delayMs, lockedUntil: next.lockedNow ? next.state.lockedUntil : null };
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toPrincipal(user: User, sessionId: string): Principal {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    team: user.team,
    sessionId,
  };
}
