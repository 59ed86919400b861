import { AddConductItemDto, AddSubjectDto } from '../cases/case-contents.dto';
import {
  byField,
  choices,
  CONDUCT_FIELDS,
  conductInput,
  promoteInput,
  PROMOTE_FIELDS,
  SUBJECT_FIELDS,
  subjectInput,
  validateForm,
  whole,
} from './case-forms';

describe('the case page forms, read into the JSON API DTOs', () => {
  it('names each empty required field and each wrong value in the form’s words, never the DTO’s field names', async () => {
    const { problems } = await validateForm(
      AddSubjectDto,
      subjectInput({ name: '  ', staffNumber: '4821', role: 'admiral', force: '' }),
      SUBJECT_FIELDS,
      'subject-name',
    );
    expect(problems).toEqual([
      { text: 'Enter the name of the officer or member of staff', href: '#subject-name' },
      { text: 'Choose one of the roles listed', href: '#subject-role' },
      { text: 'Choose their force', href: '#subject-force' },
    ]);
    expect(byField(problems)['subject-force']).toBe('Choose their force');
  });

  it('reads a typed conduct item: one checkbox or several, numbers, yes and no, blanks left out', async () => {
    const input = conductInput({
      text: 'the words at issue',
      platform: 'facebook',
      audience: 'public',
      audienceSize: '340',
      categories: 'abusive_or_offensive',
      targets: ['race', 'sex'],
      offDuty: 'no',
      postedAt: '',
      messageCount: 'four',
    });
    expect(input).toMatchObject({
      audienceSize: 340,
      categories: ['abusive_or_offensive'],
      targets: ['race', 'sex'],
      offDuty: false,
      postedAt: undefined,
      identifiableAsPolice: undefined,
    });
    const { problems } = await validateForm(AddConductItemDto, input, CONDUCT_FIELDS, 'conduct-platform');
    expect(problems).toEqual([
      {
        text: 'Enter how many messages as a whole number, like 3',
        href: '#conduct-messageCount',
      },
    ]);
  });

  it('asks for the classification of a post used as a conduct item, the post giving its text and platform', async () => {
    const { problems, value } = await validateForm(
      AddConductItemDto,
      promoteInput({ archivePostId: '0b9f4c1e-6a2d-4e8b-9f73-5c1d2e3a4b5c' }),
      PROMOTE_FIELDS,
      'promote-audience',
    );
    expect(problems.map((p) => p.text)).toEqual([
      'Choose who could see the post',
      'Choose at least one category for the post',
    ]);
    expect(value.source?.archivePostId).toBe('0b9f4c1e-6a2d-4e8b-9f73-5c1d2e3a4b5c');
  });

  it('passes a number that is not whole on as typed, so the DTO can say what is wrong', () => {
    expect(whole('12')).toBe(12);
    expect(whole('1.5')).toBe('1.5');
    expect(whole(' ')).toBeUndefined();
  });

  it('keeps what was chosen when a form comes back', () => {
    expect(choices(['a', 'b'], ['b'], (c) => c.toUpperCase(), 'checked')).toEqual([
      { value: 'a', text: 'A', checked: false },
      { value: 'b', text: 'B', checked: true },
    ]);
    expect(choices(['a'], undefined, (c) => c, 'selected', 'Choose one')[0]).toEqual({
      value: '',
      text: 'Choose one',
      selected: true,
    });
  });
});
