import { panelBreaches, panelModel, panelProblems, type PanelSeat } from './panel-composition.rules';
import { rankOf, subjectSeniority } from './rank.rules';

const lpbSeats: PanelSeat[] = [
  { role: 'independent_member' },
  { role: 'lay_member' },
  { role: 'legally_qualified_adviser' },
];
const acc = { rank: 'Assistant Chief Constable', role: 'chief_officer', force: 'kent' };
const constable = { rank: 'PC', role: 'constable', force: 'kent' };

describe('ranks read from free text', () => {
  it('reads abbreviations, words and codes, and tells senior officers apart', () => {
    expect(rankOf('ACC')).toBe('assistant_chief_constable');
    expect(rankOf('Deputy Chief Constable')).toBe('deputy_chief_constable');
    expect(rankOf('chief_superintendent')).toBe('chief_superintendent');
    expect(rankOf('Chief Supt.')).toBe('chief_superintendent');
    expect(rankOf('Captain')).toBeNull();
    expect(subjectSeniority({ rank: 'Chief Superintendent', role: 'superintendent' })).toBe('not_senior');
    expect(subjectSeniority(acc)).toBe('senior_officer');
    expect(subjectSeniority({ rank: 'Commander', role: 'chief_officer' })).toBe('senior_officer');
    expect(subjectSeniority({ rank: 'Chief Constable', role: 'chief_officer' })).toBe('chief_officer_tier');
    expect(subjectSeniority({ rank: 'Assistant Commissioner', role: 'chief_officer' })).toBe(
      'chief_officer_tier',
    );
    expect(subjectSeniority({ rank: 'Deputy Commissioner', role: 'chief_officer' })).toBe(
      'chief_officer_tier',
    );
    expect(subjectSeniority({ rank: null, role: 'chief_officer' })).toBe('senior_officer');
  });
});

