import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * Feed pages are signed with Ed25519 over the exact bytes of the response body; the signatures travel
 * in the `Precedent-Signature` header as `keyId:signature` pairs separated by commas (signature in
 * base64url). A key's id is the first 16 hex digits of the SHA-256 of its public key (SPKI DER), so
 * a peer knows which of the keys it holds to try. docs/precedent-network.md describes the format.
 */
export const SIGNATURE_HEADER = 'precedent-signature';

export interface SigningKey {
  id: string;
  privateKey: KeyObject;
}

export interface KeyPairText {
  /** PKCS#8 DER in base64: the value of NETWORK_SIGNING_KEY. */
  privateKey: string;
  /** SPKI DER in base64: what peers put in PEERS. */
  publicKey: string;
  id: string;
}

export function generateKeyPair(): KeyPairText {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKey: spki.toString('base64'),
    id: keyIdOf(spki),
  };
}

export function keyIdOf(spki: Buffer): string {
  return createHash('sha256').update(spki).digest('hex').slice(0, 16);
}

/** Reads a private key as `network keys` prints it; throws with what to do when it is not one. */
export function readSigningKey(text: string, variable: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error(`${variable} is not a private key: set it to what \`network keys\` printed.`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`${variable} is not an Ed25519 key: set it to what \`network keys\` printed.`);
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { id: keyIdOf(spki), privateKey };
}

export interface PublicKey {
  id: string;
  key: KeyObject;
}

/** Reads a public key as `network keys` prints it, or null when it is not an Ed25519 public key. */
export function readPublicKey(text: string): PublicKey | null {
  try {
    const spki = Buffer.from(text, 'base64');
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return { id: keyIdOf(spki), key };
  } catch {
    return null;
  }
}

/** The header value signing `body` with each key. */
export function signatureHeader(body: Buffer, keys: readonly SigningKey[]): string {
  return keys.map((key) => `${key.id}:${sign(null, body, key.privateKey).toString('base64url')}`).join(', ');
}

export type SignatureCheck =
  { ok: true; keyId: string } | { ok: false; reason: 'unsigned' | 'unknown_key' | 'bad_signature' };

/**
 * Whether one signature in the header is by one of `keys` and holds for `body`. A signature by a key
 * the peer does not hold is passed over (the peer may be rotating); one by a held key that fails
 * means the bytes were changed on the way, and refuses the page whatever the other signatures say.
 */
export function checkSignature(
  body: Buffer,
  header: string | null | undefined,
  keys: readonly PublicKey[],
): SignatureCheck {
  const pairs = (header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.includes(':'))
    .map((part) => [part.slice(0, part.indexOf(':')), part.slice(part.indexOf(':') + 1)] as const);
  if (pairs.length === 0) return { ok: false, reason: 'unsigned' };
  let verified: string | null = null;
  for (const [keyId, signature] of pairs) {
    const key = keys.find((k) => k.id === keyId);
    if (!key) continue;
    if (!verify(null, body, key.key, Buffer.from(signature, 'base64url')))
      return { ok: false, reason: 'bad_signature' };
    verified = keyId;
  }
  return verified ? { ok: true, keyId: verified } : { ok: false, reason: 'unknown_key' };
}

/** The keys that sign today: the current one, and the previous one until the last day of the overlap. */
export function signingKeys(
  current: SigningKey,
  previous: SigningKey | null,
  previousUntil: string,
  today: string,
) {
  return previous && previousUntil !== '' && today <= previousUntil ? [current, previous] : [current];
}
