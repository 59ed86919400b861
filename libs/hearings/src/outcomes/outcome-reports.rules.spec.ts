import { outcomesByYear } from './outcome-reports.rules';

describe('outcomes by year', () => {
  it('gives a row a year from the first to the last, every outcome in each, zero where none', () => {
    const years = outcomesByYear([
      { year: '2023', outcome: 'written_warning', subjects: 2 },
      { year: '2025', outcome: 'dismissal_without_notice', subjects: 1 },
      { year: '2025', outcome: 'written_warning', subjects: 3 },
    ]);
    expect(years.map((y) => [y.year, y.total])).toEqual([
      ['2023', 2],
      ['2024', 0],
      ['2025', 4],
    ]);
    expect(years[2].counts.written_warning).toBe(3);
    expect(years[2].counts.dismissal_without_notice).toBe(1);
    expect(years[1].counts.no_further_action).toBe(0);
    expect(Object.keys(years[0].counts)).toHaveLength(9);
  });

  it('is empty with no outcomes, and ignores an outcome off the scale', () => {
    expect(outcomesByYear([])).toEqual([]);
    expect(outcomesByYear([{ year: '2025', outcome: 'caution', subjects: 1 }])[0].total).toBe(0);
  });
});
