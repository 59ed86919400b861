import {
  formatReceipt,
  newReceiptDigits,
  normaliseReceipt,
  RECEIPT_DIGITS,
  RECEIPT_ENTROPY_BITS,
} from './receipt-code.rules';

describe('receipt codes', () => {
  it('carry at least 64 bits of entropy', () => {
    expect(RECEIPT_DIGITS).toBe(20);
    expect(RECEIPT_ENTROPY_BITS).toBeGreaterThanOrEqual(64);
  });

  it('are made of one random digit per position', () => {
    const sequence = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4];
    let i = 0;
    expect(newReceiptDigits(() => sequence[i++])).toBe('31415926535897932384');
  });

  it('refuse a source that is not a digit', () => {
    expect(() => newReceiptDigits(() => 10)).toThrow(RangeError);
    expect(() => newReceiptDigits(() => 0.5)).toThrow(RangeError);
  });

  it('are shown in five groups of four', () => {
    expect(formatReceipt('12345678901234567890')).toBe('1234 5678 9012 3456 7890');
  });

  it('are read back however the person spaced them', () => {
    for (const typed of [
      '1234 5678 9012 3456 7890',
      '12345678901234567890',
      '1234-5678-9012-3456-7890',
      ' 1234.5678.9012.3456.7890\n',
    ]) {
      expect(normaliseReceipt(typed)).toBe('12345678901234567890');
    }
  });

  it('are not codes with a digit too few or too many, or with letters', () => {
    for (const typed of [
      '1234 5678 9012 3456 789',
      '1234 5678 9012 3456 78901',
      '1234 5678 9012 3456 789O',
      '',
      '1'.repeat(20) + ' '.repeat(60),
    ]) {
      expect(normaliseReceipt(typed)).toBeNull();
    }
  });
});
