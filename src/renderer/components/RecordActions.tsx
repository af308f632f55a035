import { Button } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { invoke } from '../api/client';
import { ConfirmModal } from './ConfirmModal';
import { notifyError, notifySuccess } from './notify';
import { listPath } from './useSearchState';

export interface RecordTexts {
  archived: string;
  restored: string;
  removed: string;
  removeTitle: string;
  removeBody: ReactNode;
}

interface Props {
  kind: 'structures' | 'promeneurs';
  id: number;
  archived: boolean;
  texts: RecordTexts;
  /** After archiving or restoring: the page reloads the record. */
  onChanged: () => void;
}

/** Modifier, Archiver or Restaurer, and Supprimer (after confirmation) for one record. */
export function RecordActions({ kind, id, archived, texts, onChanged }: Props) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState<'archive' | 'remove' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const toggleArchive = async () => {
    setBusy('archive');
    const result = await invoke(archived ? `${kind}.restore` : `${kind}.archive`, { id });
    setBusy(null);
    if (!result.ok) return notifyError(result.error);
    notifySuccess(archived ? texts.restored : texts.archived);
    onChanged();
  };

  const remove = async () => {
    setBusy('remove');
    const result = await invoke(`${kind}.remove`, { id });
    setBusy(null);
    if (!result.ok) return setRefusal(result.error.message);
    setConfirming(false);
    notifySuccess(texts.removed);
    navigate(listPath(`/${kind}`));
  };

  return (
    <>
      <Button
        leftSection={<IconPencil size={16} aria-hidden />}
        onClick={() => navigate(`/${kind}/${id}/modifier`)}
      >
        Modifier
      </Button>
      <Button
        variant="default"
        loading={busy === 'archive'}
        leftSection={
          archived ? (
            <IconArchiveOff size={16} aria-hidden />
          ) : (
            <IconArchive size={16} aria-hidden />
          )
        }
        onClick={() => void toggleArchive()}
      >
        {archived ? 'Restaurer' : 'Archiver'}
      </Button>
      <Button
        variant="outline"
        color="red"
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => {
          setRefusal(null);
          setConfirming(true);
        }}
      >
        Supprimer
      </Button>
      <ConfirmModal
        opened={confirming}
        title={texts.removeTitle}
        confirmLabel="Supprimer définitivement"
        error={refusal}
        loading={busy === 'remove'}
        onConfirm={() => void remove()}
        onClose={() => setConfirming(false)}
      >
        {texts.removeBody}
      </ConfirmModal>
    </>
  );
}
