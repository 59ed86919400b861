import type { Request } from 'express';
import { Env } from '@precedent/platform';
import { trustedClientAddress, trustedProxyList } from '@precedent/reporting';

/**
 * The client a configured trusted proxy names for this request, or null. Only ever hashed by the
 * receipt attempt limiter; never stored or logged.
 */
export function clientOf(request: Request, env: Env): string | null {
  return trustedClientAddress(
    request.socket.remoteAddress,
    request.headers['x-forwarded-for'],
    trustedProxyList(env.TRUSTED_PROXIES),
  );
}
