/**
 * « Enregistrer en PNG »: the chart's SVG serialised, drawn on a canvas under its title and
 * period, with its legend below (the legend is HTML on screen, so it is drawn again here),
 * and handed to the person through the save dialog.
 */
import { saveFile } from '../components/saveFile';

export interface LegendItem {
  label: string;
  colour: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const SCALE = 2;
const PAD = 24;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('Le graphique n’a pas pu être converti en image.'));
    image.src = url;
  });
}

/** The SVG as a standalone document, its size and font written in. */
function standaloneSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('style', `font-family: ${FONT}; font-size: 12px; background: #fff`);
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

/** Where each legend item goes, wrapping lines to `width`. */
function legendLayout(ctx: CanvasRenderingContext2D, items: LegendItem[], width: number) {
  const placed: { item: LegendItem; x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const w = 18 + ctx.measureText(item.label).width + 20;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 22;
    }
    placed.push({ item, x, y });
    x += w;
  }
  return { placed, height: items.length === 0 ? 0 : y + 22 };
}

/** The PNG bytes of a chart with its title, subtitle and legend. */
export async function chartPng(
  svg: SVGSVGElement,
  title: string,
  subtitle: string,
  legend: LegendItem[],
): Promise<Uint8Array> {
  const { markup, width, height } = standaloneSvg(svg);
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = `13px ${FONT}`;
  const layout = legendLayout(measure, legend, width);
  const top = PAD + 26 + 22;
  const canvas = document.createElement('canvas');
  const fullWidth = width + PAD * 2;
  const fullHeight = top + height + (layout.height ? 12 + layout.height : 0) + PAD;
  canvas.width = fullWidth * SCALE;
  canvas.height = fullHeight * SCALE;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, fullWidth, fullHeight);
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#212529';
  ctx.font = `bold 17px ${FONT}`;
  ctx.fillText(title, PAD, PAD);
  ctx.fillStyle = '#495057';
  ctx.font = `13px ${FONT}`;
  ctx.fillText(subtitle, PAD, PAD + 26);
  ctx.drawImage(image, PAD, top, width, height);
  const legendTop = top + height + 12;
  for (const { item, x, y } of layout.placed) {
    ctx.fillStyle = item.colour;
    ctx.fillRect(PAD + x, legendTop + y + 2, 12, 12);
    ctx.fillStyle = '#212529';
    ctx.fillText(item.label, PAD + x + 18, legendTop + y + 1);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('Le graphique n’a pas pu être converti en image.');
  return new Uint8Array(await blob.arrayBuffer());
}

/** « demandes-par-theme-2026.png » */
export function pngFileName(title: string, period: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${slug(title)}-${slug(period)}.png`;
}

export async function saveChartPng(
  svg: SVGSVGElement,
  title: string,
  subtitle: string,
  legend: LegendItem[],
  period: string,
): Promise<void> {
  saveFile(pngFileName(title, period), 'image/png', await chartPng(svg, title, subtitle, legend));
}
