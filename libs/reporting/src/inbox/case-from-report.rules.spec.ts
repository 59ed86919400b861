import { CASE_SUMMARY_MAX, caseSummaryFromReport } from './case-from-report.rules';

const content = {
  summary: 'Racist memes in the team WhatsApp group',
  details: 'A sergeant posted three images on 18 November.',
  platform: 'whatsapp' as const,
  seenAt: '2026-11-18',
  links: ['https://chat.example/1', 'https://chat.example/2'],
};

describe('a case summary made from an anonymous report', () => {
  it('carries the summary, what was seen, where, when and the links', () => {
    expect(caseSummaryFromReport(content)).toBe(
      [
        'Racist memes in the team WhatsApp group',
        '',
        'What the reporter saw: A sergeant posted three images on 18 November.',
        'Platform: Whatsapp. Seen on 2026-11-18.',
        'Links given: https://chat.example/1 https://chat.example/2',
        '(From an anonymous report.)',
      ].join('\n'),
    );
  });

  it("puts PSD's own summary first and leaves out what was not given", () => {
    const text = caseSummaryFromReport({ ...content, platform: null, seenAt: null, links: [] }, ' Memes ');
    expect(text).toBe(
      'Memes\n\nWhat the reporter saw: A sergeant posted three images on 18 November.\n(From an anonymous report.)',
    );
  });

  it('cuts a long report at the case limit and says so', () => {
    const text = caseSummaryFromReport({ ...content, details: 'x'.repeat(5000) });
    expect(text).toHaveLength(CASE_SUMMARY_MAX);
    expect(text).toMatch(/the whole report is in the anonymous inbox\)$/);
  });
});
