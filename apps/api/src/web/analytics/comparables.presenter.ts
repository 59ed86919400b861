import type { ComparablesAnswer, SimilarityModelUsed, SimilarityParts } from '@precedent/analytics';
import { FORCES, OUTCOME_STEPS, OUTCOMES, STEP_LABELS, type Outcome } from '@precedent/exchange';
import { OUTCOME_LABELS } from '@precedent/hearings';
import { barChart } from '../charts/svg-charts';

const FORCE_NAMES = new Map(FORCES.map((force) => [force.code, force.name]));
/** Each part of the similarity in words. */
const PART_WORDS: Record<keyof SimilarityParts, string> = {
  text: 'wording',
  categories: 'kind of comment',
  targets: 'who it was about',
  audience: 'who could see it',
  platform: 'platform',
  factors: 'aggravating and mitigating factors',
  role: "officer's part and rank",
  volume: 'number of messages and people reached',
};

export interface WhyComparable {
  shared: string[];
  differs: string[];
}

/**
 * Why a precedent is comparable, as two short lists: what is the same, and what differs (and
 * whether only partly). When the query had no text, wording is neither shared nor a difference.
 */
export function whyComparableList(parts: Partial<SimilarityParts>, hasText: boolean): WhyComparable {
  const shared: string[] = [];
  const differs: string[] = [];
  for (const [part, value] of Object.entries(parts) as [keyof SimilarityParts, number][]) {
    if (part === 'text' && !hasText) continue;
    if (part === 'text') {
      if (value > 0) shared.push(value >= 0.995 ? 'the same wording' : 'much of the wording');
      else differs.push('different wording');
      continue;
    }
    if (value >= 0.995) shared.push(`the same ${PART_WORDS[part]}`);
    else if (value >= 0.5) differs.push(`a partly different ${PART_WORDS[part]}`);
    else differs.push(`a different ${PART_WORDS[part]}`);
  }
  return { shared, differs };
}

/** The same in one sentence, for pages with little room: "Shares the same kind of comment…; differs in …". */
export function whyComparable(parts: Partial<SimilarityParts>, hasText: boolean): string {
  const { shared, differs } = whyComparableList(parts, hasText);
  const sentences = [
    shared.length ? `Shares ${joinWords(shared)}.` : '',
    differs.length ? `Has ${joinWords(differs)}.` : '',
  ];
  return sentences.filter(Boolean).join(' ');
}

/** English ordinal suffixes by plural category (Intl knows 11th, 12th, 13th and 92nd). */
const ORDINAL_SUFFIXES: Record<Intl.LDMLPluralRule, string> = {
  zero: 'th',
  one: 'st',
  two: 'nd',
  few: 'rd',
  many: 'th',
  other: 'th',
};
const ordinalRules = new Intl.PluralRules('en-GB', { type: 'ordinal' });

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 92nd. */
export function ordinal(n: number): string {
  const rounded = Math.round(n);
  return `${rounded}${ORDINAL_SUFFIXES[ordinalRules.select(rounded)]}`;
}

/**
 * A step of the band in the outcome names the comparables actually received at that step (so the
 * band says "dismissal without notice" where the table does), or the step's name when none did.
 */
export function stepInOutcomes(step: number, outcomes: readonly Outcome[]): string {
  const at = OUTCOMES.filter((outcome) => outcomes.includes(outcome) && stepOf(outcome) === step);
  if (at.length === 0) return STEP_LABELS[step] ?? `step ${step}`;
  return joinWords(
    at.map((outcome) => OUTCOME_LABELS[outcome]),
    'or',
  );
}

export function presentComparables(answer: ComparablesAnswer, hasText: boolean) {
  const received = answer.items.map((item) => item.outcome);
  // Ordered by severity, as the outcome scale is, not by share.
  const distribution = [...(answer.distribution ?? [])].sort(
    (a, b) => OUTCOMES.indexOf(a.outcome) - OUTCOMES.indexOf(b.outcome),
  );
  const countOf = (outcome: Outcome) =>
    answer.items.filter((item) => item.outcome === outcome && item.similarity >= 0.6).length;
  const proposedOutcome = answer.proposed
    ? OUTCOMES.find((outcome) => stepOf(outcome) === answer.proposed!.step)
    : undefined;
  return {
    comparables: answer.comparables,
    model: similarityModelSentence(answer.similarityModel),
    items: answer.items.map((item) => {
      const why = whyComparableList(item.parts, hasText);
      return {
        ...item,
        forceName: FORCE_NAMES.get(item.force) ?? item.force,
        year: item.decidedOn.slice(0, 4),
        forumText: sentenceCase(item.forum.replace(/_/g, ' ')),
        findingText: item.finding.replace(/_/g, ' '),
        outcomeLabel: OUTCOME_LABELS[item.outcome],
        percent: Math.round(item.similarity * 100),
        why: whyComparable(item.parts, hasText),
        shared: why.shared,
        differs: why.differs,
      };
    }),
    withheld: answer.withheld,
    distribution: distribution.map((entry) => ({
      ...entry,
      label: OUTCOME_LABELS[entry.outcome],
      percent: Math.round(entry.weight * 100),
      cases: countOf(entry.outcome),
    })),
    chart:
      distribution.length > 0
        ? barChart(
            distribution.map((entry) => ({
              label: OUTCOME_LABELS[entry.outcome],
              value: entry.weight,
              highlight: answer.proposed !== undefined && stepOf(entry.outcome) === answer.proposed.step,
            })),
            {
              title: `Outcomes of the ${answer.comparables} comparable precedents, weighted by similarity, least to most severe`,
              max: Math.max(...distribution.map((entry) => entry.weight)),
              format: (value) => `${Math.round(value * 100)}%`,
            },
          )
        : null,
    band: answer.band
      ? {
          low: stepInOutcomes(answer.band.lowStep, received),
          high: stepInOutcomes(answer.band.highStep, received),
          median: stepInOutcomes(answer.medianStep ?? 0, received),
        }
      : null,
    proposed: answer.proposed
      ? {
          ...answer.proposed,
          ordinal: ordinal(answer.proposed.percentile),
          legend: proposedOutcome
            ? `The bar for ${stepInOutcomes(answer.proposed.step, received)} is drawn in orange: that is where the proposed outcome falls.`
            : null,
        }
      : undefined,
  };
}

/** Which model counted how alike the cases are, in a sentence for the page. */
export function similarityModelSentence(used: SimilarityModelUsed): string {
  if (used.kind === 'learned')
    return `How alike cases are was counted with the similarity learned from the precedents in the store (data version ${used.dataVersion}, learned ${used.learnedAt.slice(0, 10)}), over the parts of the conduct described here.`;
  return `How alike cases are was counted with the fixed weights, over the parts of the conduct described here: ${used.reason}.`;
}

function stepOf(outcome: Outcome): number {
  return OUTCOME_STEPS[outcome];
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function joinWords(items: string[], last = 'and'): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}
