import { suggestTerms, type LexiconTerm } from './term-suggestion.rules';

const lexicon: LexiconTerm[] = [
  { id: '1', term: 'go back to where you came from', category: 'discriminatory', target: 'race', note: 'n' },
  { id: '2', term: 'pnc check', category: 'disclosure_of_police_information', target: null, note: 'n' },
  { id: '3', term: 'scum', category: 'abusive_or_offensive', target: null, note: 'n' },
];

describe('term suggestions', () => {
  it('suggests categories and targets with the span of the original text', () => {
    const text = 'Honestly, GO BACK to where you came from!!';
    const result = suggestTerms(text, lexicon);
    expect(result.categories).toEqual([
      { category: 'discriminatory', terms: ['go back to where you came from'] },
    ]);
    expect(result.targets).toEqual([{ target: 'race', terms: ['go back to where you came from'] }]);
    expect(result.matches[0].text).toBe('GO BACK to where you came from');
  });

  it('survives light obfuscation: digits for letters, separators, repeated letters, accents', () => {
    const result = suggestTerms('did a p.n.c. chëck on him, total sсuuum', lexicon);
    expect(result.matches.map((match) => match.entryId)).toEqual(['2', '3']);
    const obfuscated = suggestTerms('g0 b4ck 2 wh3re... no: g0 b4ck t0 wh3r3 y0u c4me fr0m', lexicon);
    expect(obfuscated.matches.map((match) => match.text)).toEqual(['g0 b4ck t0 wh3r3 y0u c4me fr0m']);
  });

  it('does not match a term inside a longer word', () => {
    expect(suggestTerms('a scummy day', lexicon).matches.map((m) => m.entryId)).toEqual([]);
    expect(suggestTerms('scum.', lexicon).matches.map((m) => m.entryId)).toEqual(['3']);
  });
});
