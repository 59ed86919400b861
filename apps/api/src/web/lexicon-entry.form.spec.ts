import { readLexiconEntryForm } from './lexicon-entry.form';

describe('readLexiconEntryForm', () => {
  it('reads a complete entry, trimming the term and turning an empty target into none', () => {
    expect(
      readLexiconEntryForm({ term: '  send them back ', category: 'discriminatory', target: '', note: 'x' }),
    ).toEqual({
      ok: true,
      entry: { term: 'send them back', category: 'discriminatory', target: null, note: 'x' },
    });
  });

  it('names every bad field, linked to its input', () => {
    const reading = readLexiconEntryForm({
      term: 'a',
      category: 'rude',
      target: 'height',
      note: 'n'.repeat(1001),
    });
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors.map((error) => error.href)).toEqual(['#term', '#category', '#target', '#note']);
  });

  it('keeps a known target', () => {
    const reading = readLexiconEntryForm({ term: 'go home', category: 'discriminatory', target: 'race' });
    expect(reading.ok && reading.entry.target).toBe('race');
  });
});
