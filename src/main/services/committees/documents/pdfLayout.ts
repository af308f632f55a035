/**
 * The page frame shared by the committee PDFs: A4 with pdfkit in memory (never on disk),
 * titles, paragraphs, tables whose header repeats on every page and whose tall rows split
 * across pages, and a footer with « Page n / N » written once the page count is known.
 *
 * The bottom margin keeps room for the footer, so text pdfkit flows onto a new page by
 * itself never runs over it. Every string goes through `pdfSafe` (WinAnsi fonts).
 */
import PDFDocument from 'pdfkit';
import { pdfSafe } from './pdfText';

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = 50;
/** Room kept above the bottom margin for the footer. */
const FOOTER_SPACE = 24;

export const FONTS = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
} as const;
export type FontName = (typeof FONTS)[keyof typeof FONTS];

export const COLORS = {
  text: '#1a1a1a',
  muted: '#555555',
  accent: '#1f4e79',
  link: '#0b57d0',
  rule: '#b8b8b8',
  headerFill: '#e6ecf2',
} as const;

export const BODY_SIZE = 10;

export interface Pdf {
  doc: PDFKit.PDFDocument;
  /** Left edge and width of the text column. */
  left: number;
  width: number;
  /** Where content starts on a new page, and the lowest y it may reach (above the footer). */
  top: number;
  bottom: number;
  bytes: Promise<Uint8Array>;
}

/** A new A4 document collecting its bytes in memory. */
export function openPdf(info: { title: string; subject?: string }): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'fr-FR',
    info: {
      Title: pdfSafe(info.title),
      ...(info.subject ? { Subject: pdfSafe(info.subject) } : {}),
      Creator: 'Balise',
      Producer: 'Balise',
    },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  return {
    doc,
    left: MARGIN,
    width: PAGE.width - 2 * MARGIN,
    top: MARGIN,
    bottom: PAGE.height - MARGIN - FOOTER_SPACE,
    bytes,
  };
}

/** Starts a new page when less than `height` is left on this one. */
export function ensureSpace(pdf: Pdf, height: number): void {
  if (pdf.doc.y + height > pdf.bottom) {
    pdf.doc.addPage();
    pdf.doc.x = pdf.left;
  }
}

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: string;
  /** Space after, in points. */
  after?: number;
  /** Left indent from the column's edge. */
  indent?: number;
  align?: 'left' | 'right' | 'center' | 'justify';
}

/** A paragraph of plain text in the text column, flowing over pages when long. */
export function writeText(pdf: Pdf, text: string, style: TextStyle = {}): void {
  const { doc } = pdf;
  const indent = style.indent ?? 0;
  doc
    .font(style.font ?? FONTS.regular)
    .fontSize(style.size ?? BODY_SIZE)
    .fillColor(style.color ?? COLORS.text);
  doc.text(pdfSafe(text), pdf.left + indent, doc.y, {
    width: pdf.width - indent,
    align: style.align ?? 'left',
  });
  doc.x = pdf.left;
  doc.y += style.after ?? 2;
}

/** The document's big title. */
export function documentTitle(pdf: Pdf, text: string): void {
  writeText(pdf, text, { font: FONTS.bold, size: 20, color: COLORS.accent, after: 6 });
}

/** A section's title with a rule under it, kept with at least a few lines of what follows. */
export function sectionTitle(pdf: Pdf, text: string, keepWith = 50): void {
  const { doc } = pdf;
  ensureSpace(pdf, keepWith + 30);
  doc.y += 8;
  writeText(pdf, text, { font: FONTS.bold, size: 13, color: COLORS.accent, after: 0 });
  doc
    .moveTo(pdf.left, doc.y + 1)
    .lineTo(pdf.left + pdf.width, doc.y + 1)
    .lineWidth(0.8)
    .strokeColor(COLORS.accent)
    .stroke();
  doc.y += 7;
}

/** A smaller title (a group of attendance, a sub-part), kept with what follows. */
export function subTitle(pdf: Pdf, text: string, keepWith = 30): void {
  ensureSpace(pdf, keepWith + 20);
  pdf.doc.y += 3;
  writeText(pdf, text, { font: FONTS.bold, size: 11, after: 2 });
}

/** Bulleted plain lines (attendance, links of an agenda item). */
export function bulletLines(pdf: Pdf, lines: string[], style: TextStyle = {}): void {
  const { doc } = pdf;
  const size = style.size ?? BODY_SIZE;
  const indent = style.indent ?? 0;
  for (const line of lines) {
    ensureSpace(pdf, size * 1.3);
    doc
      .font(FONTS.regular)
      .fontSize(size)
      .fillColor(style.color ?? COLORS.text);
    const y = doc.y;
    doc.text('•', pdf.left + indent, y, { width: 10, lineBreak: false });
    doc.text(pdfSafe(line), pdf.left + indent + 12, y, { width: pdf.width - indent - 12 });
    doc.x = pdf.left;
    doc.y += 1;
  }
  doc.y += style.after ?? 2;
}

export interface Column {
  label: string;
  /** Share of the table's width. */
  weight: number;
  font?: FontName;
}

const CELL_PAD = 4;
/** A row taller than a page is split; a piece needs at least this much room. */
const MIN_SPLIT = 40;

