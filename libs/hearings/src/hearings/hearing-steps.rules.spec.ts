import {
  breachesWhileFilling,
  durationOf,
  forumLabel,
  stepRefusal,
  type HearingState,
} from './hearing-steps.rules';

const hearing = (over: Partial<HearingState> = {}): HearingState => ({
  forum: 'misconduct_hearing',
  status: 'awaiting_date',
  scheduledOn: null,
  chairDate: null,
  preHearingChairDate: null,
  ...over,
});

describe('which arrangement step a hearing allows', () => {
  it('proposes and fixes a date until it is fixed or concluded', () => {
    expect(stepRefusal('propose_date', hearing())).toBeNull();
    expect(stepRefusal('propose_date', hearing({ status: 'date_proposed' }))).toBeNull();
    expect(stepRefusal('propose_date', hearing({ status: 'fixed' }))).toMatch(/adjourn/);
    expect(stepRefusal('fix_date', hearing({ status: 'date_proposed' }))).toBeNull();
    expect(stepRefusal('fix_date', hearing({ status: 'concluded' }))).toBe('The date is already concluded.');
  });

  it('adjourns only a hearing with a proposed or fixed date', () => {
    expect(stepRefusal('adjourn', hearing())).toMatch(/proposed or fixed/);
    expect(stepRefusal('adjourn', hearing({ status: 'fixed' }))).toBeNull();
  });

  it('seats a member once there is a date, and not after the hearing', () => {
    expect(stepRefusal('seat_member', hearing())).toMatch(/Propose a date first/);
    expect(stepRefusal('seat_member', hearing({ scheduledOn: '2027-01-06' }))).toBeNull();
    expect(stepRefusal('seat_member', hearing({ scheduledOn: '2027-01-06', status: 'concluded' }))).toBe(
      'The hearing has concluded.',
    );
  });

  it("takes the officer's reg 34 alternative only for a meeting with the chair's date", () => {
    expect(stepRefusal('officer_alternative', hearing({ status: 'fixed', chairDate: '2027-01-06' }))).toMatch(
      /misconduct meeting/,
    );
    const meeting = hearing({ forum: 'misconduct_meeting', status: 'date_proposed' });
    expect(stepRefusal('officer_alternative', meeting)).toMatch(/propose one first/);
    expect(stepRefusal('officer_alternative', { ...meeting, chairDate: '2027-01-06' })).toBeNull();
  });

  it('holds a pre-hearing only for a misconduct hearing, and its alternative after the chair set one', () => {
    expect(stepRefusal('set_pre_hearing', hearing())).toBeNull();
    expect(stepRefusal('set_pre_hearing', hearing({ forum: 'misconduct_meeting' }))).toMatch(/only/);
    expect(stepRefusal('set_pre_hearing', hearing({ status: 'concluded' }))).toMatch(/concluded/);
    expect(stepRefusal('pre_hearing_alternative', hearing())).toMatch(/not set a pre-hearing/);
    expect(stepRefusal('pre_hearing_alternative', hearing({ preHearingChairDate: '2027-01-06' }))).toBeNull();
  });

  it('certifies special conditions only for an accelerated hearing not yet concluded', () => {
    expect(stepRefusal('special_conditions', hearing())).toMatch(/accelerated/);
    expect(stepRefusal('special_conditions', hearing({ forum: 'accelerated_hearing' }))).toBeNull();
    expect(
      stepRefusal('special_conditions', hearing({ forum: 'accelerated_hearing', status: 'concluded' })),
    ).toMatch(/concluded/);
  });

  it('gives a calendar file only for a proposed or fixed date', () => {
    expect(stepRefusal('calendar', hearing())).toMatch(/no date yet/);
    expect(stepRefusal('calendar', hearing({ status: 'fixed', scheduledOn: '2027-01-06' }))).toBeNull();
    expect(stepRefusal('calendar', hearing({ status: 'concluded', scheduledOn: '2027-01-06' }))).toMatch(
      /no date yet/,
    );
  });
});

describe('panel breaches while the panel is being filled', () => {
  it('lets an incomplete panel through and refuses the rest', () => {
    const breaches = [
      { rule: 'panel_model', message: 'The panel needs a legally qualified chair.' },
      { rule: 'senior_officer_chair', message: 'The chair must be senior to the officer.' },
    ];
    expect(breachesWhileFilling(breaches)).toEqual([breaches[1]]);
  });
});

describe('hearing words and lengths', () => {
  it('labels a forum as a sentence starts it', () => {
    expect(forumLabel('accelerated_hearing')).toBe('Accelerated hearing');
  });

  it("uses the hearing's own length, or the forum's default", () => {
    expect(durationOf({ forum: 'misconduct_hearing', durationMinutes: 90 })).toBe(90);
    expect(durationOf({ forum: 'misconduct_hearing', durationMinutes: null })).toBeGreaterThan(0);
  });
});
