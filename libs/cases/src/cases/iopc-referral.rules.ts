import type { Category, Standard, Target } from '../conduct/exchange-values';

/**
 * The mandatory IOPC referral criteria (docs/domain.md §4.2, §18, blocking checks). Once one is met there is
 * no discretion: the case is referred, and it cannot pass assessment until the decision is recorded.
 */
export const IOPC_CRITERIA = [
  'serious_assault',
  'serious_sexual_offence',
  'serious_corruption',
  /** A criminal offence, or behaviour liable to lead to a disciplinary sanction, aggravated by discrimination. */
  'discrimination_aggravated',
  /** A relevant offence: punishable by 7 years or more. */
  'relevant_offence',
  'death_or_serious_injury',
  /** Conduct in the same incident as any of the above. */
  'same_incident',
] as const;
export type IopcCriterion = (typeof IOPC_CRITERIA)[number];

export interface IopcCriterionMatch {
  criterion: IopcCriterion;
  /** Why it matched, in words a reviewer can check. */
  reason: string;
  /** Declared by the person recording the case, or found in its conduct items or allegations. */
  source: 'declared' | 'conduct_item' | 'allegation';
}

export interface ReferralFacts {
  /** Criteria the person recording the case said are met, with their reason. */
  declared: readonly { criterion: IopcCriterion; reason: string }[];
  conductItems: readonly { categories: readonly Category[]; targets: readonly Target[] }[];
  allegations: readonly { standards: readonly Standard[] }[];
}

/** Behaviour liable to a disciplinary sanction that, aimed at a protected characteristic, is discriminatory. */
const HOSTILE: readonly Category[] = [
  'abusive_or_offensive',
  'violent_or_threatening',
  'mocking_victims_or_public',
  'extremist',
  'sexual',
];

/** Which mandatory criteria the case meets, and why; empty when none. */
export function iopcCriteriaMet(facts: ReferralFacts): IopcCriterionMatch[] {
  const matches: IopcCriterionMatch[] = facts.declared.map((d) => ({
    criterion: d.criterion,
    reason: d.reason,
    source: 'declared',
  }));
  facts.conductItems.forEach((item, i) => {
    const targets = item.targets.length ? ` targeting ${words(item.targets)}` : '';
    if (item.categories.includes('discriminatory')) {
      matches.push({
        criterion: 'discrimination_aggravated',
        reason: `Conduct item ${i + 1} is categorised as discriminatory${targets}.`,
        source: 'conduct_item',
      });
    } else {
      const hostile = item.categories.filter((c) => HOSTILE.includes(c));
      if (hostile.length && item.targets.length) {
        matches.push({
          criterion: 'discrimination_aggravated',
          reason: `Conduct item ${i + 1} is ${words(hostile)}${targets}: behaviour aggravated by discrimination.`,
          source: 'conduct_item',
        });
      }
    }
  });
  facts.allegations.forEach((allegation, i) => {
    if (allegation.standards.includes('equality_and_diversity')) {
      matches.push({
        criterion: 'discrimination_aggravated',
        reason: `Allegation ${i + 1} alleges a breach of the Standard on equality and diversity.`,
        source: 'allegation',
      });
    }
  });
  return matches;
}

function words(values: readonly string[]): string {
  return values.map((v) => v.replace(/_/g, ' ')).join(', ');
}
