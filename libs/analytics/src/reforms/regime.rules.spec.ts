import {
  eraOn,
  eraWords,
  reformMarkerForYear,
  reformsBetween,
  regimeOn,
  todaysRulesFrom,
} from './regime.rules';

describe('reforms on charts over time', () => {
  it('marks the years in which a reform took effect, with the day, and no other year', () => {
    expect(reformMarkerForYear('2020')).toBe('from 1 February: 2020 Regulations');
    expect(reformMarkerForYear('2025')).toBe('from 28 May: presumed dismissal');
    expect(reformMarkerForYear('2026')).toBe('from 30 June: criminal-law force test');
    expect(reformMarkerForYear('2021')).toBeUndefined();
  });
});

describe('the rules a precedent was decided under', () => {
  it('changes on the day each reform applies, not the day before', () => {
    expect(regimeOn('2020-01-31')).toEqual({
      era: 0,
      regulations: 'pcr2012',
      hearingChair: 'legally_qualified_chair',
      presumptionOfDismissal: false,
      criminalUseOfForceTest: false,
    });
    expect(regimeOn('2020-02-01').regulations).toBe('pcr2020');
    expect(regimeOn('2024-05-06').hearingChair).toBe('legally_qualified_chair');
    expect(regimeOn('2024-05-07').hearingChair).toBe('chief_officer');
    expect(regimeOn('2025-05-27').presumptionOfDismissal).toBe(false);
    expect(regimeOn('2025-05-28').presumptionOfDismissal).toBe(true);
    expect(regimeOn('2026-06-29').criminalUseOfForceTest).toBe(false);
    expect(regimeOn('2026-06-30')).toMatchObject({ era: 4, criminalUseOfForceTest: true });
  });

  it("dates today's rules from the latest reform in force", () => {
    expect(todaysRulesFrom('2025-12-01')).toBe('2025-05-28');
    expect(todaysRulesFrom('2026-07-01')).toBe('2026-06-30');
    expect(todaysRulesFrom('2019-01-01')).toBe('1970-01-01');
  });

  it('says in words what changed between two decisions', () => {
    expect(reformsBetween(eraOn('2023-01-01'), eraOn('2025-06-01'))).toEqual([
      'hearings were chaired by the chief officer instead of a legally qualified chair',
      'dismissal became presumed after a proven finding of gross misconduct',
    ]);
    expect(reformsBetween(2, 2)).toEqual([]);
    expect(eraWords(3)).toBe('2020 Regulations, chief-officer chair, presumption of dismissal');
  });
});
