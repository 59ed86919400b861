import type { DisparityReport } from '@precedent/analytics';

/** What each similarity part is, in words a senior officer reads on the reports page. */
const PART_WORDS: Record<string, string> = {
  text: 'the wording',
  categories: 'what kind of content it was',
  targets: 'who it was aimed at',
  audience: 'who could see it, and whether the author was identifiable as police',
  platform: 'the platform',
  factors: 'the aggravating and mitigating factors, culpability and harm',
  role: 'the part the officer played, and their rank',
  volume: 'how many messages, and how many people they reached',
};

const SHARE_WORDS: Record<string, string> = {
  which: 'which factors were found',
  count: 'how many of each kind',
  balance: 'aggravating against mitigating',
  culpability: 'culpability',
  harm: 'harm',
};

export interface SimilarityInWords {
  sentence: string;
  rows: { part: string; percent: number }[];
  factorRows: { part: string; percent: number }[];
}

/**
 * How comparability was counted for these figures: learned from the store, or the fixed weights,
 * and why; each part's share as a whole percentage, largest first.
 */
export function similarityInWords(similarity: DisparityReport['similarity']): SimilarityInWords {
  const percent = (value: number) => Math.round(value * 100);
  const rows = (weights: Record<string, number>, words: Record<string, string>) =>
    Object.entries(weights)
      .map(([part, weight]) => ({ part: words[part] ?? part, percent: percent(weight) }))
      .filter((row) => row.percent > 0)
      .sort((a, b) => b.percent - a.percent);
  if (!similarity) {
    return {
      sentence:
        'These figures were computed before similarity was learned from the data: fixed weights were used.',
      rows: [],
      factorRows: [],
    };
  }
  const { model } = similarity;
  const sentence = similarity.learned
    ? `How alike two cases are was learned from the ${similarity.precedents.toLocaleString('en-GB')} precedents in the store, so that comparable cases agree best on outcome once each force's own severity is taken out. On ${similarity.check.queries} precedents it was not fitted on, comparables' outcomes were on average ${similarity.check.withLearned.toFixed(2)} steps away, against ${similarity.check.withDefault.toFixed(2)} with the fixed weights.`
    : `How alike two cases are is counted with fixed weights: ${similarity.reason ?? 'no learned weights were kept'}.`;
  return {
    sentence,
    rows: rows({ ...model.weights }, PART_WORDS),
    factorRows: rows({ ...model.factorShares }, SHARE_WORDS),
  };
}
