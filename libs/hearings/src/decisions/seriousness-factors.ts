// Factor codes and levels are the exchange format's (docs/domain.md §19), shared system-wide.
export {
  AGGRAVATING_FACTORS,
  CONDUCT_MITIGATING_FACTORS,
  PERSONAL_MITIGATING_FACTORS,
  MITIGATING_FACTORS,
  LEVELS,
  type AggravatingFactor,
  type MitigatingFactor,
  type Level,
} from '@precedent/exchange';

/** The three purposes of a sanction (Home Office Guidance 2020 para 4.26). */
export const SANCTION_PURPOSES = ['public_confidence', 'high_standards', 'protect_public'] as const;
export type SanctionPurpose = (typeof SANCTION_PURPOSES)[number];
