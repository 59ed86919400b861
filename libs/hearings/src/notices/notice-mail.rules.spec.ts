import { noticeMails, type NoticeMailFacts } from './notice-mail.rules';

const facts: NoticeMailFacts = {
  kind: 'hearing_date_to_officer',
  caseReference: 'PSD-2026-00001',
  forum: 'misconduct_hearing',
  date: '2027-01-06',
  startsAt: '10:00',
  venue: 'Force HQ, Committee Room 2',
  remoteLink: null,
};

describe('notice emails', () => {
  it('tells the officer and the panel of the hearing date, with the calendar invitation', () => {
    const mails = noticeMails(facts);
    expect(mails.map((m) => [m.recipient, m.withCalendar])).toEqual([
      ['officer', true],
      ['panel_member', true],
    ]);
    expect(mails[0].body).toContain('2027-01-06 at 10:00 at Force HQ, Committee Room 2');
    expect(mails[0].subject).toBe('Case PSD-2026-00001: your misconduct hearing is on 2027-01-06');
  });

  it('carries no field names or codes, only words', () => {
    for (const kind of ['officer_notice', 'hearing_date_to_officer', 'panel_reminder'] as const) {
      for (const mail of noticeMails({ ...facts, kind, responseDueBy: '2026-12-11' })) {
        expect(`${mail.subject} ${mail.body}`).not.toMatch(/[a-z]+_[a-z]+/);
      }
    }
  });

  it('sends nothing for notices nobody receives by email', () => {
    expect(noticeMails({ ...facts, kind: 'public_notice' })).toEqual([]);
    expect(noticeMails({ ...facts, kind: 'chair_report_due' })).toEqual([]);
  });

  it('tells the officer their outcome and the last day to appeal, in words, to them alone', () => {
    const mails = noticeMails({
      ...facts,
      kind: 'outcome_to_officer',
      outcome: {
        finding: 'gross_misconduct',
        outcome: 'final_written_warning',
        appealBy: '2027-01-20',
        appealTo: 'police_appeals_tribunal',
      },
    });
    expect(mails.map((m) => [m.recipient, m.withCalendar])).toEqual([['officer', false]]);
    expect(mails[0].subject).toBe('Case PSD-2026-00001: the outcome of your misconduct hearing');
    expect(mails[0].body).toContain('gross misconduct was proven');
    expect(mails[0].body).toContain('Police Appeals Tribunal');
    expect(mails[0].body).toContain('by 2027-01-20');
    expect(`${mails[0].subject} ${mails[0].body}`).not.toMatch(/[a-z]+_[a-z]+/);
  });

  it('sends no outcome email without the outcome', () => {
    expect(noticeMails({ ...facts, kind: 'outcome_to_officer' })).toEqual([]);
  });
});
