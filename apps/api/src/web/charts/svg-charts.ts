/**
 * Server-rendered SVG charts: they work without JavaScript, print, and carry a text alternative.
 * Every chart is shown with a table of the same figures beside it (the page's job), so the SVG
 * itself is a picture for those who can see it (role="img" with a title summarising it).
 */
export interface BarRow {
  label: string;
  value: number;
  highlight?: boolean;
  /** A short note after the value, such as a reform that took effect in that period. */
  marker?: string;
}

export interface IntervalRow {
  label: string;
  value: number;
  low: number;
  high: number;
  highlight?: boolean;
  flagged?: boolean;
}

const FONT = 'font-family="Arial, sans-serif" font-size="14"';
const INK = '#0b0c0c';
const BLUE = '#1d70b8';
const ORANGE = '#f47738';
const GREY = '#b1b4b6';
const DARK_GREY = '#505a5f';
/** Room for a marker after a row's value. */
const MARKER_WIDTH = 300;

/** A row's marker, after its value text ending at `x`. */
function markerText(marker: string | undefined, x: number, y: number): string {
  return marker
    ? `<text x="${(x + 44).toFixed(1)}" y="${y + 17}" ${FONT} fill="${DARK_GREY}">◆ ${escapeXml(marker)}</text>`
    : '';
}

/** Horizontal bars, one row a label: for shares of outcomes and similar. */
export function barChart(
  rows: readonly BarRow[],
  options: { title: string; max: number; format: (value: number) => string; id?: string },
): string {
  const labelWidth = labelWidthFor(rows);
  const barWidth = 360;
  const rowHeight = 26;
  const height = rows.length * rowHeight + 10;
  const width = labelWidth + barWidth + 70 + (rows.some((row) => row.marker) ? MARKER_WIDTH : 0);
  const bars = rows
    .map((row, index) => {
      const y = 5 + index * rowHeight;
      const length = options.max > 0 ? Math.max(1, (row.value / options.max) * barWidth) : 1;
      return (
        `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" ${FONT} fill="${INK}">${escapeXml(row.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${length.toFixed(1)}" height="${rowHeight - 8}" fill="${row.highlight ? ORANGE : BLUE}"/>` +
        `<text x="${labelWidth + length + 6}" y="${y + 17}" ${FONT} fill="${INK}">${escapeXml(options.format(row.value))}</text>` +
        markerText(row.marker, labelWidth + length + 6, y)
      );
    })
    .join('');
  return svg(width, height, options.title, bars, options.id);
}

/**
 * Estimates with their intervals on one axis (a dot and whisker a row), with the zero line and
 * the margin that matters shaded: for force relative severity against the national picture.
 */
export function intervalChart(
  rows: readonly IntervalRow[],
  options: { title: string; min: number; max: number; margin: number; id?: string },
): string {
  // Wide enough for the longest force name ("Hampshire and Isle of Wight Constabulary").
  const labelWidth = labelWidthFor(rows);
  const plotWidth = 420;
  const rowHeight = 20;
  const top = 24;
  const height = top + rows.length * rowHeight + 10;
  const width = labelWidth + plotWidth + 20;
  const x = (value: number) => labelWidth + ((value - options.min) / (options.max - options.min)) * plotWidth;
  const axis =
    `<rect x="${x(-options.margin).toFixed(1)}" y="${top - 4}" width="${(x(options.margin) - x(-options.margin)).toFixed(1)}" height="${rows.length * rowHeight + 4}" fill="#f3f2f1"/>` +
    `<line x1="${x(0).toFixed(1)}" y1="${top - 6}" x2="${x(0).toFixed(1)}" y2="${top + rows.length * rowHeight}" stroke="${INK}"/>` +
    [options.min, options.min / 2, 0, options.max / 2, options.max]
      .map(
        (tick) =>
          `<text x="${x(tick).toFixed(1)}" y="14" text-anchor="middle" ${FONT} fill="${INK}">${tick > 0 ? '+' : ''}${tick.toFixed(1)}</text>`,
      )
      .join('');
  const marks = rows
    .map((row, index) => {
      const y = top + index * rowHeight + rowHeight / 2;
      const colour = row.highlight ? ORANGE : row.flagged ? BLUE : GREY;
      const clamp = (value: number) => Math.min(options.max, Math.max(options.min, value));
      return (
        `<text x="${labelWidth - 8}" y="${y + 5}" text-anchor="end" ${FONT} fill="${INK}"${row.highlight ? ' font-weight="bold"' : ''}>${escapeXml(row.label)}</text>` +
        `<line x1="${x(clamp(row.low)).toFixed(1)}" y1="${y}" x2="${x(clamp(row.high)).toFixed(1)}" y2="${y}" stroke="${colour}" stroke-width="3"/>` +
        `<circle cx="${x(clamp(row.value)).toFixed(1)}" cy="${y}" r="5" fill="${colour}"/>`
      );
    })
    .join('');
  return svg(width, height, options.title, axis + marks, options.id);
}

