import type { InconsistenciesReport, InconsistentPair, PairPrecedent } from '@precedent/analytics';
import { OUTCOME_LABELS } from '@precedent/hearings';

/** Each similarity part in words, for "what is alike". */
const PART_WORDS: Record<string, string> = {
  text: 'the wording',
  categories: 'what kind of comment it was',
  targets: 'who it was about',
  audience: 'who could see it',
  platform: 'the platform',
  factors: 'the aggravating and mitigating factors',
  role: "the subject's part and rank",
  volume: 'how many messages and people',
};

export interface PresentedPair {
  title: string;
  alike: string;
  a: PresentedSide;
  b: PresentedSide;
  differences: string[];
  explained: boolean;
  ours: boolean;
}

interface PresentedSide {
  heading: string;
  outcome: string;
  details: string;
  said: string;
}

/**
 * The consistency page's pairs: the home force's first (in their national order), then the rest;
 * optionally only pairs where both were decided under today's rules.
 */
export function presentPairs(
  report: InconsistenciesReport,
  options: { homeForce: string | null; todaysRulesFrom?: string },
): PresentedPair[] {
  const kept = options.todaysRulesFrom
    ? report.pairs.filter(
        (pair) =>
          pair.a.decidedOn >= options.todaysRulesFrom! && pair.b.decidedOn >= options.todaysRulesFrom!,
      )
    : report.pairs;
  const ours = (pair: InconsistentPair) =>
    options.homeForce !== null && (pair.a.force === options.homeForce || pair.b.force === options.homeForce);
  const ordered = [...kept.filter(ours), ...kept.filter((pair) => !ours(pair))];
  return ordered.map((pair) => ({
    title: `${Math.round(pair.similarity * 100)}% alike, outcomes ${pair.stepGap} steps apart`,
    alike: alikeSentence(pair),
    a: side(pair.a),
    b: side(pair.b),
    differences:
      pair.differences.length === 0
        ? ['Nothing recorded differs in their factors, part, reach, volume, rank or the rules in force.']
        : pair.differences.map((difference) => difference.text),
    explained: pair.explained,
    ours: ours(pair),
  }));
}

/** What the two share in full, as a sentence. */
export function alikeSentence(pair: Pick<InconsistentPair, 'parts'>): string {
  const same = Object.entries(pair.parts)
    .filter(([, value]) => value >= 0.995)
    .map(([part]) => PART_WORDS[part] ?? part);
  return same.length === 0 ? 'No part is the same in full.' : `The same ${joinWords(same)}.`;
}

function side(precedent: PairPrecedent): PresentedSide {
  return {
    heading: `${precedent.forceName}, ${precedent.decidedOn.slice(0, 4)}`,
    outcome: OUTCOME_LABELS[precedent.outcome],
    details: `${sentenceCase(words(precedent.forum))}, ${words(precedent.finding)} found; decided under the ${precedent.rules}.`,
    said: precedent.said ?? 'The record does not say what was said.',
  };
}

/** One row a pair, for the CSV download. */
export function pairsCsvRows(pairs: InconsistentPair[]): (string | number)[][] {
  return [
    [
      'similarity',
      'steps_apart',
      'lighter_force',
      'lighter_ref',
      'lighter_decided_on',
      'lighter_outcome',
      'harsher_force',
      'harsher_ref',
      'harsher_decided_on',
      'harsher_outcome',
      'differences',
      'a_difference_may_explain_it',
    ],
    ...pairs.map((pair) => [
      pair.similarity,
      pair.stepGap,
      pair.a.forceName,
      pair.a.ref,
      pair.a.decidedOn,
      OUTCOME_LABELS[pair.a.outcome],
      pair.b.forceName,
      pair.b.ref,
      pair.b.decidedOn,
      OUTCOME_LABELS[pair.b.outcome],
      pair.differences.map((difference) => difference.text).join(' '),
      pair.explained ? 'yes' : 'no',
    ]),
  ];
}

function words(code: string): string {
  return code.replace(/_/g, ' ');
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function joinWords(items: string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
