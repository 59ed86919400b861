import { panelModel, panelProblems, sitsInPublic } from './panel-composition.rules';

describe('panel composition', () => {
  it('switches hearing panels to a chief-officer chair from 7 May 2024', () => {
    expect(panelModel('misconduct_hearing', '2024-05-06')).toBe('legally_qualified_chair');
    expect(panelModel('misconduct_hearing', '2024-05-07')).toBe('chief_officer_chair');
    expect(panelModel('misconduct_meeting', '2025-01-01')).toBe('single_person');
  });

  it('accepts a lawful 2025 hearing panel', () => {
    expect(
      panelProblems('misconduct_hearing', '2025-06-02', [
        { role: 'chair' },
        { role: 'independent_member' },
        { role: 'lay_member' },
        { role: 'legally_qualified_adviser' },
      ]),
    ).toEqual([]);
  });

  it('names every missing or misplaced seat', () => {
    const problems = panelProblems('misconduct_hearing', '2025-06-02', [
      { role: 'legally_qualified_chair' },
      { role: 'independent_member' },
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        'The panel needs the chief officer or a delegate as chair.',
        'The panel needs a lay member appointed by the local policing body.',
        'The panel needs a legally qualified person as adviser.',
        expect.stringMatching(/^A legally qualified chair does not sit on this panel/),
      ]),
    );
  });

  it('requires a superintendent or above as police member before 2024', () => {
    const seats = [{ role: 'legally_qualified_chair' as const }, { role: 'independent_member' as const }];
    expect(
      panelProblems('misconduct_hearing', '2023-03-01', [
        ...seats,
        { role: 'police_member', rank: 'inspector' },
      ]),
    ).toEqual(['The police member must be of superintendent rank or above.']);
    expect(
      panelProblems('misconduct_hearing', '2023-03-01', [
        ...seats,
        { role: 'police_member', rank: 'superintendent' },
      ]),
    ).toEqual([]);
  });

  it('holds meetings in private and hearings in public', () => {
    expect(sitsInPublic('misconduct_meeting')).toBe(false);
    expect(sitsInPublic('misconduct_hearing')).toBe(true);
  });
});
