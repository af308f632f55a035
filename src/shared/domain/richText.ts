/**
 * Rich text (the minutes of a committee): a ProseMirror/TipTap JSON document restricted to
 * what the editor offers — paragraphs, headings, bullet and ordered lists, bold, italic and
 * links. It is stored as JSON and rendered to PDF and .docx by walking it: there is no HTML
 * to sanitise anywhere.
 */
import { z } from 'zod';

const link = z.object({
  type: z.literal('link'),
  attrs: z
    .object({
      href: z
        .string()
        .max(2000)
        .regex(/^(https?:|mailto:)/i, 'Lien non pris en charge.'),
    })
    .loose(),
});
const mark = z.union([
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  link,
]);
export type RichMark = z.output<typeof mark>;

const text = z.object({
  type: z.literal('text'),
  text: z.string().max(20_000),
  marks: z.array(mark).max(5).optional(),
});
const hardBreak = z.object({ type: z.literal('hardBreak') });
const inline = z.union([text, hardBreak]);
export type RichInline = z.output<typeof inline>;

const paragraph = z.object({
  type: z.literal('paragraph'),
  content: z.array(inline).max(2000).optional(),
});
const heading = z.object({
  type: z.literal('heading'),
  attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }).loose(),
  content: z.array(inline).max(2000).optional(),
});

export interface RichListItem {
  type: 'listItem';
  content: RichBlock[];
}
export type RichBlock =
  | z.output<typeof paragraph>
  | z.output<typeof heading>
  | { type: 'bulletList'; content: RichListItem[] }
  | { type: 'orderedList'; attrs?: { start?: number }; content: RichListItem[] };

const block: z.ZodType<RichBlock> = z.lazy(() =>
  z.union([
    paragraph,
    heading,
    z.object({ type: z.literal('bulletList'), content: z.array(listItem).min(1).max(500) }),
    z.object({
      type: z.literal('orderedList'),
      attrs: z
        .object({ start: z.number().int().min(0).max(10_000).optional() })
        .loose()
        .optional(),
      content: z.array(listItem).min(1).max(500),
    }),
  ]),
);
const listItem: z.ZodType<RichListItem> = z.lazy(() =>
  z.object({ type: z.literal('listItem'), content: z.array(block).min(1).max(200) }),
);

/** A whole rich-text document, as the editor gives it (`editor.getJSON()`). */
export const richDoc = z.object({
  type: z.literal('doc'),
  content: z.array(block).max(5000).optional(),
});
export type RichDoc = z.output<typeof richDoc>;

export const EMPTY_RICH_DOC: RichDoc = { type: 'doc', content: [] };

/** The plain text of a document, a line per block (for search and previews). */
export function richText(doc: RichDoc): string {
  const lines: string[] = [];
  const inlineText = (content: RichInline[] | undefined) =>
    (content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
  const walk = (blocks: RichBlock[]) => {
    for (const b of blocks) {
      if (b.type === 'paragraph' || b.type === 'heading') lines.push(inlineText(b.content));
      else for (const item of b.content) walk(item.content);
    }
  };
  walk(doc.content ?? []);
  return lines.join('\n').trim();
}