/** The longest start of `text` that fits in `height` at the current font, cut at a space if possible. */
function fittingPrefix(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  height: number,
): number {
  const fits = (n: number) => doc.heightOfString(text.slice(0, n), { width }) <= height;
  if (fits(text.length)) return text.length;
  let lo = 0;
  let hi = text.length;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  const space = Math.max(text.lastIndexOf(' ', lo), text.lastIndexOf('\n', lo));
  const cut = space > lo / 2 ? space : lo;
  return Math.max(1, cut);
}

/** Column geometry and cell measures of a table at a font size. */
function tableGeometry(pdf: Pdf, columns: Column[], size: number) {
  const { doc } = pdf;
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (pdf.width * c.weight) / total);
  const xs = widths.map((_, i) => pdf.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const inner = (i: number) => widths[i]! - 2 * CELL_PAD;
  const measure = (i: number, text: string): number => {
    if (!text) return 0;
    doc.font(columns[i]!.font ?? FONTS.regular).fontSize(size);
    return doc.heightOfString(text, { width: inner(i) });
  };
  doc.font(FONTS.bold).fontSize(size);
  const headerHeight =
    Math.max(...columns.map((c, i) => doc.heightOfString(pdfSafe(c.label), { width: inner(i) }))) +
    2 * CELL_PAD;
  const rowHeight = (cells: string[]) =>
    Math.max(...cells.map((c, i) => measure(i, c))) + 2 * CELL_PAD;
  return { xs, inner, headerHeight, rowHeight };
}

/**
 * The height a table needs on the page where it starts: its header and first row (a very
 * tall first row is split anyway, so no more than a third of a page). A title placed just
 * before the table asks for this much room so it never stays alone at the bottom of a page.
 */
export function tableStart(pdf: Pdf, columns: Column[], rows: string[][], size = 9): number {
  const { headerHeight, rowHeight } = tableGeometry(pdf, columns, size);
  const first = rows[0] ? rowHeight(rows[0].map(pdfSafe)) : 0;
  return headerHeight + Math.min(first, (pdf.bottom - pdf.top) / 3);
}

/**
 * A table across the text column. The header is drawn again at the top of every page the
 * table reaches; a row that does not fit moves to the next page, and a row taller than a whole
 * page is split line-wise between pages.
 */
export function table(pdf: Pdf, columns: Column[], rows: string[][], size = 9): void {
  const { doc } = pdf;
  const { xs, inner, headerHeight, rowHeight } = tableGeometry(pdf, columns, size);

  const drawHeader = (top: number): number => {
    doc.rect(pdf.left, top, pdf.width, headerHeight).fill(COLORS.headerFill);
    doc.font(FONTS.bold).fontSize(size).fillColor(COLORS.text);
    columns.forEach((c, i) =>
      doc.text(pdfSafe(c.label), xs[i]! + CELL_PAD, top + CELL_PAD, {
        width: inner(i),
        height: headerHeight,
      }),
    );
    return top + headerHeight;
  };

  const drawRow = (top: number, cells: string[], height: number) => {
    cells.forEach((text, i) => {
      if (!text) return;
      doc
        .font(columns[i]!.font ?? FONTS.regular)
        .fontSize(size)
        .fillColor(COLORS.text);
      doc.text(text, xs[i]! + CELL_PAD, top + CELL_PAD, { width: inner(i), height: height + 2 });
    });
    doc
      .moveTo(pdf.left, top + height)
      .lineTo(pdf.left + pdf.width, top + height)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
  };

  const newPage = (): number => {
    doc.addPage();
    return drawHeader(pdf.top);
  };

  // The header never stays alone at the bottom of a page.
  let y = doc.y;
  if (y + tableStart(pdf, columns, rows, size) > pdf.bottom) {
    doc.addPage();
    y = pdf.top;
  }
  y = drawHeader(y);
  for (const row of rows) {
    let cells = row.map(pdfSafe);
    for (;;) {
      const height = rowHeight(cells);
      if (y + height <= pdf.bottom) {
        drawRow(y, cells, height);
        y += height;
        break;
      }
      const freshRoom = pdf.bottom - pdf.top - headerHeight;
      if (height <= freshRoom || pdf.bottom - y < MIN_SPLIT) {
        y = newPage();
        continue;
      }
      // Taller than a page: what fits here, the rest on the next page.
      const room = pdf.bottom - y - 2 * CELL_PAD;
      const heads: string[] = [];
      const tails: string[] = [];
      cells.forEach((text, i) => {
        doc.font(columns[i]!.font ?? FONTS.regular).fontSize(size);
        const n = text ? fittingPrefix(doc, text, inner(i), room) : 0;
        heads.push(text.slice(0, n).trimEnd());
        tails.push(text.slice(n).trimStart());
      });
      drawRow(y, heads, pdf.bottom - y);
      cells = tails;
      y = newPage();
    }
  }
  doc.x = pdf.left;
  doc.y = y + 8;
}

/** Writes every page's footer (`label` and « Page n / N ») and returns the PDF's bytes. */
export function finishPdf(pdf: Pdf, label: string): Promise<Uint8Array> {
  const { doc } = pdf;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = PAGE.height - MARGIN - 10;
    // Writing below the bottom margin must not open a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .moveTo(pdf.left, y - 5)
      .lineTo(pdf.left + pdf.width, y - 5)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.font(FONTS.regular).fontSize(8).fillColor(COLORS.muted);
    doc.text(pdfSafe(label), pdf.left, y, {
      width: pdf.width - 70,
      height: 10,
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(`Page ${i - start + 1} / ${count}`, pdf.left + pdf.width - 70, y, {
      width: 70,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return pdf.bytes;
}
