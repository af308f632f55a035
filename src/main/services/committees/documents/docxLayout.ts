/**
 * The frame of the committee Word documents: French A4 pages, the styles (Arial, Word's own
 * Title and Heading styles so the navigation pane and the table of contents work), tables
 * whose header row repeats on every page, and a footer with « Page n / N ».
 */
import {
  AlignmentType,
  Footer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';

/** A4 and 2 cm margins, in twentieths of a point. */
const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
const PAGE_MARGIN = 1134;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * PAGE_MARGIN;

const ACCENT = '1F4E79';
const MUTED = '555555';

export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: 'Arial', size: 20, language: { value: 'fr-FR' } },
      paragraph: { spacing: { after: 60 } },
    },
    title: { run: { font: 'Arial', size: 40, bold: true, color: ACCENT } },
    heading1: {
      run: { font: 'Arial', size: 28, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 320, after: 120 }, keepNext: true },
    },
    heading2: {
      run: { font: 'Arial', size: 24, bold: true, color: '1A1A1A' },
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
    },
    heading3: {
      run: { font: 'Arial', size: 22, bold: true, color: '1A1A1A' },
      paragraph: { spacing: { before: 160, after: 60 }, keepNext: true },
    },
    heading4: {
      run: { font: 'Arial', size: 21, bold: true, italics: true, color: '1A1A1A' },
      paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
    },
  },
};

/** A line of grey or emphasised text outside the headings. */
export function plain(
  text: string,
  style: { bold?: boolean; italics?: boolean; muted?: boolean; size?: number; color?: string } = {},
): Paragraph {
  return new Paragraph({
    children: linesOf(text, {
      bold: style.bold,
      italics: style.italics,
      size: style.size,
      color: style.color ?? (style.muted ? MUTED : undefined),
    }),
  });
}

/** Text with line breaks as runs separated by Word line breaks. */
function linesOf(
  text: string,
  style: { bold?: boolean; italics?: boolean; size?: number; color?: string },
): TextRun[] {
  return text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...style }));
}

/** A table the width of the text; `weights` share it between the columns. */
export function docxTable(
  headers: readonly string[],
  rows: string[][],
  weights: number[],
  boldFirstColumn = false,
): Table {
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.round((CONTENT_WIDTH * w) / total));
  const cell = (text: string, width: number, bold: boolean, header: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E6ECF2' } } : {}),
      children: [new Paragraph({ children: linesOf(text, { bold, size: 18 }) })],
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(h, widths[i]!, true, true)),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            children: row.map((text, i) =>
              cell(text, widths[i]!, boldFirstColumn && i === 0, false),
            ),
          }),
      ),
    ],
  });
}

/** An A4 section with the footer « label … Page n / N ». */
export function docxSection(label: string, children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
        margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN },
      },
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
            alignment: AlignmentType.LEFT,
            children: [
              new TextRun({ text: label, size: 16, color: MUTED }),
              new TextRun({
                children: ['\tPage ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                size: 16,
                color: MUTED,
              }),
            ],
          }),
        ],
      }),
    },
    children,
  };
}
