import { useState } from 'react';
import type { Result } from '../../shared/result';
import { notifySuccess } from './notify';

interface Options<T> {
  /** The removal itself, for the confirmed target. */
  remove: (target: T) => Promise<Result<unknown>>;
  /** The success notification. */
  removed: string | ((target: T) => string);
  /** After the notification: reload, tell « À faire », go back to the list… */
  onRemoved: (target: T) => void;
}

/** What `ConfirmModal` needs besides its texts. */
export interface RemovalConfirmProps {
  opened: boolean;
  error: string | null;
  loading: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * Removal after confirmation: `ask(target)` opens the `ConfirmModal` (spread `confirmProps`
 * on it), which shows a refusal (e.g. a CONFLICT) in place; once removed: notify, then
 * `onRemoved`.
 */
export function useRemoval<T>({ remove, removed, onRemoved }: Options<T>) {
  const [target, setTarget] = useState<T | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (target === null) return;
    setBusy(true);
    const result = await remove(target);
    setBusy(false);
    if (!result.ok) return setRefusal(result.error.message);
    notifySuccess(typeof removed === 'string' ? removed : removed(target));
    setTarget(null);
    onRemoved(target);
  };

  const confirmProps: RemovalConfirmProps = {
    opened: target !== null,
    error: refusal,
    loading: busy,
    onConfirm: () => void confirm(),
    onClose: () => setTarget(null),
  };

  return {
    /** What is being confirmed, or null. */
    target,
    ask: (t: T) => {
      setRefusal(null);
      setTarget(t);
    },
    confirmProps,
  };
}
