import { REPORT_STATUSES, statusAfter, statusInPlainWords } from './report-status.rules';

describe('anonymous report status', () => {
  it('moves from received to in review when PSD opens it or writes', () => {
    expect(statusAfter('received', 'staff_opened')).toBe('in_review');
    expect(statusAfter('received', 'staff_wrote')).toBe('in_review');
  });

  it('is not moved back by a later read or message', () => {
    expect(statusAfter('case_opened', 'staff_opened')).toBe('case_opened');
    expect(statusAfter('closed', 'staff_wrote')).toBe('closed');
    expect(statusAfter('in_review', 'staff_opened')).toBe('in_review');
  });

  it('is case_opened once a case is made from it', () => {
    for (const status of REPORT_STATUSES) expect(statusAfter(status, 'case_created')).toBe('case_opened');
  });

  it('is case_opened once linked to an existing case, and closed only without one', () => {
    for (const status of REPORT_STATUSES) expect(statusAfter(status, 'case_linked')).toBe('case_opened');
    expect(statusAfter('received', 'closed')).toBe('closed');
    expect(statusAfter('in_review', 'closed')).toBe('closed');
    expect(statusAfter('case_opened', 'closed')).toBe('case_opened');
  });

  it('is told in plain words, with no internal status names', () => {
    for (const status of REPORT_STATUSES) {
      const words = statusInPlainWords(status, null);
      expect(words).toMatch(/^[A-Z][^_]+\.$/);
    }
    expect(statusInPlainWords('received', null)).toBe(
      'We have your report. Nobody in Professional Standards has read it yet.',
    );
  });

  it('says when PSD is waiting for an answer', () => {
    expect(statusInPlainWords('in_review', 'psd')).toContain('They have sent you a message');
    expect(statusInPlainWords('in_review', 'reporter')).not.toContain('message');
  });
});
