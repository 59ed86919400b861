import {
  AGGRAVATING_FACTORS,
  AUDIENCES,
  CONDUCT_MITIGATING_FACTORS,
  MITIGATING_FACTORS,
  PARTICIPATION,
  SUBJECT_ROLES,
} from '@precedent/exchange';
import { MITIGATING_SHIFT, type ConductFeatures } from '../comparables/conduct-features';
import { eraWords, reformsBetween } from '../reforms/regime.rules';

/**
 * Pairs of like cases with unlike outcomes. Two precedents form a pair when they are at least
 * MIN_PAIR_SIMILARITY alike and their outcomes are at least MIN_STEP_GAP steps apart. A pair ranks
 * by how alike the two are and how far apart their outcomes went; each recorded difference that
 * points the way the outcomes went (the harsher outcome had an aggravating factor the other did
 * not, was the author rather than a sharer, reached more people, …) may explain the gap, and
 * halves the pair's rank, so gaps nothing explains come first.
 */
export const MIN_PAIR_SIMILARITY = 0.8;
export const MIN_STEP_GAP = 2;
export const EXPLAINED_DISCOUNT = 0.5;

export type DifferenceKind =
  | 'aggravating'
  | 'mitigating'
  | 'participation'
  | 'reach'
  | 'volume'
  | 'rank'
  | 'culpability'
  | 'harm'
  | 'regime';

/** One way two precedents differ, each side in words, and whether it points the way the outcomes went. */
export interface PairDifference {
  kind: DifferenceKind;
  a: string;
  b: string;
  /** True when the side with the harsher outcome is the one this difference makes more serious. */
  explains: boolean;
}

/** The facts of one side the differences are read from: its features, step and era of rules. */
export interface PairSideFacts {
  features: ConductFeatures;
  step: number;
  era: number;
}

const RANK_ORDER = [0, 1, 2, 3, 4, 5, 0, -1, -1];
const LEVEL_WORDS = ['not recorded', 'low', 'medium', 'high'];
const MESSAGE_WORDS = [
  '1',
  '2 to 3',
  '4 to 7',
  '8 to 15',
  '16 to 31',
  '32 to 63',
  '64 to 127',
  '128 or more',
];
const SIZE_WORDS = [
  'fewer than 4',
  '4 to 15',
  '16 to 63',
  '64 to 255',
  '256 to 1,023',
  '1,024 to 4,095',
  '4,096 to 16,383',
  '16,384 or more',
];

/**
 * What differs between two precedents among the facts that may lawfully explain an outcome:
 * factors, the subject's part, reach, volume, rank, culpability, harm and the rules in force.
 * Never force, year as such, or anything about the officer as a person.
 */
export function pairDifferences(a: PairSideFacts, b: PairSideFacts): PairDifference[] {
  const differences: PairDifference[] = [];
  // +1 when a's outcome was the harsher, -1 when b's.
  const harsher = Math.sign(a.step - b.step);
  const fa = a.features;
  const fb = b.features;
  /** A difference explains the gap when the harsher side is the more serious on it. */
  const push = (kind: DifferenceKind, wordsA: string, wordsB: string, aMoreSerious: number) =>
    differences.push({
      kind,
      a: wordsA,
      b: wordsB,
      explains: aMoreSerious !== 0 && aMoreSerious === harsher,
    });

  const aggravatingA = fa.factorMask & ((1 << MITIGATING_SHIFT) - 1);
  const aggravatingB = fb.factorMask & ((1 << MITIGATING_SHIFT) - 1);
  if (aggravatingA !== aggravatingB) {
    const onlyA = countBits(aggravatingA & ~aggravatingB);
    const onlyB = countBits(aggravatingB & ~aggravatingA);
    push(
      'aggravating',
      factorWords(aggravatingA, AGGRAVATING_FACTORS, 0),
      factorWords(aggravatingB, AGGRAVATING_FACTORS, 0),
      Math.sign(onlyA - onlyB),
    );
  }
  // Personal mitigation carries limited weight, so only conduct mitigation may explain a gap;
  // both kinds are shown.
  const mitigatingA = fa.factorMask >>> MITIGATING_SHIFT;
  const mitigatingB = fb.factorMask >>> MITIGATING_SHIFT;
  if (mitigatingA !== mitigatingB) {
    const conduct = (1 << CONDUCT_MITIGATING_FACTORS.length) - 1;
    const onlyA = countBits(mitigatingA & ~mitigatingB & conduct);
    const onlyB = countBits(mitigatingB & ~mitigatingA & conduct);
    push(
      'mitigating',
      factorWords(mitigatingA, MITIGATING_FACTORS, 0),
      factorWords(mitigatingB, MITIGATING_FACTORS, 0),
      Math.sign(onlyB - onlyA),
    );
  }
  if (fa.participation !== fb.participation) {
    // Writing is more serious than sharing, sharing than reacting, reacting than staying silent.
    push(
      'participation',
      words(PARTICIPATION[fa.participation]),
      words(PARTICIPATION[fb.participation]),
      Math.sign(fb.participation - fa.participation),
    );
  }
  if (fa.audienceRank !== fb.audienceRank || fa.identifiable !== fb.identifiable) {
    const wider = Math.sign(fb.audienceRank - fa.audienceRank);
    const identifiable = Number(fa.identifiable) - Number(fb.identifiable);
    push('reach', reachWords(fa), reachWords(fb), wider !== 0 ? wider : Math.sign(identifiable));
  }
  const messagesApart = fa.messageBucket - fb.messageBucket;
  const sizeApart = fa.sizeBucket >= 0 && fb.sizeBucket >= 0 ? fa.sizeBucket - fb.sizeBucket : 0;
  if (Math.abs(messagesApart) >= 1 || Math.abs(sizeApart) >= 1) {
    push('volume', volumeWords(fa), volumeWords(fb), Math.sign(messagesApart + sizeApart));
  }
  if (fa.role !== fb.role || fa.formerOfficer !== fb.formerOfficer) {
    // Seniority aggravates: a higher officer rank is the more serious side; staff sit apart.
    const rankA = RANK_ORDER[fa.role] ?? -1;
    const rankB = RANK_ORDER[fb.role] ?? -1;
    push('rank', roleWords(fa), roleWords(fb), rankA >= 0 && rankB >= 0 ? Math.sign(rankA - rankB) : 0);
  }
  if (fa.culpability !== fb.culpability && fa.culpability > 0 && fb.culpability > 0) {
    push(
      'culpability',
      LEVEL_WORDS[fa.culpability],
      LEVEL_WORDS[fb.culpability],
      Math.sign(fa.culpability - fb.culpability),
    );
  }
  if (fa.harm !== fb.harm && fa.harm > 0 && fb.harm > 0) {
    push('harm', LEVEL_WORDS[fa.harm], LEVEL_WORDS[fb.harm], Math.sign(fa.harm - fb.harm));
  }
  if (a.era !== b.era) {
    // The presumption of dismissal (era 3 on) may explain a harsher outcome decided under it.
    const presumption = Number(a.era >= 3) - Number(b.era >= 3);
    push('regime', eraWords(a.era), eraWords(b.era), presumption);
  }
  return differences;
}

