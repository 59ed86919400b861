import { Injectable } from '@nestjs/common';
import { PrecedentStore } from '@precedent/analytics';
import { Clock, Env, londonDate } from '@precedent/platform';
import {
  readSigningKey,
  signatureHeader,
  signingKeys,
  type SigningKey,
} from '../signing/page-signature.rules';

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 1000;

export interface SignedPage {
  /** The exact bytes to send: the signatures are over them. */
  body: Buffer;
  signature: string;
}

/** Why this instance serves no feed: said to the peer, so its administrator can tell ours. */
export class FeedOffError extends Error {}

/**
 * This force's precedent feed: its own precedents, anonymised as they are stored (free text
 * redacted when the outcome was recorded), under opaque feed references, in pages ordered by the
 * feed number (docs/precedent-network.md), each page signed with the force's key(s).
 */
@Injectable()
export class PrecedentFeed {
  private keys: { current: SigningKey; previous: SigningKey | null } | null = null;

  constructor(
    private readonly store: PrecedentStore,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  async page(after: bigint, limit: number): Promise<SignedPage> {
    const force = this.env.FORCE_CODE;
    if (!force)
      throw new FeedOffError('This instance has no FORCE_CODE, so it has no precedents of its own to share.');
    const keys = this.signingKeys();
    const rows = await this.store.feedPage(force, after, limit);
    // The cursor asked for is repeated in the signed body: a page cannot be replayed as another's answer.
    const body = Buffer.from(
      JSON.stringify({
        formatVersion: 1,
        force,
        after: after.toString(),
        next: (rows.at(-1)?.seq ?? after).toString(),
        more: rows.length === limit,
        records: rows.map((row) => row.record),
      }),
    );
    return { body, signature: signatureHeader(body, keys) };
  }

  private signingKeys(): SigningKey[] {
    if (!this.env.NETWORK_SIGNING_KEY)
      throw new FeedOffError('This instance has no signing key: its administrator runs `network keys`.');
    this.keys ??= {
      current: readSigningKey(this.env.NETWORK_SIGNING_KEY, 'NETWORK_SIGNING_KEY'),
      previous: this.env.NETWORK_PREVIOUS_SIGNING_KEY
        ? readSigningKey(this.env.NETWORK_PREVIOUS_SIGNING_KEY, 'NETWORK_PREVIOUS_SIGNING_KEY')
        : null,
    };
    return signingKeys(
      this.keys.current,
      this.keys.previous,
      this.env.NETWORK_PREVIOUS_KEY_UNTIL,
      londonDate(this.clock.now()),
    );
  }
}
