import { useState } from 'react';
import type { Result } from '../../shared/result';
import { useRemoval } from './useRemoval';

interface Options<R> {
  /** After a save or a removal. */
  onChanged: () => void;
  remove: (target: R) => Promise<Result<unknown>>;
  /** The success notification after a removal. */
  removed: string | ((target: R) => string);
}

/**
 * The records of a panel, edited in an `EditModal` and removed after a `ConfirmModal`:
 * `editing` is the record, « new », or null while the modal is closed. What is removed is
 * the record too, unless `R` says otherwise (a record or one of its files).
 */
export function useEditRemove<T, R = T>({ onChanged, remove, removed }: Options<R>) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const removal = useRemoval<R>({ remove, removed, onRemoved: onChanged });
  const closeEdit = () => setEditing(null);
  return {
    editing,
    edit: (record: T | 'new') => setEditing(record),
    closeEdit,
    /** The form's `onDone`: close the modal, then `onChanged`. */
    saved: () => {
      closeEdit();
      onChanged();
    },
    removing: removal.target,
    askRemove: removal.ask,
    confirmProps: removal.confirmProps,
  };
}
