import {
  hammingDistance,
  normaliseText,
  textFingerprint,
  textSimilarityFromDistance,
} from './text-matching.rules';

describe('text matching', () => {
  it('keeps letters only, lower case, without accents, look-alikes or repeats, with offsets into the original', () => {
    const text = 'Sоoo  N.A.Ï.V-E 4nd 5tup1d!!';
    const normalised = normaliseText(text);
    expect(normalised.letters).toBe('sonaiveandstupid');
    expect(text[normalised.offsets[2]]).toBe('N');
  });

  it('fingerprints the same letters the same way, however they were written', () => {
    const original = 'those people should go back where they came from';
    const disguised = 'TH0SE  p.e.o.p.l.e sh0uuuld g0 b4ck wh3re th3y c*me fr0m 🙄';
    // Only the starred letter is lost: a near duplicate, well inside the shared-wording distance.
    expect(normaliseText(disguised).letters).toBe(normaliseText(original).letters.replace('came', 'cme'));
    const distance = hammingDistance(textFingerprint(original)!, 0, textFingerprint(disguised)!, 0);
    expect(textSimilarityFromDistance(distance)).toBeGreaterThan(0.3);
    expect(normaliseText('sh!t! stop|').letters).toBe('shitstop');
    expect(textFingerprint(original)).toEqual(textFingerprint(normaliseText(original).letters));
  });

  it('scores unrelated comments as sharing no wording', () => {
    const a = textFingerprint('the rota for the night shift is out again, overtime cancelled');
    const b = textFingerprint('smash his teeth in when you catch him alone');
    expect(textSimilarityFromDistance(hammingDistance(a!, 0, b!, 0))).toBe(0);
    expect(textFingerprint('ok')).toBeNull();
    expect(textFingerprint(null)).toBeNull();
  });
});