describe('senior officers as subject', () => {
  it('chairs a senior officer hearing from 7 May 2024 by a more senior officer from another force', () => {
    const context = { subjects: [acc] };
    const lawful = [{ role: 'chair' as const, rank: 'Deputy Chief Constable', force: 'essex' }, ...lpbSeats];
    expect(panelBreaches('misconduct_hearing', '2024-05-07', lawful, context)).toEqual([]);

    const sameForce = panelBreaches(
      'misconduct_hearing',
      '2024-05-07',
      [{ ...lawful[0], force: 'kent' }, ...lpbSeats],
      context,
    );
    expect(sameForce).toEqual([expect.objectContaining({ rule: 'senior_officer_chair' })]);
    expect(sameForce[0].message).toMatch(/another force/);

    const sameRank = panelBreaches(
      'misconduct_hearing',
      '2024-05-07',
      [{ ...lawful[0], rank: 'ACC' }, ...lpbSeats],
      context,
    );
    expect(sameRank.map((b) => b.rule)).toEqual(['senior_officer_chair']);
    expect(sameRank[0].message).toMatch(/more senior officer/);

    const noForce = panelBreaches(
      'misconduct_hearing',
      '2024-05-07',
      [{ role: 'chair', rank: 'DCC' }, ...lpbSeats],
      context,
    );
    expect(noForce[0].message).toMatch(/record the chair's force/);
  });

  it('leaves the chair to the chief officer or delegate for non-senior subjects and before 7 May 2024', () => {
    expect(
      panelBreaches(
        'misconduct_hearing',
        '2024-05-07',
        [{ role: 'chair', rank: 'Chief Superintendent', force: 'kent' }, ...lpbSeats],
        {
          subjects: [constable],
        },
      ),
    ).toEqual([]);
    // the day before the reforms the legally qualified chair model applies, without the senior rule
    expect(
      panelBreaches(
        'misconduct_hearing',
        '2024-05-06',
        [
          { role: 'legally_qualified_chair' },
          { role: 'independent_member' },
          { role: 'police_member', rank: 'superintendent' },
        ],
        { subjects: [acc] },
      ),
    ).toEqual([]);
  });

  it("has HM Chief Inspector or a nominated HM Inspector chair a chief officer's hearing", () => {
    const context = { subjects: [{ rank: 'Chief Constable', role: 'chief_officer', force: 'kent' }] };
    const refused = panelBreaches(
      'misconduct_hearing',
      '2025-01-10',
      [{ role: 'chair', rank: 'Chief Constable', force: 'essex' }, ...lpbSeats],
      context,
    );
    expect(refused.map((b) => b.rule)).toEqual(['senior_officer_chair_hmic']);
    expect(refused[0].message).toMatch(/HM Chief Inspector of Constabulary/);
    expect(
      panelBreaches(
        'misconduct_hearing',
        '2025-01-10',
        [{ role: 'chair', rank: 'hm_inspector_of_constabulary' }, ...lpbSeats],
        context,
      ),
    ).toEqual([]);
    expect(
      panelBreaches('misconduct_hearing', '2025-01-10', [{ role: 'chair', rank: 'HMCIC' }, ...lpbSeats], {
        subjects: [{ rank: 'Assistant Commissioner', role: 'chief_officer', force: 'metropolitan' }],
      }),
    ).toEqual([]);
  });

  it('holds a senior officer misconduct meeting with a panel of 3', () => {
    expect(panelModel('misconduct_meeting', '2025-01-10', 'senior_officer')).toBe(
      'senior_officer_meeting_panel',
    );
    const context = { subjects: [acc] };
    const one = panelProblems('misconduct_meeting', '2025-01-10', [{ role: 'chair' }], context);
    expect(one).toEqual([expect.stringMatching(/^The panel needs 2 more members: .*panel of 3/)]);
    expect(
      panelProblems(
        'misconduct_meeting',
        '2025-01-10',
        [{ role: 'chair' }, { role: 'independent_member' }, { role: 'lay_member' }],
        context,
      ),
    ).toEqual([]);
    expect(
      panelBreaches(
        'misconduct_meeting',
        '2025-01-10',
        [
          { role: 'chair' },
          { role: 'independent_member' },
          { role: 'lay_member' },
          { role: 'police_member', rank: 'DCC' },
        ],
        context,
      ).map((b) => b.rule),
    ).toEqual(['senior_officer_meeting']);
    // a constable's meeting stays a single person
    expect(
      panelProblems('misconduct_meeting', '2025-01-10', [{ role: 'chair' }, { role: 'lay_member' }], {
        subjects: [constable],
      }),
    ).toEqual([expect.stringMatching(/lay member does not sit/)]);
  });
});

describe('reg 49: the accelerated hearing chair', () => {
  const subjects = [{ rank: 'PC', role: 'constable', force: 'kent' }];

  it('refuses the senior officer who certified the special conditions as chair, by pool member or by account', () => {
    const byMember = panelBreaches(
      'accelerated_hearing',
      '2025-01-10',
      [{ role: 'chair', panelMemberId: 'm1', userId: 'u1' }],
      {
        subjects,
        certifiedBy: { panelMemberId: 'm1' },
      },
    );
    expect(byMember.map((b) => b.rule)).toEqual(['reg_49_certifier_chair']);
    expect(byMember[0].message).toMatch(/reg 49.*another delegate/);
    expect(
      panelBreaches(
        'accelerated_hearing',
        '2025-01-10',
        [{ role: 'chair', panelMemberId: 'm2', userId: 'u1' }],
        {
          subjects,
          certifiedBy: { userId: 'u1' },
        },
      ).map((b) => b.rule),
    ).toEqual(['reg_49_certifier_chair']);
    expect(
      panelBreaches(
        'accelerated_hearing',
        '2025-01-10',
        [{ role: 'chair', panelMemberId: 'm2', userId: 'u2' }],
        {
          subjects,
          certifiedBy: { userId: 'u1', panelMemberId: 'm1' },
        },
      ),
    ).toEqual([]);
  });

  it("needs another force's chief officer or a Met Assistant Commissioner when the chief officer is an interested party", () => {
    const context = { subjects, chiefOfficerInterestedParty: true };
    const chair = (rank: string, force: string | null) =>
      panelBreaches('accelerated_hearing', '2025-01-10', [{ role: 'chair', rank, force }], context).map(
        (b) => b.rule,
      );
    expect(chair('Chief Constable', 'essex')).toEqual([]);
    expect(chair('Assistant Commissioner', 'metropolitan')).toEqual([]);
    expect(chair('Chief Constable', 'kent')).toEqual(['chief_officer_interested_party']);
    expect(chair('Deputy Chief Constable', 'essex')).toEqual(['chief_officer_interested_party']);
    expect(chair('Assistant Commissioner', 'essex')).toEqual(['chief_officer_interested_party']);
    expect(chair('Chief Constable', null)).toEqual(['chief_officer_interested_party']);
  });
});
