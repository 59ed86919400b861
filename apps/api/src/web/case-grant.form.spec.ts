import { grantFormErrors, revokeFormErrors } from './case-grant.form';

describe('the grant form', () => {
  it('reads who, why and the last day from the GOV.UK date input', () => {
    expect(
      grantFormErrors({
        userId: 'u1',
        reason: 'Legal adviser for the hearing.',
        'until-day': '1',
        'until-month': '3',
        'until-year': '2027',
      }),
    ).toEqual({
      value: { userId: 'u1', reason: 'Legal adviser for the hearing.', until: '2027-03-01' },
      errors: [],
    });
  });

  it('says in plain words what is missing, never a field name', () => {
    const { errors } = grantFormErrors({ 'until-day': '31', 'until-month': '2', 'until-year': '2027' });
    expect(errors.map((e) => e.text)).toEqual([
      'Choose who may open the case',
      'Say why they need the case',
      'Enter the last day of access as a real date, for example 31 3 2027',
    ]);
  });

  it('asks why a grant is revoked', () => {
    expect(revokeFormErrors({ reason: ' ' }, 'g1').errors).toEqual([
      { text: 'Say why the access ends', href: '#revoke-g1' },
    ]);
    expect(revokeFormErrors({ reason: 'Review finished.' }, 'g1').errors).toEqual([]);
  });
});