export interface StackedRow {
  label: string;
  /** One value a series, in the series' order. */
  values: readonly number[];
  /** A short note after the total, such as a reform that took effect in that period. */
  marker?: string;
}

export interface Series {
  label: string;
  colour: string;
}

/** Colours for series, from the GOV.UK palette, in an order that keeps neighbours distinct. */
export const SERIES_COLOURS = [
  BLUE,
  '#00703c',
  ORANGE,
  '#4c2c92',
  '#d4351c',
  '#28a197',
  '#d53880',
  '#003078',
  '#b58840',
  '#505a5f',
];

/**
 * Horizontal bars split into coloured parts, one row a label, with a legend above and the row's
 * total at the end: for outcomes per year and cases by where they stand against a time limit.
 */
export function stackedBarChart(
  rows: readonly StackedRow[],
  series: readonly Series[],
  options: { title: string; id?: string },
): string {
  const labelWidth = labelWidthFor(rows);
  const barWidth = 360;
  const rowHeight = 26;
  const legendColumns = 3;
  const legendColumnWidth = 220;
  const legendHeight = Math.ceil(series.length / legendColumns) * 22 + 8;
  const height = legendHeight + rows.length * rowHeight + 10;
  const width = Math.max(
    labelWidth + barWidth + 70 + (rows.some((row) => row.marker) ? MARKER_WIDTH : 0),
    legendColumns * legendColumnWidth,
  );
  const max = Math.max(0, ...rows.map((row) => row.values.reduce((sum, value) => sum + value, 0)));
  const legend = series
    .map((item, index) => {
      const x = (index % legendColumns) * legendColumnWidth;
      const y = Math.floor(index / legendColumns) * 22;
      return (
        `<rect x="${x}" y="${y + 4}" width="14" height="14" fill="${item.colour}"/>` +
        `<text x="${x + 20}" y="${y + 16}" ${FONT} fill="${INK}">${escapeXml(item.label)}</text>`
      );
    })
    .join('');
  const bars = rows
    .map((row, index) => {
      const y = legendHeight + index * rowHeight;
      let x = labelWidth;
      const parts = row.values
        .map((value, part) => {
          if (value <= 0 || max <= 0) return '';
          const length = (value / max) * barWidth;
          const rect = `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${length.toFixed(1)}" height="${rowHeight - 8}" fill="${series[part]?.colour ?? GREY}"/>`;
          x += length;
          return rect;
        })
        .join('');
      const total = row.values.reduce((sum, value) => sum + value, 0);
      return (
        `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" ${FONT} fill="${INK}">${escapeXml(row.label)}</text>` +
        parts +
        `<text x="${(x + 6).toFixed(1)}" y="${y + 17}" ${FONT} fill="${INK}">${total}</text>` +
        markerText(row.marker, x + 6, y)
      );
    })
    .join('');
  return svg(width, height, options.title, legend + bars, options.id);
}

/** Room for the longest label at 14px Arial (about 7.5px a character), never less than the usual 230. */
function labelWidthFor(rows: readonly { label: string }[]): number {
  const longest = Math.max(0, ...rows.map((row) => row.label.length));
  return Math.max(230, Math.min(360, Math.ceil(longest * 7.5) + 12));
}

function svg(width: number, height: number, title: string, body: string, id = 'chart-title'): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${escapeXml(id)}" class="app-chart">` +
    `<title id="${escapeXml(id)}">${escapeXml(title)}</title>${body}</svg>`
  );
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
