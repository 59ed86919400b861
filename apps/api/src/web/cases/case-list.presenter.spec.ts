import { listCaption, whyMatched } from './case-list.presenter';

describe('why a case is in the search results', () => {
  const kase = { reference: 'PSD-2026-00008', summary: 'Posts in a WhatsApp group about complainants' };

  it('says the reference matched when a reference was searched', () => {
    expect(whyMatched(kase, 'psd-2026-00008')).toBe('Its reference is PSD-2026-00008.');
  });

  it('says which words the summary has and which were found in the conduct items', () => {
    expect(whyMatched(kase, 'complainant scroungers')).toBe(
      'The summary mentions “complainant”; a conduct item mentions “scroungers”.',
    );
    expect(whyMatched(kase, 'posting')).toBe('The summary mentions “posting”.');
  });

  it('says nothing when nothing was searched', () => {
    expect(whyMatched(kase, '  ')).toBeNull();
  });
});

describe('what the case list counts', () => {
  it('names what is counted, as My work links to it', () => {
    expect(listCaption(140, { mine: true, open: true, q: '' })).toBe('140 open cases assigned to you');
    expect(listCaption(1, { mine: false, open: false, q: 'PSD-2026-00008' })).toBe(
      '1 case you may open found for “PSD-2026-00008”',
    );
  });
});
