import { WorkingDayCalendar } from '@precedent/platform';
import { DEFAULT_TIME_LIMITS } from '../scheduling/time-limit.rules';
import {
  isShowing,
  publicationProblems,
  publicationWindow,
  withheldItems,
  type PublicationChoice,
} from './publication.rules';

const calendar = new WorkingDayCalendar();
const facts = {
  officerName: 'PC Jordan Fictional',
  staffNumber: '4821',
  caseReference: 'PSD-2026-00017',
  reporterName: 'Casey Example',
  reporterContact: 'casey.example@force.example',
};
const notice: PublicationChoice = {
  stage: 'notice',
  publish: true,
  showOfficerName: true,
  showRank: true,
  conduct: 'Posted a derogatory comment about a group in a messaging group of officers.',
};

describe('what a chair may publish', () => {
  it('takes a notice that names the officer and carries nothing private', () => {
    expect(publicationProblems(notice, facts)).toEqual([]);
    expect(withheldItems(notice)).toEqual([]);
  });

  it('asks for reasons when anything is withheld, or nothing published', () => {
    const hidden = { ...notice, showOfficerName: false };
    expect(withheldItems(hidden)).toEqual(['officer_name']);
    expect(publicationProblems(hidden, facts)).toEqual([
      { field: 'reasons', message: 'Give the reasons for withholding what is not published' },
    ]);
    expect(publicationProblems({ ...notice, publish: false }, facts)).toEqual([
      { field: 'reasons', message: 'Give the reasons for publishing nothing' },
    ]);
    expect(withheldItems({ ...notice, showRank: false, withheldOther: 'the venue' })).toEqual([
      'officer_rank',
      'other',
    ]);
  });

  it('refuses public wording that carries the staff number, the reference or the reporter', () => {
    const leaky = {
      ...notice,
      conduct: 'Officer 4821 (psd-2026-00017) was reported by Casey Example, casey.example@force.example.',
    };
    expect(publicationProblems(leaky, facts).map((p) => p.message)).toEqual([
      "Remove the officer's staff number from the conduct alleged: it is not published",
      'Remove the case reference from the conduct alleged: it is not published',
      "Remove the reporter's name from the conduct alleged: it is not published",
      "Remove the reporter's contact details from the conduct alleged: it is not published",
    ]);
    // a number inside a longer one is not the staff number
    expect(publicationProblems({ ...notice, conduct: 'Shared 48210 times.' }, facts)).toEqual([]);
  });

  it("refuses the officer's name in the wording only when the name is withheld", () => {
    const named = { ...notice, conduct: 'PC Jordan Fictional posted a comment.' };
    expect(publicationProblems(named, facts)).toEqual([]);
    expect(
      publicationProblems({ ...named, showOfficerName: false, reasons: 'Risk of harm.' }, facts),
    ).toEqual([
      {
        field: 'conduct',
        message: "Remove the withheld officer's name from the conduct alleged: it is not published",
      },
    ]);
  });

  it("refuses the withheld officer's surname or first name alone, but not rank words", () => {
    const withheld = { ...notice, showOfficerName: false, reasons: 'Risk of harm.' };
    expect(publicationProblems({ ...withheld, conduct: 'Fictional posted a comment.' }, facts)).toHaveLength(
      1,
    );
    expect(publicationProblems({ ...withheld, conduct: 'Jordan posted a comment.' }, facts)).toHaveLength(1);
    expect(publicationProblems({ ...withheld, conduct: 'A PC posted a comment.' }, facts)).toEqual([]);
  });

  it('needs the conduct, and for an outcome report its summary', () => {
    expect(
      publicationProblems({ ...notice, stage: 'outcome', conduct: ' ', outcomeSummary: '' }, facts),
    ).toEqual([
      { field: 'conduct', message: 'Enter the conduct alleged as the public will read it' },
      { field: 'outcomeSummary', message: 'Enter the summary of the outcome as the public will read it' },
    ]);
  });
});

describe('when an entry is on the public site', () => {
  it('shows a notice until the working day after the hearing', () => {
    // hearing on Thu 24 Dec 2026: the next working day is Tue 29 Dec
    expect(publicationWindow('notice', '2026-12-10', '2026-12-24', calendar)).toEqual({
      publishFrom: '2026-12-10',
      removeOn: '2026-12-29',
    });
  });

  it('keeps an outcome report up for not less than 28 days, or the configured period', () => {
    expect(publicationWindow('outcome', '2027-01-05', '2027-01-04', calendar)).toEqual({
      publishFrom: '2027-01-05',
      removeOn: '2027-02-02',
    });
    const longer = publicationWindow('outcome', '2027-01-05', '2027-01-04', calendar, {
      ...DEFAULT_TIME_LIMITS,
      outcomePublicationDays: 35,
    });
    expect(longer.removeOn).toBe('2027-02-09');
  });

  it('shows an entry from its first day to the day before removal, unless withdrawn', () => {
    const entry = { publishFrom: '2027-01-05', removeOn: '2027-02-02', withdrawnAt: null };
    expect(isShowing(entry, '2027-01-04')).toBe(false);
    expect(isShowing(entry, '2027-01-05')).toBe(true);
    expect(isShowing(entry, '2027-02-01')).toBe(true);
    expect(isShowing(entry, '2027-02-02')).toBe(false);
    expect(isShowing({ ...entry, withdrawnAt: new Date() }, '2027-01-10')).toBe(false);
  });
});
