import { readPrecedentRecord, type ConductProfile } from '@precedent/exchange';
import { overallFinding, precedentRecord, precedentRef, redact } from './precedent.rules';

const profile: ConductProfile = {
  subject: { role: 'constable', formerOfficer: false },
  conduct: [
    {
      platform: 'whatsapp',
      audience: 'private_group',
      audienceSize: 12,
      text: 'Jordan Fictional (4821) wrote the words at issue',
      categories: ['discriminatory'],
      targets: ['race'],
      participation: 'author',
    },
  ],
  messageCount: 1,
  standards: ['equality_and_diversity'],
  aggravating: [],
  mitigating: [],
};

describe('the precedent of a decided outcome', () => {
  it('is a valid exchange record with no name or number of a person, and carries the stages', () => {
    const record = precedentRecord({
      force: 'leicestershire',
      ref: precedentRef('leicestershire', '6f1c0d9e-2b7a-4c55-9a61-3d0e8f4b2c17'),
      decidedOn: '2026-11-20',
      forum: 'misconduct_hearing',
      regime: 'pcr2020',
      finding: 'gross_misconduct',
      outcome: 'final_written_warning',
      profile,
      culpability: 'high',
      harm: 'medium',
      aggravating: ['discriminatory_motive'],
      mitigating: ['good_record'],
      stages: [
        { stage: 'investigator', outcome: 'dismissal_without_notice' },
        { stage: 'panel', outcome: 'final_written_warning' },
      ],
      identifiers: ['PC Jordan Fictional', '4821'],
    });
    expect(record.ref).toBe('leicestershire:6f1c0d9e-2b7a-4c55-9a61-3d0e8f4b2c17');
    expect(JSON.stringify(record)).not.toMatch(/Jordan|Fictional|4821/);
    expect(record.conduct[0].text).toBe('[redacted] [redacted] ([redacted]) wrote the words at issue');
    const read = readPrecedentRecord(JSON.parse(JSON.stringify(record)), '2026-11-25');
    expect(read.ok).toBe(true);
    expect(record.stages).toHaveLength(2);
  });

  it('redacts whole words only, ignoring case', () => {
    expect(redact('Lee and Leeds and LEE', ['Lee Sample'])).toBe('[redacted] and Leeds and [redacted]');
  });

  it("takes a subject's most serious finding as the overall one", () => {
    expect(overallFinding(['not_proven', 'misconduct', 'gross_misconduct'])).toBe('gross_misconduct');
    expect(overallFinding(['not_proven'])).toBe('not_proven');
  });
});
