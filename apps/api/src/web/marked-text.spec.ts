import { markedHtml } from './marked-text';

describe('markedHtml', () => {
  it('escapes everything the text holds, marks and titles included', () => {
    const text = '<b>go</b> & "back"';
    expect(markedHtml(text, [{ start: 3, end: 5, title: 'a "note" <i>' }])).toBe(
      '&#60;b&#62;<mark class="app-term" title="a &#34;note&#34; &#60;i&#62;">go</mark>&#60;/b&#62; &#38; &#34;back&#34;',
    );
  });

  it('labels a passage and cuts a single mark that crosses its edge, so the tags nest', () => {
    const text = 'one two three four';
    const html = markedHtml(
      text,
      [
        { start: 4, end: 13, title: 'term' },
        { start: 6, end: 9, title: 'overlaps the term before it' },
      ],
      [{ start: 8, end: 18, id: 'passage-1', label: 'Matches conduct item 1' }],
    );
    expect(html).toBe(
      'one <mark class="app-term" title="term">two </mark>' +
        '<strong class="govuk-tag govuk-tag--blue">Matches conduct item 1</strong> ' +
        '<mark class="app-passage" id="passage-1"><mark class="app-term" title="term">three</mark> four</mark>' +
        '<span class="govuk-visually-hidden"> (end of the passage)</span>',
    );
  });

  it('leaves text without marks as escaped text', () => {
    expect(markedHtml('a < b', [])).toBe('a &#60; b');
  });
});
