import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

const FORMAT = 1;
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

interface Key {
  id: Buffer;
  key: Buffer;
}

/**
 * AES-256-GCM for anonymous reports, messages and attachments at rest.
 *
 * The key is derived with HKDF-SHA256 from a configured secret. Each sealed value is
 * `format(1) | key id(8) | iv(12) | tag(16) | ciphertext`: the key id says which key sealed it, so a
 * rotation can read with the previous key and re-seal with the current one. The `context` (for
 * example `report:<id>`) is authenticated data: a value copied to another row or purpose fails to open.
 */
export class ReportCipher {
  private readonly current: Key;
  private readonly all: Key[];

  constructor(secret: string, previousSecrets: readonly string[] = []) {
    this.current = deriveKey(secret);
    this.all = [this.current, ...previousSecrets.map(deriveKey)];
  }

  get keyId(): string {
    return this.current.id.toString('hex');
  }

  seal(plaintext: string, context: string): Buffer {
    return this.sealBytes(Buffer.from(plaintext, 'utf8'), context);
  }

  open(sealed: Buffer, context: string): string {
    return this.openBytes(sealed, context).toString('utf8');
  }

  sealBytes(plaintext: Buffer, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT]), this.current.id, iv, cipher.getAuthTag(), ciphertext]);
  }

  openBytes(sealed: Buffer, context: string): Buffer {
    if (sealed.length < HEADER_BYTES || sealed[0] !== FORMAT) throw new Error('Not a sealed report value');
    const keyId = sealed.subarray(1, 1 + KEY_ID_BYTES);
    const key = this.all.find((k) => timingSafeEqual(k.id, keyId));
    if (!key) throw new Error(`Sealed with key ${keyId.toString('hex')}, which is not configured`);
    const iv = sealed.subarray(1 + KEY_ID_BYTES, 1 + KEY_ID_BYTES + IV_BYTES);
    const tag = sealed.subarray(1 + KEY_ID_BYTES + IV_BYTES, HEADER_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key.key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  }

  /** Whether this value was sealed with the current key (a rotation re-seals the others). */
  isCurrent(sealed: Buffer): boolean {
    return sealed.subarray(1, 1 + KEY_ID_BYTES).equals(this.current.id);
  }
}

function deriveKey(secret: string): Key {
  const key = Buffer.from(hkdfSync('sha256', secret, 'precedent', 'anonymous reports aes-256-gcm v1', 32));
  const id = createHmac('sha256', key).update('key id').digest().subarray(0, KEY_ID_BYTES);
  return { id, key };
}
