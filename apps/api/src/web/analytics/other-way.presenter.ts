import type { OtherWayAnswer } from '@precedent/analytics';
import { FORCES, STEP_LABELS } from '@precedent/exchange';
import { OUTCOME_LABELS } from '@precedent/hearings';
import { whyComparable } from './comparables.presenter';

const FORCE_NAMES = new Map(FORCES.map((force) => [force.code, force.name]));

/** "The closest precedents that went the other way", for the case and hearing pages' partial. */
export function presentOtherWay(answer: OtherWayAnswer | null) {
  if (!answer) return { intro: null, items: [] };
  const usual = STEP_LABELS[answer.referenceStep];
  return {
    intro:
      answer.items.length === 0
        ? `No alike precedent received an outcome two or more steps from ${usual}.`
        : answer.basis === 'comparables'
          ? `Most comparable cases received about ${usual}. These alike cases received an outcome two or more steps away from that.`
          : `These alike cases received an outcome two or more steps from ${usual}.`,
    items: answer.items.map((item) => ({
      heading: `${FORCE_NAMES.get(item.force) ?? item.force}, ${item.decidedOn.slice(0, 4)}: ${OUTCOME_LABELS[item.outcome]}`,
      direction: item.step > answer.referenceStep ? 'harsher' : 'lighter',
      alike: `${Math.round(item.similarity * 100)}% alike. ${whyComparable(item.parts, true)}`,
      said: item.said ?? 'The record does not say what was said.',
      rules: `Decided under the ${item.rules}.`,
    })),
  };
}
