import { excerptWindow, findPassage, findPassages, findWords } from './passage-match.rules';

const SCREEN = [
  '09:41        Team chat        4G',
  'Dave: anyone for the late turn swap?',
  'Mike: those people should go back where',
  'they came from, the lot of them',
  'Sarah: not funny mate',
  'Dave: see you all at briefing',
].join('\n');

describe('findPassage', () => {
  it('finds a quote that appears exactly, widened to whole words', () => {
    const quote = 'those people should go back where they came from, the lot of them';
    const passage = findPassage(SCREEN, quote)!;
    expect(SCREEN.slice(passage.start, passage.end)).toBe(
      'those people should go back where\nthey came from, the lot of them',
    );
    expect(passage.coverage).toBe(1);
  });

  it('finds it in noisy OCR: homoglyphs, digits for letters, a hyphen across a broken line wrap, misread letters', () => {
    // Cyrillic о and е, "1" for "l", a word split over two lines, "rn" read for "m", a stray mark.
    const ocr = [
      'Dave: anyone for the late turn swap?',
      'Mike: thоse peop1e shou-',
      "ld go back whеre they carne fr0m, the '1ot of them",
      'Sarah: not funny mate',
    ].join('\n');
    const passage = findPassage(ocr, 'Those people should go back where they came from, the lot of them')!;
    expect(passage).not.toBeNull();
    expect(ocr.slice(passage.start, passage.end)).toBe(
      "thоse peop1e shou-\nld go back whеre they carne fr0m, the '1ot of them",
    );
    expect(passage.coverage).toBeGreaterThan(0.8);
    expect(passage.coverage).toBeLessThan(1);
  });

  it('finds the part of a long comment that a screenshot shows', () => {
    const long =
      'Right, listen up. ' +
      'those people should go back where they came from, the lot of them. ' +
      'And I will say it at briefing too, I do not care who hears it, nobody is going to do anything about it, ' +
      'they never do, so stop being so sensitive all of you and get on with the job';
    const passage = findPassage(SCREEN, long)!;
    expect(SCREEN.slice(passage.start, passage.end)).toContain('those people should go back where');
    expect(passage.coverage).toBeLessThan(0.5);
  });

  it('finds nothing when the screenshot does not hold the quote', () => {
    expect(findPassage(SCREEN, 'smash his teeth in when you catch him alone on nights')).toBeNull();
    expect(
      findPassage(
        'The rota for the night shift is out again and overtime has been cancelled for the whole of December',
        'Whoever parked in the inspector’s space needs to move their car before the end of the day',
      ),
    ).toBeNull();
  });

  it('finds nothing for a quote too short to tell apart from chance, or in an empty text', () => {
    expect(findPassage(SCREEN, 'the lot')).toBeNull();
    expect(findPassage('', 'those people should go back where they came from')).toBeNull();
  });
});

describe('findPassages', () => {
  it('gives each quote its passage in the order they appear, the stronger match keeping a passage two quotes share', () => {
    const found = findPassages(SCREEN, [
      'see you all at briefing',
      'smash his teeth in when you catch him alone',
      'those people should go back where they came from',
      'people should go back where they came from, the lot of them',
    ]);
    expect(found.map((passage) => [passage.quote, SCREEN.slice(passage.start, passage.end)])).toEqual([
      [3, 'people should go back where\nthey came from, the lot of them'],
      [0, 'see you all at briefing'],
    ]);
  });
});

describe('excerptWindow', () => {
  it('cuts a window around the passage at spaces', () => {
    const text = 'one two three four five six seven eight nine ten';
    const start = text.indexOf('five');
    const window = excerptWindow(text, start, start + 4, 10);
    expect(text.slice(window.start, window.end)).toBe('four five six');
    expect(excerptWindow(text, 0, 3, 100)).toEqual({ start: 0, end: text.length });
  });
});

describe('findWords', () => {
  it('finds the words of a search where they begin a word, however they are disguised', () => {
    const text = 'G0 back h0me, said the Homeowner; not at home.';
    const spans = findWords(text, 'home x');
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['h0me', 'Homeowner', 'home']);
  });
});
