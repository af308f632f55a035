import { ActionIcon, Button, Group, Popover, Stack, TextInput, Tooltip } from '@mantine/core';
import {
  IconBold,
  IconH2,
  IconH3,
  IconItalic,
  IconLink,
  IconLinkOff,
  IconList,
  IconListNumbers,
} from '@tabler/icons-react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useState, type ReactNode } from 'react';
import type { RichDoc } from '../../shared/domain/richText';
import './minutes.css';

/** Links the minutes may hold (the documents refuse any other). */
const ALLOWED_LINK = /^(https?:|mailto:)/i;

/**
 * Only what the minutes' schema (shared/domain/richText.ts) accepts: paragraphs, headings
 * 2 and 3, bullet and numbered lists, bold, italic, links. Pasted text keeps those and
 * loses the rest.
 */
const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      isAllowedUri: (url) => ALLOWED_LINK.test(url),
    },
  }),
];

interface Props {
  value: RichDoc;
  onChange: (doc: RichDoc) => void;
  onBlur?: () => void;
  editable: boolean;
  /** The accessible name of the text area (« Compte rendu : Budget »). */
  label: string;
}

/** A rich-text field (TipTap) with a small toolbar, giving its content as JSON. */
export function RichTextEditor({ value, onChange, onBlur, editable, label }: Props) {
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: value,
    editable,
    editorProps: {
      attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON() as RichDoc),
    onBlur: () => onBlur?.(),
  });
  if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  return (
    <div className="minutes-editor" data-readonly={editable ? undefined : true}>
      {editable && editor && <Toolbar editor={editor} label={label} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  // Re-renders the buttons when the selection moves, so they show what applies there.
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <Group
      gap={2}
      className="minutes-editor-toolbar"
      role="toolbar"
      aria-label={`Mise en forme — ${label}`}
    >
      <Tool
        label="Titre"
        active={state.h2}
        onClick={() => chain().toggleHeading({ level: 2 }).run()}
      >
        <IconH2 size={16} aria-hidden />
      </Tool>
      <Tool
        label="Intertitre"
        active={state.h3}
        onClick={() => chain().toggleHeading({ level: 3 }).run()}
      >
        <IconH3 size={16} aria-hidden />
      </Tool>
      <Tool label="Gras" active={state.bold} onClick={() => chain().toggleBold().run()}>
        <IconBold size={16} aria-hidden />
      </Tool>
      <Tool label="Italique" active={state.italic} onClick={() => chain().toggleItalic().run()}>
        <IconItalic size={16} aria-hidden />
      </Tool>
      <Tool
        label="Liste à puces"
        active={state.bullet}
        onClick={() => chain().toggleBulletList().run()}
      >
        <IconList size={16} aria-hidden />
      </Tool>
      <Tool
        label="Liste numérotée"
        active={state.ordered}
        onClick={() => chain().toggleOrderedList().run()}
      >
        <IconListNumbers size={16} aria-hidden />
      </Tool>
      <LinkTool editor={editor} active={state.link} />
    </Group>
  );
}

function Tool({
  label,
  active,
  onClick,
  children,
}: {
  label: string;
  active: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label} openDelay={400}>
      <ActionIcon
        variant={active ? 'light' : 'subtle'}
        color={active ? undefined : 'gray'}
        aria-label={label}
        aria-pressed={active}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** « Lien »: an address for the selected words (https://…, or mailto:…), or no link. */
function LinkTool({ editor, active }: { editor: Editor; active: boolean }) {
  const [opened, setOpened] = useState(false);
  const [href, setHref] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = () => {
    setHref((editor.getAttributes('link').href as string | undefined) ?? '');
    setError(null);
    setOpened(true);
  };
  const apply = () => {
    const text = href.trim();
    if (text === '') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      return setOpened(false);
    }
    const url = ALLOWED_LINK.test(text)
      ? text
      : /@/.test(text)
        ? `mailto:${text}`
        : `https://${text}`;
    if (!/^(https?:\/\/[^\s.]+\.[^\s]+|mailto:[^\s@]+@[^\s@]+)$/i.test(url))
      return setError('Adresse invalide (exemple : https://www.exemple.fr).');
    editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-start" withArrow>
      <Popover.Target>
        <Tooltip label="Lien" openDelay={400}>
          <ActionIcon
            variant={active ? 'light' : 'subtle'}
            color={active ? undefined : 'gray'}
            aria-label="Lien"
            aria-pressed={active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => (opened ? setOpened(false) : open())}
          >
            {active ? <IconLinkOff size={16} aria-hidden /> : <IconLink size={16} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Stack gap="xs" w={320}>
            <TextInput
              label="Adresse du lien"
              description="Laissez vide pour retirer le lien."
              placeholder="https://…"
              value={href}
              onChange={(e) => setHref(e.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => setOpened(false)}>
                Annuler
              </Button>
              <Button size="xs" type="submit">
                Appliquer
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