/**
 * How far a pair ranks: alike and far apart first. Shared wording (the same meme forwarded, the
 * same words) is the strongest sign that two cases are about the same conduct, so a pair without
 * it ranks at most 3/4 of one with it; each difference that may explain the gap halves the rank.
 */
export function inconsistencyScore(
  similarity: number,
  stepGap: number,
  differences: PairDifference[],
  sharedWording = 0,
): number {
  const closeness = Math.max(0, (similarity - MIN_PAIR_SIMILARITY) / (1 - MIN_PAIR_SIMILARITY));
  const explaining = differences.filter((difference) => difference.explains).length;
  return (
    stepGap *
    (0.25 + 0.75 * closeness * closeness) *
    (0.75 + 0.25 * sharedWording) *
    EXPLAINED_DISCOUNT ** explaining
  );
}

/** A difference as a sentence an analyst reads, for a pair whose side a had the lighter outcome. */
export function differenceSentence(difference: PairDifference): string {
  const label: Record<DifferenceKind, string> = {
    aggravating: 'Aggravating factors',
    mitigating: 'Mitigating factors',
    participation: "The subject's part",
    reach: 'Reach',
    volume: 'Volume',
    rank: 'Rank',
    culpability: 'Culpability',
    harm: 'Harm',
    regime: 'Rules in force',
  };
  const explains = difference.explains ? ' This may explain the gap.' : '';
  // Pairs are read lighter outcome first (the service orders them so).
  return `${label[difference.kind]}: ${difference.a} where the outcome was lighter; ${difference.b} where it was harsher.${explains}`;
}

/** The reforms between the two decisions, for a regime difference read in full. */
export function reformsBetweenSides(a: PairSideFacts, b: PairSideFacts): string[] {
  return reformsBetween(a.era, b.era);
}

function factorWords(mask: number, codes: readonly string[], shift: number): string {
  const named: string[] = [];
  for (let bit = 0; bit < codes.length; bit++) if (mask & (1 << (bit + shift))) named.push(words(codes[bit]));
  return named.length === 0 ? 'none' : named.join(', ');
}

function reachWords(features: ConductFeatures): string {
  const reach = words(AUDIENCES[features.audienceRank]);
  return features.identifiable ? `${reach}, identifiable as police` : reach;
}

function volumeWords(features: ConductFeatures): string {
  const messages = `${MESSAGE_WORDS[features.messageBucket]} message${features.messageBucket === 0 ? '' : 's'}`;
  return features.sizeBucket >= 0
    ? `${messages} seen by ${SIZE_WORDS[features.sizeBucket]} people`
    : messages;
}

function roleWords(features: ConductFeatures): string {
  const role = words(SUBJECT_ROLES[features.role] ?? 'unknown role');
  return features.formerOfficer ? `${role} (former officer)` : role;
}

function words(code: string): string {
  return code.replace(/_/g, ' ');
}

function countBits(value: number): number {
  let count = 0;
  for (let bits = value >>> 0; bits; bits &= bits - 1) count++;
  return count;
}
