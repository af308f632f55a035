/**
 * The minutes' rich text as Word paragraphs: headings in Word's heading styles, bullet and
 * numbered lists as real Word lists (numbering definitions, so Word keeps numbering them
 * when the secretary edits), bold, italic, line breaks and clickable hyperlinks.
 */
import {
  AlignmentType,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Paragraph,
  TextRun,
  type ILevelsOptions,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';
import type { RichBlock, RichDoc, RichInline } from '../../../../shared/domain/richText';

const BULLET_REFERENCE = 'balise-bullets';
const BULLET_MARKS = ['•', '–', 'o'];
/** Indent per list level, in twentieths of a point (a quarter inch). */
const LEVEL_INDENT = 360;

function levelIndent(level: number) {
  return { left: LEVEL_INDENT * (level + 1), hanging: LEVEL_INDENT };
}

/**
 * The numbering definitions a document's lists use. Each numbered list is its own instance,
 * so numbering starts again at every new list; a list starting at another number than 1
 * gets a definition of its own.
 */
export class DocxLists {
  private starts = new Set<number>();
  private nextInstance = 1;

  numberReference(start: number): string {
    this.starts.add(start);
    return `balise-numbers-${start}`;
  }

  newInstance(): number {
    return this.nextInstance++;
  }

  /** The `numbering` option of the Document. */
  options(): INumberingOptions {
    const levels = (make: (level: number) => ILevelsOptions) =>
      Array.from({ length: 9 }, (_, level) => make(level));
    return {
      config: [
        {
          reference: BULLET_REFERENCE,
          levels: levels((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: BULLET_MARKS[level % BULLET_MARKS.length]!,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: levelIndent(level) } },
          })),
        },
        ...[...this.starts].map((start) => ({
          reference: `balise-numbers-${start}`,
          levels: levels((level) => ({
            level,
            format: level % 2 === 0 ? LevelFormat.DECIMAL : LevelFormat.LOWER_LETTER,
            text: `%${level + 1}.`,
            start: level === 0 ? start : 1,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: levelIndent(level) } },
          })),
        })),
      ],
    };
  }
}

interface InlineStyle {
  bold?: boolean;
  italics?: boolean;
}

/** Inline nodes as Word runs; links become hyperlinks in Word's Hyperlink style. */
export function runsOf(
  content: RichInline[] | undefined,
  base: InlineStyle = {},
): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const node of content ?? []) {
    if (node.type === 'hardBreak') {
      runs.push(new TextRun({ text: '', break: 1 }));
      continue;
    }
    const marks = node.marks ?? [];
    const style = {
      bold: base.bold || marks.some((m) => m.type === 'bold') || undefined,
      italics: base.italics || marks.some((m) => m.type === 'italic') || undefined,
    };
    const link = marks.find((m) => m.type === 'link');
    if (link)
      runs.push(
        new ExternalHyperlink({
          link: link.attrs.href,
          children: [new TextRun({ text: node.text, style: 'Hyperlink', ...style })],
        }),
      );
    else runs.push(new TextRun({ text: node.text, ...style }));
  }
  return runs;
}

interface ListContext {
  reference: string;
  instance: number;
  level: number;
}

function blocksToParagraphs(
  blocks: RichBlock[],
  lists: DocxLists,
  list: ListContext | null,
  out: Paragraph[],
): void {
  blocks.forEach((block, i) => {
    // Only an item's first paragraph carries its bullet or number; the next ones are indented.
    const numbering =
      list && i === 0
        ? { numbering: { reference: list.reference, level: list.level, instance: list.instance } }
        : list
          ? { indent: { left: LEVEL_INDENT * (list.level + 1) } }
          : {};
    switch (block.type) {
      case 'paragraph':
        out.push(
          new Paragraph({ children: runsOf(block.content), ...numbering, spacing: { after: 80 } }),
        );
        break;
      case 'heading':
        out.push(
          list
            ? new Paragraph({ children: runsOf(block.content, { bold: true }), ...numbering })
            : new Paragraph({
                heading: block.attrs.level === 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4,
                children: runsOf(block.content),
              }),
        );
        break;
      case 'bulletList':
      case 'orderedList': {
        const level = list ? Math.min(list.level + 1, 8) : 0;
        const reference =
          block.type === 'orderedList'
            ? lists.numberReference(block.attrs?.start ?? 1)
            : BULLET_REFERENCE;
        const instance = lists.newInstance();
        for (const item of block.content)
          blocksToParagraphs(item.content, lists, { reference, instance, level }, out);
        break;
      }
    }
  });
}

/** The paragraphs of a rich-text document (the lists' definitions are collected in `lists`). */
export function richParagraphs(rich: RichDoc, lists: DocxLists): Paragraph[] {
  const out: Paragraph[] = [];
  blocksToParagraphs(rich.content ?? [], lists, null, out);
  return out;
}
