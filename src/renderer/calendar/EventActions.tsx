import { Alert, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import {
  IconCalendarCheck,
  IconCalendarX,
  IconChevronDown,
  IconCopy,
  IconDownload,
  IconFileTypePdf,
  IconPencil,
  IconRestore,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CalendarEvent } from '../../shared/api/calendar';
import type { EventStatus } from '../../shared/domain/calendar';
import { todayInParis } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { notifyError, notifySuccess } from '../components/notify';
import { saveFile } from '../components/saveFile';
import { listPath } from '../components/useSearchState';
import { todoChanged } from '../todo/todoEvents';
import { AttendanceSheet } from './AttendanceSheet';
import { DuplicateForm } from './DuplicateForm';
import { ICS_MIME } from './IcsButtons';

const STATUS_DONE: Record<EventStatus, string> = {
  tenu: 'Évènement marqué comme tenu.',
  annule: 'Évènement annulé. Il reste dans le calendrier, barré.',
  prevu: 'Évènement rétabli : il est de nouveau prévu.',
};

/**
 * Modifier, Marquer comme tenu (once it has started), the attendance sheet, the .ics export,
 * and under « Autres actions »: Dupliquer, Annuler l’évènement (or Rétablir), Supprimer.
 */
export function EventActions({
  event: e,
  onChanged,
}: {
  event: CalendarEvent;
  onChanged: () => void;
}) {
  const navigate = useNavigate();
  const [open, setOpen] = useState<'sheet' | 'duplicate' | 'cancel' | 'remove' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const close = () => {
    setOpen(null);
    setRefusal(null);
  };

  const setStatus = async (status: EventStatus) => {
    setBusy(status);
    const result = await invoke('calendar.setStatus', { id: e.id, status });
    setBusy(null);
    if (!result.ok) {
      if (open) return setRefusal(result.error.message);
      return notifyError(result.error);
    }
    close();
    notifySuccess(STATUS_DONE[status]);
    todoChanged();
    onChanged();
  };

  const exportIcs = async () => {
    setBusy('ics');
    const result = await invoke('calendar.exportIcs', { id: e.id });
    setBusy(null);
    if (!result.ok) return notifyError(result.error, 'Export impossible');
    saveFile(result.value.fileName, ICS_MIME, result.value.content);
  };

  const remove = async () => {
    setBusy('remove');
    const result = await invoke('calendar.remove', { id: e.id });
    setBusy(null);
    if (!result.ok) return setRefusal(result.error.message);
    close();
    notifySuccess('Évènement supprimé.');
    todoChanged();
    navigate(listPath('/calendrier'));
  };

  const started = e.start.slice(0, 10) <= todayInParis();

  return (
    <>
      <Button
        leftSection={<IconPencil size={16} aria-hidden />}
        onClick={() => navigate(`/calendrier/${e.id}/modifier`)}
      >
        Modifier
      </Button>
      {e.status === 'prevu' && started && (
        <Button
          variant="default"
          leftSection={<IconCalendarCheck size={16} aria-hidden />}
          loading={busy === 'tenu'}
          onClick={() => void setStatus('tenu')}
        >
          Marquer comme tenu
        </Button>
      )}
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={16} aria-hidden />}
        onClick={() => setOpen('sheet')}
      >
        Feuille d’émargement
      </Button>
      <Button
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
        loading={busy === 'ics'}
        onClick={() => void exportIcs()}
      >
        Exporter (.ics)
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
            Autres actions
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconCopy size={16} aria-hidden />}
            onClick={() => setOpen('duplicate')}
          >
            Dupliquer
          </Menu.Item>
          {e.status === 'annule' ? (
            <Menu.Item
              leftSection={<IconRestore size={16} aria-hidden />}
              onClick={() => void setStatus('prevu')}
            >
              Rétablir l’évènement
            </Menu.Item>
          ) : (
            <Menu.Item
              leftSection={<IconCalendarX size={16} aria-hidden />}
              onClick={() => setOpen('cancel')}
            >
              Annuler l’évènement
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setOpen('remove')}
          >
            Supprimer
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>

      <AttendanceSheet eventId={e.id} opened={open === 'sheet'} onClose={close} />

      <Modal
        opened={open === 'duplicate'}
        onClose={close}
        title="Dupliquer l’évènement"
        centered
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {open === 'duplicate' && (
          <DuplicateForm
            event={e}
            onDone={(id) => {
              close();
              todoChanged();
              navigate(`/calendrier/${id}`);
            }}
            onCancel={close}
          />
        )}
      </Modal>

      <Modal
        opened={open === 'cancel'}
        onClose={close}
        title="Annuler cet évènement ?"
        centered
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        <Stack>
          <Text size="sm">
            « {e.title} » restera dans le calendrier, barré, avec ses invités. Il ne compte plus
            pour les objectifs de l’année. Vous pourrez le rétablir.
          </Text>
          {refusal && (
            <Alert color="red" variant="light" role="alert" title="Action refusée">
              {refusal}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy !== null}>
              Garder l’évènement
            </Button>
            <Button
              color="red"
              loading={busy === 'annule'}
              onClick={() => void setStatus('annule')}
            >
              Annuler l’évènement
            </Button>
          </Group>
        </Stack>
      </Modal>

      <ConfirmModal
        opened={open === 'remove'}
        title="Supprimer cet évènement ?"
        confirmLabel="Supprimer définitivement"
        error={refusal}
        loading={busy === 'remove'}
        onConfirm={() => void remove()}
        onClose={close}
      >
        <Stack gap="xs">
          <span>
            « {e.title} » sera supprimé définitivement, avec ses invités et leurs présences. Cette
            action ne peut pas être annulée.
          </span>
          {e.seriesId && <span>Les autres dates de la série sont gardées.</span>}
          <span>
            Pour un évènement qui n’a pas eu lieu, annulez-le plutôt : il restera visible.
          </span>
        </Stack>
      </ConfirmModal>
    </>
  );
}
