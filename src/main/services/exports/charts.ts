/**
 * The charts of the exported workbooks: a bar chart drawn as SVG by a pure function, then
 * turned into a PNG by resvg (a prebuilt native module, no browser). Runs in the contained
 * process with the workbook writer.
 */
import type { BarChart } from './model';

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 340;

const COLORS = ['#1c7ed6', '#f08c00'];
const FONT = 'DejaVu Sans, Arial, Helvetica, Liberation Sans, sans-serif';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** 1234567 → « 1 234 567 » (a narrow space between thousands, as in French). */
function grouped(n: number): string {
  const [whole, decimals] = Math.abs(n)
    .toFixed(n % 1 === 0 ? 0 : 2)
    .split('.');
  const withSpaces = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${n < 0 ? '−' : ''}${withSpaces}${decimals ? `,${decimals}` : ''}`;
}

export function axisValue(value: number, unit: BarChart['unit']): string {
  return unit === 'cents' ? `${grouped(Math.round(value / 100))} €` : grouped(value);
}

/** A round step for about five grid lines up to `max`. */
function niceStep(max: number): number {
  if (max <= 0) return 1;
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  return Math.max(step, 1);
}

const shorten = (label: string, max: number) =>
  label.length <= max ? label : `${label.slice(0, max - 1)}…`;

/** The chart as SVG text: title, legend, grid with values, one group of bars per label. */
export function barChartSvg(chart: BarChart): string {
  const axis = chart.unit === 'cents' ? 96 : 64;
  const top = 64;
  const right = 20;
  // Labels too long for their slot are written at a slant, with room below for them.
  const slotGuess = (CHART_WIDTH - axis - right) / Math.max(1, chart.labels.length);
  const slanted = chart.labels.some((l) => l.length * 6.5 > slotGuess);
  const bottom = slanted ? 120 : 40;
  // The first slanted label runs left of its bar: room for it too.
  const left = slanted ? axis + 70 : axis;
  const plotWidth = CHART_WIDTH - left - right;
  const plotHeight = CHART_HEIGHT - top - bottom;
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values));
  const step = niceStep(max);
  const ceiling = Math.max(step, Math.ceil(max / step) * step);
  const y = (v: number) => top + plotHeight - (v / ceiling) * plotHeight;
  const parts: string[] = [];

  parts.push(
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    `<text x="${CHART_WIDTH / 2}" y="26" text-anchor="middle" font-size="17" font-weight="bold" fill="#212529">${escapeXml(chart.title)}</text>`,
  );
  // Legend
  let legendX = left;
  chart.series.forEach((s, i) => {
    parts.push(
      `<rect x="${legendX}" y="38" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/>`,
      `<text x="${legendX + 18}" y="49" font-size="12" fill="#343a40">${escapeXml(s.name)}</text>`,
    );
    legendX += 30 + s.name.length * 7;
  });
  // Grid and axis values
  for (let v = 0; v <= ceiling + step / 2; v += step) {
    parts.push(
      `<line x1="${left}" x2="${left + plotWidth}" y1="${y(v)}" y2="${y(v)}" stroke="#dee2e6"/>`,
      `<text x="${left - 8}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="#495057">${escapeXml(axisValue(v, chart.unit))}</text>`,
    );
  }
  // Bars
  const groups = Math.max(1, chart.labels.length);
  const slot = plotWidth / groups;
  const barWidth = Math.min(48, (slot * 0.7) / Math.max(1, chart.series.length));
  const maxLabel = slanted ? 24 : Math.max(6, Math.floor(slot / 6.5));
  chart.labels.forEach((label, g) => {
    const groupWidth = barWidth * chart.series.length;
    const x0 = left + g * slot + (slot - groupWidth) / 2;
    chart.series.forEach((s, i) => {
      const v = s.values[g] ?? 0;
      const height = top + plotHeight - y(v);
      parts.push(
        `<rect x="${x0 + i * barWidth}" y="${y(v)}" width="${barWidth - 2}" height="${height}" fill="${COLORS[i % COLORS.length]}"/>`,
      );
    });
    const x = left + g * slot + slot / 2;
    const y0 = top + plotHeight + (slanted ? 12 : 18);
    parts.push(
      slanted
        ? `<text x="${x}" y="${y0}" text-anchor="end" font-size="11" fill="#343a40" transform="rotate(-35 ${x} ${y0})">${escapeXml(shorten(label, maxLabel))}</text>`
        : `<text x="${x}" y="${y0}" text-anchor="middle" font-size="11" fill="#343a40">${escapeXml(shorten(label, maxLabel))}</text>`,
    );
  });
  parts.push(
    `<line x1="${left}" x2="${left + plotWidth}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="#868e96"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${FONT}">${parts.join('')}</svg>`;
}

/** The chart as PNG bytes (system fonts; the image keeps the SVG's size). */
export async function barChartPng(chart: BarChart): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(barChartSvg(chart), {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return new Uint8Array(resvg.render().asPng());
}
