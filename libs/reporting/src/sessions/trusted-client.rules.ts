/**
 * The client a trusted reverse proxy names for a request, or null when none does. Only a request
 * whose connection comes from a configured proxy has its X-Forwarded-For read, and then the rightmost
 * address that is not itself a trusted proxy is the client (the ones to its left the client wrote
 * itself, and could be anything). Without a trusted proxy nothing is derived: behind an unconfigured
 * proxy every reporter shares one address, and counting wrong codes per address would lock them all out.
 */
export function trustedClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: readonly string[],
): string | null {
  const trusted = new Set(trustedProxies.map(canonical).filter(Boolean));
  if (!peer || trusted.size === 0 || !trusted.has(canonical(peer))) return null;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header
    .split(',')
    .map((hop) => canonical(hop))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i])) return hops[i];
  return null;
}

/** `TRUSTED_PROXIES` as a list of addresses. */
export function trustedProxyList(setting: string): string[] {
  return setting
    .split(',')
    .map((address) => canonical(address))
    .filter(Boolean);
}

/** One spelling per address: trimmed, lower case, IPv4 without its IPv6-mapped prefix. */
function canonical(address: string): string {
  return address
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}
