import { barChart, escapeXml, intervalChart, stackedBarChart } from './svg-charts';

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
    // the label column is at least 230 wide (it grows for long force names), so
    // x(0.5) = 230 + (2.5 / 4) * 420 = 492.5, and the high end is clamped to x(2) = 650
    expect(svg).toContain('cx="492.5"');
    expect(svg).toContain('x2="650.0"');
    expect(escapeXml(`"a" & 'b'`)).toBe('&#34;a&#34; &#38; &#39;b&#39;');
  });

  it("stacks each row's parts in series order, scaled to the largest total, with a legend and its own title id", () => {
    const svg = stackedBarChart(
      [
        { label: '2025', values: [1, 3] },
        { label: '2026', values: [0, 2] },
      ],
      [
        { label: 'within time', colour: '#00703c' },
        { label: 'overdue', colour: '#d4351c' },
      ],
      { title: 'By year', id: 'chart-years' },
    );
    expect(svg).toContain('aria-labelledby="chart-years"');
    expect(svg).toContain('<title id="chart-years">By year</title>');
    expect(svg).toContain('>within time</text>');
    // the largest total (4) is the full 360: 1 → 90 then 3 → 270 from x = 320; 2026's 2 → 180, no empty part
    expect(svg).toContain('x="230.0" y="33" width="90.0"');
    expect(svg).toContain('x="320.0" y="33" width="270.0"');
    expect(svg).toContain('x="230.0" y="59" width="180.0"');
    expect(svg.match(/<rect/g)).toHaveLength(2 + 3);
    expect(svg).toContain('>4</text>');
  });

  it('widens the label column for a long label so it is not cut off', () => {
    const svg = barChart([{ label: 'challenging and reporting improper conduct', value: 1 }], {
      title: 'Standards',
      max: 1,
      format: String,
    });
    // 42 characters: 42 × 7.5 + 12 = 327, the label ends at 319 and the bar starts at 327
    expect(svg).toContain('x="319" y="22" text-anchor="end"');
    expect(svg).toContain('<rect x="327"');
  });
});
