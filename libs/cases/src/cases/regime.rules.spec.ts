import { regimeFor } from './regime.rules';

describe('regime', () => {
  it('applies the 2012 Regulations to matters known before 1 February 2020', () => {
    expect(regimeFor('2020-01-31')).toBe('pcr2012');
    expect(regimeFor('2020-02-01')).toBe('pcr2020');
  });
});
