import { ReportCipher } from './report-cipher';

describe('ReportCipher', () => {
  const secret = 'a-test-secret-that-is-long-enough-for-the-cipher-01';
  const cipher = new ReportCipher(secret);

  it('opens what it sealed, and the sealed bytes do not contain the text', () => {
    const sealed = cipher.seal('Racist memes in the response team group', 'report:1');
    expect(sealed.toString('latin1')).not.toContain('Racist');
    expect(cipher.open(sealed, 'report:1')).toBe('Racist memes in the response team group');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.seal('same', 'report:1').equals(cipher.seal('same', 'report:1'))).toBe(false);
  });

  it('refuses a value moved to another context', () => {
    const sealed = cipher.seal('text', 'report:1');
    expect(() => cipher.open(sealed, 'report:2')).toThrow();
  });

  it('refuses a tampered value', () => {
    const sealed = cipher.seal('text', 'report:1');
    sealed[sealed.length - 1] ^= 1;
    expect(() => cipher.open(sealed, 'report:1')).toThrow();
  });

  it('reads values sealed with a previous key and knows they need re-sealing', () => {
    const old = new ReportCipher('the-previous-secret-that-is-also-long-enough-0001');
    const sealed = old.seal('kept across a rotation', 'message:7');
    const rotated = new ReportCipher(secret, ['the-previous-secret-that-is-also-long-enough-0001']);
    expect(rotated.open(sealed, 'message:7')).toBe('kept across a rotation');
    expect(rotated.isCurrent(sealed)).toBe(false);
    expect(rotated.isCurrent(rotated.seal('x', 'message:7'))).toBe(true);
    expect(() => cipher.open(sealed, 'message:7')).toThrow(/not configured/);
  });

  it('seals bytes as they are', () => {
    const bytes = Buffer.from([0, 255, 1, 254, 0x89, 0x50, 0x4e, 0x47]);
    const sealed = cipher.sealBytes(bytes, 'report-attachment:1:2');
    expect(cipher.openBytes(sealed, 'report-attachment:1:2').equals(bytes)).toBe(true);
    expect(() => cipher.openBytes(sealed, 'report-attachment:1:3')).toThrow();
  });
});
