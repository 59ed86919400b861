import {
  checkSignature,
  generateKeyPair,
  readPublicKey,
  readSigningKey,
  signatureHeader,
  signingKeys,
} from './page-signature.rules';

describe('feed page signatures', () => {
  const a = generateKeyPair();
  const b = generateKeyPair();
  const signerA = readSigningKey(a.privateKey, 'NETWORK_SIGNING_KEY');
  const signerB = readSigningKey(b.privateKey, 'NETWORK_PREVIOUS_SIGNING_KEY');
  const publicA = readPublicKey(a.publicKey)!;
  const publicB = readPublicKey(b.publicKey)!;
  const body = Buffer.from('{"formatVersion":1,"force":"kent","records":[]}');

  it('names a key by its public key, the same from either half', () => {
    expect(signerA.id).toBe(a.id);
    expect(publicA.id).toBe(a.id);
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.id).not.toBe(b.id);
  });

  it('accepts the exact bytes signed by a key the peer holds', () => {
    expect(checkSignature(body, signatureHeader(body, [signerA]), [publicA])).toEqual({
      ok: true,
      keyId: a.id,
    });
  });

  it('refuses a changed byte, a missing header and a key the peer does not hold', () => {
    const header = signatureHeader(body, [signerA]);
    const changed = Buffer.from(body.toString().replace('kent', 'kenT'));
    expect(checkSignature(changed, header, [publicA])).toEqual({ ok: false, reason: 'bad_signature' });
    expect(checkSignature(body, null, [publicA])).toEqual({ ok: false, reason: 'unsigned' });
    expect(checkSignature(body, header, [publicB])).toEqual({ ok: false, reason: 'unknown_key' });
    // a signature claiming a held key's id but made with another key
    const forged = signatureHeader(body, [{ id: a.id, privateKey: signerB.privateKey }]);
    expect(checkSignature(body, forged, [publicA])).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('during a rotation signs with both keys, so peers holding either verify', () => {
    const keys = signingKeys(signerA, signerB, '2027-01-31', '2027-01-31');
    expect(keys.map((k) => k.id)).toEqual([a.id, b.id]);
    const header = signatureHeader(body, keys);
    expect(checkSignature(body, header, [publicB])).toEqual({ ok: true, keyId: b.id });
    expect(checkSignature(body, header, [publicA, publicB]).ok).toBe(true);
    // after the overlap's last day only the new key signs
    expect(signingKeys(signerA, signerB, '2027-01-31', '2027-02-01').map((k) => k.id)).toEqual([a.id]);
    expect(signingKeys(signerA, null, '', '2027-02-01')).toHaveLength(1);
  });

  it('says what to do with a value that is not a key', () => {
    expect(() =>
      readSigningKey('bm90IGEga2V5IGF0IGFsbCwganVzdCB0ZXh0IGluIGJhc2U2NA==', 'NETWORK_SIGNING_KEY'),
    ).toThrow(/NETWORK_SIGNING_KEY is not a private key: set it to what `network keys` printed/);
    expect(readPublicKey('not a key')).toBeNull();
  });
});
