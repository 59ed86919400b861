import { DEFAULT_WARNING_PERIODS, isWarningLive, warningExpiry } from './warning-period.rules';

describe('warning live periods', () => {
  it('keeps a 2020 written warning live for 18 months from notification', () => {
    expect(warningExpiry({ outcome: 'written_warning', regime: 'pcr2020', notifiedOn: '2025-03-10' })).toBe(
      '2026-09-09',
    );
  });

  it('keeps a 2020 final written warning for 2 years, or the extended period when the panel sets it', () => {
    expect(
      warningExpiry({ outcome: 'final_written_warning', regime: 'pcr2020', notifiedOn: '2024-02-29' }),
    ).toBe('2026-02-27');
    expect(
      warningExpiry({
        outcome: 'final_written_warning',
        regime: 'pcr2020',
        notifiedOn: '2025-01-15',
        extended: true,
      }),
    ).toBe('2030-01-14');
  });

  it('uses the 2012 periods for cases under that regime', () => {
    expect(
      warningExpiry({ outcome: 'final_written_warning', regime: 'pcr2012', notifiedOn: '2019-06-12' }),
    ).toBe('2020-12-11');
  });

  it('does not count a career break', () => {
    expect(
      warningExpiry({
        outcome: 'written_warning',
        regime: 'pcr2020',
        notifiedOn: '2025-03-10',
        careerBreakDays: 30,
      }),
    ).toBe('2026-10-09');
  });

  it('has no expiry for outcomes that are not warnings', () => {
    expect(
      warningExpiry({ outcome: 'dismissal_without_notice', regime: 'pcr2020', notifiedOn: '2025-03-10' }),
    ).toBeNull();
  });

  it('honours configured periods', () => {
    const periods = { ...DEFAULT_WARNING_PERIODS, writtenWarningMonths: { pcr2020: 12, pcr2012: 12 } };
    expect(
      warningExpiry({ outcome: 'written_warning', regime: 'pcr2020', notifiedOn: '2025-03-10' }, periods),
    ).toBe('2026-03-09');
  });

  it('says whether a warning is live on a day', () => {
    expect(isWarningLive('2026-09-09', '2026-09-09')).toBe(true);
    expect(isWarningLive('2026-09-09', '2026-09-10')).toBe(false);
    expect(isWarningLive(null, '2026-09-10')).toBe(false);
  });
});
