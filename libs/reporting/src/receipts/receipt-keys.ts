import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { createHmac, hkdfSync, randomInt } from 'node:crypto';
import { Env } from '@precedent/platform';
import { formatReceipt, newReceiptDigits } from './receipt-code.rules';

/** Slow by design: 64 MiB and 3 passes, so each guess checked against a stolen verifier is costly. */
const VERIFIER_OPTIONS = { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const;

export interface IssuedReceipt {
  /** Shown once to the reporter, never stored. */
  receipt: string;
  lookupDigest: string;
  verifier: string;
}

/**
 * What is kept of a receipt code: an HMAC digest (keyed from configuration, so a copy of the database
 * alone cannot be searched for a code) to find the report, and an argon2id verifier to confirm it.
 */
@Injectable()
export class ReceiptKeys {
  private readonly lookupKey: Buffer;
  private decoy?: Promise<string>;

  constructor(env: Env) {
    this.lookupKey = Buffer.from(
      hkdfSync('sha256', env.REPORTING_LOOKUP_KEY, 'precedent', 'receipt lookup digest v1', 32),
    );
  }

  async issue(): Promise<IssuedReceipt> {
    const digits = newReceiptDigits(() => randomInt(10));
    return {
      receipt: formatReceipt(digits),
      lookupDigest: this.lookupDigest(digits),
      verifier: await argon2.hash(digits, VERIFIER_OPTIONS),
    };
  }

  lookupDigest(digits: string): string {
    return createHmac('sha256', this.lookupKey).update(digits).digest('hex');
  }

  async verify(verifier: string, digits: string): Promise<boolean> {
    try {
      return await argon2.verify(verifier, digits);
    } catch {
      return false;
    }
  }

  /** As slow as a real check, so an unknown code takes as long to refuse as a wrong one. */
  async verifyDecoy(digits: string): Promise<false> {
    this.decoy ??= argon2.hash('00000000000000000000', VERIFIER_OPTIONS);
    await this.verify(await this.decoy, digits);
    return false;
  }
}
