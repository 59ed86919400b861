import { PanelCompositionError, PanelConflictError, UnlawfulDateError } from '@precedent/hearings';
import { InvalidInputError, NotFoundError } from '@precedent/platform';
import { HearingDateDto } from '../hearings/hearing.dto';
import { checkAgainst, errorsByField, filled, refusalErrors } from './hearing-forms';

describe('the hearing forms', () => {
  it("puts an unlawful date's rule and earliest lawful date in the summary, linked to the field", () => {
    const error = new UnlawfulDateError('working_day', '2026-12-28 is a bank holiday.', '2026-12-29');
    expect(refusalErrors(error, '#date')).toEqual([
      {
        text: '2026-12-28 is a bank holiday. The earliest lawful date is 2026-12-29.',
        href: '#date',
      },
    ]);
  });

  it('gives each conflict and each composition problem an error of its own', () => {
    const conflicts = new PanelConflictError([
      { rule: 'line_management', message: 'Line-manages subject 1.' },
      { rule: 'double_booking', message: 'Already booked.' },
    ]);
    expect(refusalErrors(conflicts, '#seat-chair')?.map((e) => e.text)).toEqual([
      'Line-manages subject 1.',
      'Already booked.',
    ]);
    const composition = new PanelCompositionError([
      'The panel needs a lay member.',
      'The panel needs a chair.',
    ]);
    expect(refusalErrors(composition, '#panel')).toHaveLength(2);
  });

  it('links an invalid input to the first field it names, and leaves other errors to the error page', () => {
    const place = new InvalidInputError('place_required', 'Give a venue or a remote link.', {
      fields: [{ field: 'venue', message: 'required' }],
    });
    expect(refusalErrors(place, '#date', { venue: 'venue' })).toEqual([
      { text: 'Give a venue or a remote link.', href: '#venue' },
    ]);
    expect(refusalErrors(new NotFoundError('hearing', 'x'), '#date')).toBeNull();
    expect(refusalErrors(new Error('boom'), '#date')).toBeNull();
  });

  it("checks a form against the API's DTO, with words for people, leaving empty fields out", async () => {
    const input = filled({ date: '2027-13-01', startsAt: '25:00', venue: '  ', remoteLink: '' }, [
      'date',
      'startsAt',
      'venue',
      'remoteLink',
    ]);
    expect(input).toEqual({ date: '2027-13-01', startsAt: '25:00' });
    const { errors } = await checkAgainst(HearingDateDto, input, {
      date: 'Enter the date',
      startsAt: 'Enter the time',
    });
    expect(errors).toEqual([
      { text: 'Enter the date', href: '#date' },
      { text: 'Enter the time', href: '#startsAt' },
    ]);
  });

  it('shows every reason a field was refused beside it', () => {
    expect(
      errorsByField([
        { text: 'Line management.', href: '#seat-lay_member' },
        { text: 'Unavailable.', href: '#seat-lay_member' },
        { text: 'Enter the date', href: '#date' },
      ]),
    ).toEqual({
      'seat-lay_member': { text: 'Line management. Unavailable.' },
      date: { text: 'Enter the date' },
    });
  });
});
