import { Button } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { invoke } from '../api/client';
import { ConfirmModal } from './ConfirmModal';
import { notifyError, notifySuccess } from './notify';
import { useRemoval } from './useRemoval';
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
  const [archiving, setArchiving] = useState(false);
  const removal = useRemoval<number>({
    remove: (target) => invoke(`${kind}.remove`, { id: target }),
    removed: texts.removed,
    onRemoved: () => navigate(listPath(`/${kind}`)),
  });

  const toggleArchive = async () => {
    setArchiving(true);
    const result = await invoke(archived ? `${kind}.restore` : `${kind}.archive`, { id });
    setArchiving(false);
    if (!result.ok) return notifyError(result.error);
    notifySuccess(archived ? texts.restored : texts.archived);
    onChanged();
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
        loading={archiving}
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
        onClick={() => removal.ask(id)}
      >
        Supprimer
      </Button>
      <ConfirmModal
        {...removal.confirmProps}
        title={texts.removeTitle}
        confirmLabel="Supprimer définitivement"
      >
        {texts.removeBody}
      </ConfirmModal>
    </>
  );
}
