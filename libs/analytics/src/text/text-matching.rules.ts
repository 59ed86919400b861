/**
 * Text matching that survives how abusive comments are written to dodge filters: case, accents,
 * repeated letters, digits and symbols for letters, separators inside words, asterisks, emoji.
 *
 * Normalisation keeps letters only (a–z), so "N.i.g-g3r", "niiigger" and "n i g g e r" meet,
 * and keeps, for every letter, the offset of the character it came from, so a match can be shown
 * as a span of the original text.
 */

/** Digits, symbols and look-alike letters commonly written for Latin letters ("leet", homoglyphs). */
const LOOKALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '€': 'e',
  '£': 'l',
  // Cyrillic and Greek letters that look Latin, used to slip past filters.
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ѕ: 's',
  ο: 'o',
  α: 'a',
  ν: 'v',
};

/** Punctuation that stands for a letter only inside a word ("sh!t"), not at its end ("stop!"). */
const INNER_LOOKALIKES: Record<string, string> = { '!': 'i', '|': 'i' };

function innerLetterOf(text: string, index: number): string | undefined {
  const next = text[index + 1];
  return next !== undefined && letterOf(next) !== undefined ? INNER_LOOKALIKES[text[index]] : undefined;
}

export interface NormalisedText {
  /** Letters a–z only, runs of one letter collapsed to one. */
  letters: string;
  /** For each letter, the UTF-16 offset of the source character in the original text. */
  offsets: number[];
}

export function normaliseText(text: string): NormalisedText {
  let letters = '';
  const offsets: number[] = [];
  let previous = '';
  for (let index = 0; index < text.length; index++) {
    const letter = letterOf(text[index]) ?? innerLetterOf(text, index);
    // Separators, asterisks and emoji vanish; a repeated letter counts once ("soooo" = "so").
    if (letter === undefined || letter === previous) continue;
    letters += letter;
    offsets.push(index);
    previous = letter;
  }
  return { letters, offsets };
}

/**
 * The normalised letters as codes 0–25, without offsets: the same letters as normaliseText, made
 * without a string per character, because every imported precedent is fingerprinted. They are
 * written to the start of `letterScratch`; returns how many there are.
 */
function letterCodes(text: string): number {
  // One scratch array reused by every call (callers read it before the next): an import made and
  // dropped one per record, a visible share of its garbage collection.
  if (letterScratch.length < text.length)
    letterScratch = new Uint8Array(Math.max(text.length, 2 * letterScratch.length));
  const codes = letterScratch;
  let length = 0;
  let previous = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let letter: number;
    if (code >= 97 && code <= 122) letter = code - 97;
    else if (code >= 65 && code <= 90) letter = code - 65;
    else {
      const mapped = letterOf(text[index]) ?? innerLetterOf(text, index);
      if (mapped === undefined) continue;
      letter = mapped.charCodeAt(0) - 97;
    }
    if (letter === previous) continue;
    codes[length++] = letter;
    previous = letter;
  }
  return length;
}
let letterScratch = new Uint8Array(4096);

function letterOf(char: string): string | undefined {
  const code = char.charCodeAt(0);
  // Plain ASCII letters are nearly all of the text: answer them without Unicode normalisation.
  if (code >= 97 && code <= 122) return char;
  if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
  const lookalike = LOOKALIKES[char];
  if (lookalike) return lookalike;
  if (code < 128) return undefined;
  // NFKD splits accented letters (é → e + ◌́) and full-width or styled letters into plain ones.
  const base = char.normalize('NFKD').charAt(0).toLowerCase();
  return base >= 'a' && base <= 'z' ? base : undefined;
}

/** Words of 3 letters, overlapping: near-identical comments share most of them. */
export const SHINGLE = 3;
export const FINGERPRINT_BITS = 128;
export const FINGERPRINT_WORDS = FINGERPRINT_BITS / 32;
/** Bit planes per counter: enough to count the shingles of any realistic text (up to a million). */
const COUNTER_PLANES = 20;

