/**
 * The minutes' rich text drawn with pdfkit: paragraphs, headings, bullet and numbered lists
 * nested at any depth, bold, italic, hard line breaks, and links in blue underlined text
 * that stay clickable (their address follows in brackets when the words differ from it, so
 * a printed copy keeps it).
 */
import type { RichBlock, RichDoc, RichInline } from '../../../../shared/domain/richText';
import { BODY_SIZE, COLORS, ensureSpace, FONTS, type FontName, type Pdf } from './pdfLayout';
import { pdfSafe } from './pdfText';

interface Segment {
  text: string;
  font: FontName;
  color: string;
  link: string | null;
}

interface BaseStyle {
  bold: boolean;
  italic: boolean;
  color: string;
}

function fontOf(bold: boolean, italic: boolean): FontName {
  if (bold) return italic ? FONTS.boldItalic : FONTS.bold;
  return italic ? FONTS.italic : FONTS.regular;
}

/** The visible address of a link, without « mailto: ». */
function shownAddress(href: string): string {
  return href.replace(/^mailto:/i, '');
}

/** Inline nodes as runs of one style each; hard breaks become line breaks. */
function segmentsOf(content: RichInline[] | undefined, base: BaseStyle): Segment[] {
  const segments: Segment[] = [];
  const push = (segment: Segment) => {
    if (!segment.text) return;
    const last = segments.at(-1);
    if (
      last &&
      last.font === segment.font &&
      last.color === segment.color &&
      last.link === segment.link
    )
      last.text += segment.text;
    else segments.push(segment);
  };
  for (const node of content ?? []) {
    if (node.type === 'hardBreak') {
      push({ text: '\n', font: fontOf(base.bold, base.italic), color: base.color, link: null });
      continue;
    }
    const marks = node.marks ?? [];
    const bold = base.bold || marks.some((m) => m.type === 'bold');
    const italic = base.italic || marks.some((m) => m.type === 'italic');
    const link = marks.find((m) => m.type === 'link');
    const text = pdfSafe(node.text);
    if (!link) {
      push({ text, font: fontOf(bold, italic), color: base.color, link: null });
      continue;
    }
    const href = link.attrs.href;
    push({ text, font: fontOf(bold, italic), color: COLORS.link, link: href });
    if (text.trim() !== shownAddress(href) && text.trim() !== href)
      push({
        text: ` (${pdfSafe(shownAddress(href))})`,
        font: FONTS.regular,
        color: COLORS.muted,
        link: null,
      });
  }
  return segments;
}

/** One paragraph of styled runs at `x`, `width` wide, flowing over pages. */
function writeInline(pdf: Pdf, segments: Segment[], x: number, width: number, size: number) {
  const { doc } = pdf;
  if (segments.length === 0) {
    doc.y += size * 0.8;
    return;
  }
  const y = doc.y;
  segments.forEach((segment, i) => {
    doc.font(segment.font).fontSize(size).fillColor(segment.color);
    const options: PDFKit.Mixins.TextOptions = {
      width,
      continued: i < segments.length - 1,
      link: segment.link,
      underline: segment.link !== null,
    };
    if (i === 0) doc.text(segment.text, x, y, options);
    else doc.text(segment.text, options);
  });
  doc.fillColor(COLORS.text);
}

/** Markers by depth, as word processors cycle them (only WinAnsi characters). */
const BULLETS = ['•', '–', 'o'];

function writeList(
  pdf: Pdf,
  list: Extract<RichBlock, { type: 'bulletList' | 'orderedList' }>,
  x: number,
  width: number,
  depth: number,
) {
  const { doc } = pdf;
  const ordered = list.type === 'orderedList';
  const start = ordered ? (list.attrs?.start ?? 1) : 1;
  doc.font(FONTS.regular).fontSize(BODY_SIZE);
  const markerWidth = ordered ? doc.widthOfString(`${start + list.content.length - 1}.`) + 6 : 12;
  list.content.forEach((item, i) => {
    ensureSpace(pdf, BODY_SIZE * 1.5);
    const y = doc.y;
    doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(COLORS.text);
    const marker = ordered ? `${start + i}.` : BULLETS[depth % BULLETS.length]!;
    doc.text(marker, x, y, { width: markerWidth, lineBreak: false });
    doc.y = y;
    writeBlocks(pdf, item.content, x + markerWidth, width - markerWidth, depth + 1, true);
  });
}

function writeBlocks(
  pdf: Pdf,
  blocks: RichBlock[],
  x: number,
  width: number,
  depth: number,
  inList: boolean,
) {
  const { doc } = pdf;
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        writeInline(
          pdf,
          segmentsOf(block.content, { bold: false, italic: false, color: COLORS.text }),
          x,
          width,
          BODY_SIZE,
        );
        doc.y += inList ? 2 : 5;
        break;
      case 'heading': {
        const major = block.attrs.level === 2;
        ensureSpace(pdf, 50);
        doc.y += major ? 5 : 3;
        writeInline(
          pdf,
          segmentsOf(block.content, { bold: true, italic: !major, color: COLORS.text }),
          x,
          width,
          major ? 11.5 : 10.5,
        );
        doc.y += 3;
        break;
      }
      case 'bulletList':
      case 'orderedList':
        writeList(pdf, block, x, width, depth);
        if (!inList) doc.y += 3;
        break;
    }
  }
  doc.x = pdf.left;
}

/** Draws a rich-text document in the text column, from the current position. */
export function writeRichDoc(pdf: Pdf, rich: RichDoc, indent = 0): void {
  writeBlocks(pdf, rich.content ?? [], pdf.left + indent, pdf.width - indent, 0, false);
}
