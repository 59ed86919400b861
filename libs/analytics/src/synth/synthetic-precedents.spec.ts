import { OUTCOME_STEPS, readPrecedentRecord } from '@precedent/exchange';
import { syntheticPrecedents } from './synthetic-precedents';

describe('synthetic national data', () => {
  const cases = [...syntheticPrecedents({ cases: 3000, seed: 'spec' })];

  it('writes only valid exchange-format records', () => {
    const invalid = cases
      .map(({ record }) => readPrecedentRecord(JSON.parse(JSON.stringify(record)), '2026-11-25'))
      .filter((reading) => !reading.ok);
    expect(invalid.slice(0, 3)).toEqual([]);
  });

  it('is repeatable for a seed and different for another', () => {
    const again = [...syntheticPrecedents({ cases: 50, seed: 'spec' })];
    expect(again.map((item) => item.record)).toEqual(cases.slice(0, 50).map((item) => item.record));
    const other = [...syntheticPrecedents({ cases: 50, seed: 'other' })];
    expect(other[0].record.conduct[0].text).not.toEqual(cases[0].record.conduct[0].text);
  });

  it('uses the whole outcome scale, and a biased force decides more harshly', () => {
    const steps = new Set(cases.map(({ record }) => OUTCOME_STEPS[record.outcome]));
    expect([...steps].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const biased = [...syntheticPrecedents({ cases: 3000, seed: 'spec', biases: { kent: 1 } })];
    const mean = (list: typeof cases) => {
      const kent = list.filter(({ record }) => record.force === 'kent');
      return kent.reduce((sum, { record }) => sum + OUTCOME_STEPS[record.outcome], 0) / kent.length;
    };
    expect(mean(biased) - mean(cases)).toBeGreaterThan(0.5);
  });
});
