import { ActionIcon, Group, type GroupProps } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  /** The accessible names, which say which row: « Modifier le versement avance 2026 ». */
  editLabel: string;
  removeLabel: string;
  onEdit: () => void;
  /** Without it, the row has no remove button (a record that cannot be removed). */
  onRemove?: () => void;
  justify?: GroupProps['justify'];
  /** The row's other buttons, before these two. */
  children?: ReactNode;
}

/** A row's pencil and red bin. */
export function RowActions({ editLabel, removeLabel, onEdit, onRemove, justify, children }: Props) {
  return (
    <Group gap={4} wrap="nowrap" justify={justify}>
      {children}
      <ActionIcon variant="subtle" aria-label={editLabel} onClick={onEdit}>
        <IconPencil size={16} aria-hidden />
      </ActionIcon>
      {onRemove && (
        <ActionIcon variant="subtle" color="red" aria-label={removeLabel} onClick={onRemove}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}

/** « Monter » and « Descendre » for a row of an ordered list; `name` says which row. */
export function MoveButtons({
  name,
  first,
  last,
  onMove,
}: {
  name: string;
  first: boolean;
  last: boolean;
  onMove: (direction: 'up' | 'down') => void;
}) {
  return (
    <>
      <ActionIcon
        variant="subtle"
        aria-label={`Monter « ${name} »`}
        disabled={first}
        onClick={() => onMove('up')}
      >
        <IconArrowUp size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        aria-label={`Descendre « ${name} »`}
        disabled={last}
        onClick={() => onMove('down')}
      >
        <IconArrowDown size={16} aria-hidden />
      </ActionIcon>
    </>
  );
}
