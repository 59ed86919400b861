import { publicationFormErrors } from './publication-decision.form';

describe("the chair's publication form", () => {
  it('reads a complete form', () => {
    const { value, errors } = publicationFormErrors({
      subjectId: 'a-subject',
      stage: 'notice',
      publish: 'yes',
      showOfficerName: 'no',
      showRank: 'yes',
      conduct: ' Posted a comment. ',
      reasons: 'Risk to the family.',
    });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({
      subjectId: 'a-subject',
      stage: 'notice',
      publish: true,
      showOfficerName: false,
      showRank: true,
      conduct: 'Posted a comment.',
      reasons: 'Risk to the family.',
    });
  });

  it('says what is missing in plain words', () => {
    expect(publicationFormErrors({ stage: 'everything' }).errors).toEqual([
      { text: 'Choose the officer', href: '#subjectId' },
      { text: 'Choose the notice or the outcome report', href: '#stage' },
      { text: 'Say whether anything is published', href: '#publish' },
    ]);
    expect(publicationFormErrors({ subjectId: 's', stage: 'outcome', publish: 'yes' }).errors).toEqual([
      { text: "Say whether the officer's name is published", href: '#showOfficerName' },
      { text: "Say whether the officer's rank is published", href: '#showRank' },
    ]);
    // publishing nothing needs no answer about the name or rank
    expect(publicationFormErrors({ subjectId: 's', stage: 'outcome', publish: 'no' }).errors).toEqual([]);
  });
});
