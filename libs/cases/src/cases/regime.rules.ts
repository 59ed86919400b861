// The Conduct Regulations that apply are decided by when the matter came to the appropriate
// authority's attention (docs/domain.md §1, §18); the rule is the exchange format's, shared system-wide.
export { regimeFor, PCR2020_FROM, type Regime } from '@precedent/exchange';
