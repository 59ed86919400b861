/** The Conduct Regulations that apply: decided by when the matter came to the appropriate authority's attention (domain.md §1, §18). */
export type Regime = 'pcr2012' | 'pcr2020';

export const PCR2020_FROM = '2020-02-01';

export function regimeFor(cameToAttentionOn: string): Regime {
  return cameToAttentionOn < PCR2020_FROM ? 'pcr2012' : 'pcr2020';
}
