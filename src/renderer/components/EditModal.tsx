import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props<T> {
  /** The record being edited, « new », or null (closed). */
  editing: T | 'new' | null;
  onClose: () => void;
  newTitle: string;
  editTitle: string | ((record: T) => string);
  size?: ModalProps['size'];
  /** The form, given the record, or null for a new one. */
  children: (record: T | null) => ReactNode;
}

/** The modal that holds a record's form, to create one or to edit one. */
export function EditModal<T>({ editing, onClose, newTitle, editTitle, size, children }: Props<T>) {
  const title =
    editing === 'new'
      ? newTitle
      : typeof editTitle === 'string'
        ? editTitle
        : editing === null
          ? ''
          : editTitle(editing);
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={title}
      size={size}
      centered
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      {editing !== null && children(editing === 'new' ? null : editing)}
    </Modal>
  );
}
