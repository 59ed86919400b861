import { readAllegation, readConductItem, readSubject } from './case-part.forms';

describe('the subject, allegation and conduct item forms, as adding and correcting read them', () => {
  it('gives no value to save when the form is refused, only the problems in words', async () => {
    const subject = await readSubject({ staffNumber: '4821' });
    expect(subject.value).toBeNull();
    expect(subject.problems.map((p) => p.text)).toContain('Enter the name of the officer or member of staff');
    const allegation = await readAllegation({});
    expect(allegation.value).toBeNull();
    expect(allegation.problems.length).toBeGreaterThan(0);
    const conduct = await readConductItem({ text: 'words' });
    expect(conduct.value).toBeNull();
  });

  it('reads a complete form into what the service takes', async () => {
    const subject = await readSubject({
      name: 'PC Jordan Fictional',
      staffNumber: '4821',
      role: 'constable',
      force: 'kent',
    });
    expect(subject.problems).toEqual([]);
    expect(subject.value).toMatchObject({ name: 'PC Jordan Fictional', force: 'kent' });
    const conduct = await readConductItem({
      text: 'fictional words',
      platform: 'whatsapp',
      audience: 'private_group',
      categories: 'discriminatory',
      'postedAt-day': '3',
      'postedAt-month': '10',
      'postedAt-year': '2026',
      'postedAt-time': '21:14',
    });
    expect(conduct.problems).toEqual([]);
    expect(conduct.value).toMatchObject({
      text: 'fictional words',
      platform: 'whatsapp',
      postedAt: '2026-10-03T20:14:00.000Z',
    });
  });
});
