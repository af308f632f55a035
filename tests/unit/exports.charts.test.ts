/**
 * The charts of the exported workbooks: drawn as SVG by a pure function (title, legend, one
 * bar per value, axis in French), and rasterised to a PNG of the announced size.
 */
import { describe, expect, it } from 'vitest';
import {
  axisValue,
  barChartPng,
  barChartSvg,
  CHART_HEIGHT,
  CHART_WIDTH,
} from '../../src/main/services/exports/charts';
import type { BarChart } from '../../src/main/services/exports/model';

const CHART: BarChart = {
  title: 'Jeunes contactés & rencontrés <par période>',
  labels: ['1er trimestre 2026', '2e trimestre 2026'],
  series: [
    { name: 'Contactés', values: [616, 619] },
    { name: 'Rencontrés', values: [113, 101] },
  ],
  unit: 'count',
};

describe('bar charts', () => {
  it('draws one bar per value, the title and legend escaped', () => {
    const svg = barChartSvg(CHART);
    expect(svg).toContain('Jeunes contactés &#38; rencontrés &#60;par période&#62;');
    expect(svg.match(/<rect [^>]*fill="#1c7ed6"/g)).toHaveLength(3); // legend + 2 bars
    expect(svg.match(/<rect [^>]*fill="#f08c00"/g)).toHaveLength(3);
    expect(svg).toContain('1er trimestre 2026');
  });

  it('writes euros and thousands the French way, and slants long labels', () => {
    expect(axisValue(12_500_000, 'cents')).toBe('125\u202f000 €');
    expect(axisValue(1500, 'count')).toBe('1\u202f500');
    const many = barChartSvg({
      ...CHART,
      labels: Array.from({ length: 12 }, (_, i) => `Thème numéro ${i + 1} assez long`),
      series: [{ name: 'Demandes', values: Array.from({ length: 12 }, (_, i) => i) }],
    });
    expect(many).toContain('rotate(-35');
  });

  it('rasterises to a PNG of the chart’s size', async () => {
    const png = Buffer.from(await barChartPng(CHART));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(CHART_WIDTH);
    expect(png.readUInt32BE(20)).toBe(CHART_HEIGHT);
  });
});
