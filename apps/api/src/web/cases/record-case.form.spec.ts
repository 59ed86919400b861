import { dayMonthYear } from '../case-forms';
import { isoDate } from './date-input';
import { recordCaseErrors, recordCaseView } from './record-case.form';

describe('the record-a-case form', () => {
  it('reads the date as day, month and year, and says what is wrong with it in words', () => {
    expect(isoDate({ day: '3', month: '12', year: '2026' }, 'the date received')).toEqual({
      iso: '2026-12-03',
    });
    expect(isoDate({ day: '', month: '', year: '' }, 'the date received')).toEqual({ missing: true });
    expect(isoDate({ day: '31', month: '2', year: '2026' }, 'the date received')).toEqual({
      problem: 'The date received must be a real date, like 3 12 2026',
    });
    expect(isoDate({ day: '3', month: '', year: '' }, 'the date received')).toEqual({
      problem: 'The date received must include a month and year',
    });
    expect(
      dayMonthYear(
        { 'serviceStart-day': '1', 'serviceStart-month': '9', 'serviceStart-year': '2015' },
        'serviceStart',
      ),
    ).toBe('2015-09-01');
    expect(dayMonthYear({}, 'serviceStart')).toBeUndefined();
  });

  it('names every missing answer in the form’s words, in the order of the form, each linked to its field', async () => {
    const { errors } = await recordCaseErrors({ source: 'proactive_monitoring', reporterName: 'Casey' });
    expect(errors).toEqual([
      { text: 'Enter the date the matter was received', href: '#receivedAt-day' },
      { text: 'Describe what was reported', href: '#summary' },
      { text: 'Enter how to contact the person who reported it', href: '#reporterContact' },
      { text: 'Enter who authorised the monitoring', href: '#authorisedBy' },
      { text: 'Enter the date the monitoring was authorised', href: '#authorisedAt-day' },
      {
        text: 'Explain why monitoring is necessary and proportionate in at least 20 characters',
        href: '#justification',
      },
    ]);
  });

  it('refuses what the API refuses (a source it does not know, a date to come) in the form’s words', async () => {
    const nextYear = String(new Date().getUTCFullYear() + 1);
    const { errors } = await recordCaseErrors({
      source: 'anonymous',
      'receivedAt-day': '1',
      'receivedAt-month': '1',
      'receivedAt-year': nextYear,
      summary: 'short',
    });
    expect(errors.map((e) => e.text)).toEqual([
      'Choose how the matter came to Professional Standards',
      'The date received must be today or in the past',
      'Describe what was reported in 10 to 4,000 characters',
    ]);
  });

  it('gives an ISO date to the service and keeps what was typed when the form comes back', async () => {
    const body = {
      source: 'line_manager',
      'receivedAt-day': '2',
      'receivedAt-month': '11',
      'receivedAt-year': '2026',
      summary: 'Posts in a WhatsApp group.',
    };
    const { input, errors } = await recordCaseErrors(body);
    expect(errors).toEqual([]);
    expect(input.receivedAt).toBe('2026-11-02');
    const view = recordCaseView(body, [{ text: 'x', href: '#receivedAt-day' }]);
    expect(view.receivedAtItems.map((item) => item.value)).toEqual(['2', '11', '2026']);
    expect(view.receivedAtItems[0].classes).toContain('govuk-input--error');
    expect(view.fieldError['receivedAt-day']).toEqual({ text: 'x' });
  });
});
