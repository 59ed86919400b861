/**
 * Receipt codes: the reporter's only credential. 20 random decimal digits (log2(10^20) ≈ 66.4 bits),
 * shown in five groups of four so they can be kept like a phone number (GlobaLeaks does the same).
 * The code itself is never stored: only a keyed lookup digest and a slow verifier of its digits.
 */
export const RECEIPT_DIGITS = 20;

export const RECEIPT_ENTROPY_BITS = RECEIPT_DIGITS * Math.log2(10);

/** A new code's digits, each drawn by `randomDigit` (uniform over 0–9; node:crypto's randomInt in use). */
export function newReceiptDigits(randomDigit: () => number): string {
  let digits = '';
  for (let i = 0; i < RECEIPT_DIGITS; i++) {
    const digit = randomDigit();
    if (!Number.isInteger(digit) || digit < 0 || digit > 9) throw new RangeError(`not a digit: ${digit}`);
    digits += String(digit);
  }
  return digits;
}

/** `12345678901234567890` → `1234 5678 9012 3456 7890`. */
export function formatReceipt(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * The digits of a code as a person may type it back: spaces, hyphens and dots between digits are
 * ignored. Anything else (letters, a digit too few or too many) is not a code: null.
 */
export function normaliseReceipt(input: string): string | null {
  if (input.length > 64) return null;
  const digits = input.replace(/[\s.-]/g, '');
  return new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(digits) ? digits : null;
}
