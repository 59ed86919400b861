import { barChart, escapeXml, intervalChart } from './svg-charts';

describe('SVG charts', () => {
  it('draws a bar a row, scaled to the maximum, with escaped labels and a title', () => {
    const svg = barChart(
      [
        { label: 'dismissal <without> notice', value: 0.5 },
        { label: 'final written warning', value: 0.25, highlight: true },
      ],
      { title: 'Outcomes of 20 comparables', max: 0.5, format: (v) => `${v * 100}%` },
    );
    expect(svg).toContain('<title id="chart-title">Outcomes of 20 comparables</title>');
    expect(svg).toContain('dismissal &#60;without&#62; notice');
    expect(svg).toContain('width="360.0"');
    expect(svg).toContain('width="180.0"');
    expect(svg).toContain('#f47738');
  });

  it('places estimates and intervals on the axis, clamped to its ends', () => {
    const svg = intervalChart([{ label: 'kent', value: 0.5, low: 0.3, high: 3, highlight: true }], {
      title: 'Relative severity',
      min: -2,
      max: 2,
      margin: 0.25,
    });
    // x(0.5) = 200 + (2.5 / 4) * 420 = 462.5; the high end is clamped to x(2) = 620
    expect(svg).toContain('cx="462.5"');
    expect(svg).toContain('x2="620.0"');
    expect(escapeXml(`"a" & 'b'`)).toBe('&#34;a&#34; &#38; &#39;b&#39;');
  });
});
