import type { PrecedentRecord } from '@precedent/exchange';

/**
 * A precedent as a comparables query asks about it: its conduct and the facts found about it, without
 * what identifies or decided the case (ref, force, date, forum, finding, outcome, rules, summary,
 * stages), which a query never states.
 */
export function conductProfile(record: PrecedentRecord) {
  const {
    ref,
    force,
    decidedOn,
    forum,
    formatVersion,
    outcome,
    finding,
    regime,
    summary,
    stages,
    ...profile
  } = record;
  void [force, decidedOn, forum, formatVersion, outcome, finding, regime, summary, stages];
  return { ref, profile };
}
