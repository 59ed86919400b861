import { stageDrift } from './stage-drift.rules';

describe('stage drift', () => {
  it('measures how far the final outcome moved from each stage, nationally and per force', () => {
    const drift = stageDrift([
      { force: 'kent', stage: 'investigator', outcome: 'written_warning', finalStep: 6, n: 2 },
      { force: 'kent', stage: 'investigator', outcome: 'dismissal_without_notice', finalStep: 6, n: 2 },
      { force: 'essex', stage: 'investigator', outcome: 'final_written_warning', finalStep: 3, n: 4 },
      { force: 'essex', stage: 'panel', outcome: 'written_warning', finalStep: 3, n: 4 },
    ]);
    expect(drift).toEqual([
      { stage: 'investigator', force: null, n: 8, meanDifference: 0.25, changed: 0.75 },
      { stage: 'investigator', force: 'essex', n: 4, meanDifference: -1, changed: 1 },
      { stage: 'investigator', force: 'kent', n: 4, meanDifference: 1.5, changed: 0.5 },
      { stage: 'panel', force: null, n: 4, meanDifference: 0, changed: 0 },
      { stage: 'panel', force: 'essex', n: 4, meanDifference: 0, changed: 0 },
    ]);
  });
});