/**
 * A 128-bit SimHash of the normalised text's letter trigrams: the Hamming distance between two
 * fingerprints estimates the angle between the texts' trigram vectors, so near-duplicates are
 * a few bits apart and unrelated texts about half the bits. Null when there is no text to compare.
 */
export function textFingerprint(text: string | null | undefined): Int32Array | null {
  if (!text) return null;
  const count = letterCodes(text);
  if (count < SHINGLE) return null;
  const letters = letterScratch;
  const hashes = trigramHashes();
  // Each bit's count of set hashes is kept bit-sliced: plane p holds bit p of all 32 counters of a
  // word, so adding a hash is a ripple carry of a few operations instead of 32 additions.
  const planes = planeScratch.fill(0);
  const shingles = count - SHINGLE + 1;
  for (let start = 0; start < shingles; start++) {
    const shingle = letters[start] * 676 + letters[start + 1] * 26 + letters[start + 2];
    for (let word = 0; word < FINGERPRINT_WORDS; word++) {
      let carry = hashes[shingle * FINGERPRINT_WORDS + word];
      for (let plane = word * COUNTER_PLANES; carry !== 0; plane++) {
        const next = planes[plane] & carry;
        planes[plane] ^= carry;
        carry = next;
      }
    }
  }
  // A bit of the fingerprint is set when more than half the shingles' hashes set it.
  const fingerprint = new Int32Array(FINGERPRINT_WORDS);
  // Only the planes a count of this many shingles can reach hold any bits.
  const used = 32 - Math.clz32(shingles);
  for (let word = 0; word < FINGERPRINT_WORDS; word++) {
    for (let bit = 0; bit < 32; bit++) {
      let ones = 0;
      for (let plane = 0; plane < used; plane++)
        ones |= ((planes[word * COUNTER_PLANES + plane] >>> bit) & 1) << plane;
      if (2 * ones > shingles) fingerprint[word] |= 1 << bit;
    }
  }
  return fingerprint;
}

/** The counters' bit planes, reused by every call (emptied at its start). */
const planeScratch = new Int32Array(FINGERPRINT_WORDS * COUNTER_PLANES);

let trigramHashTable: Int32Array | undefined;

/** The 128-bit hash of each of the 26³ letter trigrams, made once. */
function trigramHashes(): Int32Array {
  if (!trigramHashTable) {
    trigramHashTable = new Int32Array(26 * 26 * 26 * FINGERPRINT_WORDS);
    for (let trigram = 0; trigram < 26 * 26 * 26; trigram++) {
      for (let word = 0; word < FINGERPRINT_WORDS; word++) {
        trigramHashTable[trigram * FINGERPRINT_WORDS + word] = mix32(trigram, word);
      }
    }
  }
  return trigramHashTable;
}

/** A well-mixed 32-bit hash of an integer with a seed (the murmur3 finaliser). */
function mix32(value: number, seed: number): number {
  let hash = Math.imul(value ^ Math.imul(seed + 1, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export function popcount32(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function hammingDistance(
  a: ArrayLike<number>,
  aAt: number,
  b: ArrayLike<number>,
  bAt: number,
): number {
  let distance = 0;
  for (let word = 0; word < FINGERPRINT_WORDS; word++) distance += popcount32(a[aAt + word] ^ b[bAt + word]);
  return distance;
}

/**
 * Wording counts as shared below this Hamming distance (an angle of about 34°): beyond it, two
 * comments say different things in different words, and the categories and targets compare them.
 */
export const SHARED_WORDING_DISTANCE = 24;
const FLOOR = Math.cos((Math.PI * SHARED_WORDING_DISTANCE) / FINGERPRINT_BITS);

/** Text similarity in [0, 1] from the fingerprints' Hamming distance: 1 identical, 0 not shared. */
export function textSimilarityFromDistance(distance: number): number {
  if (distance >= SHARED_WORDING_DISTANCE) return 0;
  return (Math.cos((Math.PI * distance) / FINGERPRINT_BITS) - FLOOR) / (1 - FLOOR);
}
