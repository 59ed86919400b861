import { readConductProfile, readPrecedentRecord } from './precedent-record.rules';

const TODAY = '2026-11-25';
const record = () => ({
  formatVersion: 1,
  ref: 'leicestershire:2019-0042',
  force: 'leicestershire',
  decidedOn: '2019-06-12',
  forum: 'misconduct_hearing',
  subject: { role: 'constable', formerOfficer: false, serviceYears: 7 },
  conduct: [
    {
      platform: 'whatsapp',
      audience: 'private_group',
      audienceSize: 12,
      postedOn: '2019-01-03',
      text: 'the words at issue',
      categories: ['discriminatory'],
      targets: ['race'],
      offDuty: true,
      identifiableAsPolice: false,
      participation: 'author',
    },
  ],
  messageCount: 4,
  standards: ['discreditable_conduct', 'equality_and_diversity'],
  finding: 'gross_misconduct',
  outcome: 'dismissal_without_notice',
  culpability: 'high',
  harm: 'high',
  aggravating: ['discriminatory_motive', 'repeated_or_sustained'],
  mitigating: ['early_admission', 'genuine_remorse'],
  regime: 'pcr2012',
  summary: 'anonymised',
});

describe('reading an exchange-format record', () => {
  it('reads the documented example unchanged', () => {
    const reading = readPrecedentRecord(record(), TODAY);
    expect(reading).toEqual({ ok: true, record: record() });
  });

  it('fills the documented defaults (participation author, empty targets and factors)', () => {
    const minimal = record();
    delete (minimal.conduct[0] as Partial<(typeof minimal.conduct)[0]>).participation;
    delete (minimal.conduct[0] as Partial<(typeof minimal.conduct)[0]>).targets;
    delete (minimal as Partial<typeof minimal>).aggravating;
    const reading = readPrecedentRecord(minimal, TODAY);
    expect(reading.ok && reading.record.conduct[0]).toMatchObject({ participation: 'author', targets: [] });
    expect(reading.ok && reading.record.aggravating).toEqual([]);
  });

  it('names each bad field, with the allowed values', () => {
    const bad = { ...record(), force: 'atlantis', colour: 'red' } as Record<string, unknown>;
    (bad.conduct as Record<string, unknown>[])[0].platform = 'myspace';
    const reading = readPrecedentRecord(bad, TODAY);
    expect(reading.ok).toBe(false);
    const fields = !reading.ok ? reading.problems.map((problem) => problem.field) : [];
    expect(fields).toEqual(expect.arrayContaining(['force', 'colour', 'conduct[0].platform']));
    const platform =
      !reading.ok && reading.problems.find((problem) => problem.field === 'conduct[0].platform');
    expect(platform && platform.message).toContain('facebook');
  });

  it('refuses future dates and impossible dates', () => {
    const reading = readPrecedentRecord({ ...record(), decidedOn: '2027-01-01' }, TODAY);
    expect(!reading.ok && reading.problems[0]).toMatchObject({ field: 'decidedOn' });
    expect(readPrecedentRecord({ ...record(), decidedOn: '2019-02-30' }, TODAY).ok).toBe(false);
  });

  it('refuses an outcome that did not exist under the regime, taken from decidedOn when absent', () => {
    const noRegime = { ...record(), outcome: 'reduction_in_rank' } as Record<string, unknown>;
    delete noRegime.regime;
    const reading = readPrecedentRecord(noRegime, TODAY);
    expect(!reading.ok && reading.problems[0].message).toContain('did not exist under pcr2012');
    expect(readPrecedentRecord({ ...noRegime, decidedOn: '2021-03-01' }, TODAY).ok).toBe(true);
  });

  it('refuses dismissal at a meeting and any sanction on a not proven finding', () => {
    expect(readPrecedentRecord({ ...record(), forum: 'misconduct_meeting' }, TODAY).ok).toBe(false);
    expect(readPrecedentRecord({ ...record(), finding: 'not_proven' }, TODAY).ok).toBe(false);
    expect(
      readPrecedentRecord({ ...record(), finding: 'not_proven', outcome: 'no_further_action' }, TODAY).ok,
    ).toBe(true);
  });

  it('reads a profile without outcome, force or ref', () => {
    const { subject, conduct, standards } = record();
    expect(readConductProfile({ subject, conduct, standards }, TODAY).ok).toBe(true);
    expect(readConductProfile({ subject, conduct, standards, outcome: 'x' }, TODAY).ok).toBe(false);
  });
});

describe('the stages extension', () => {
  it('reads what each stage recommended, refusing unknown stages, outcomes and repeats', () => {
    const withStages = {
      ...record(),
      stages: [
        { stage: 'investigator', outcome: 'final_written_warning' },
        { stage: 'panel', outcome: 'dismissal_without_notice' },
      ],
    };
    const reading = readPrecedentRecord(withStages, TODAY);
    expect(reading.ok && reading.record.stages).toEqual(withStages.stages);
    const bad = readPrecedentRecord(
      {
        ...record(),
        stages: [
          { stage: 'jury', outcome: 'x' },
          { stage: 'panel', outcome: 'written_warning' },
          { stage: 'panel', outcome: 'written_warning' },
        ],
      },
      TODAY,
    );
    expect(!bad.ok && bad.problems.map((problem) => problem.field)).toEqual([
      'stages[0].stage',
      'stages[0].outcome',
      'stages[2].stage',
    ]);
  });
});
