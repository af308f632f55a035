import { Alert, Button, FileButton, List, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { RouteOutput } from '../../shared/api/contract';
import { MAX_ICS_BYTES } from '../../shared/domain/calendar';
import { formatDate } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { plural } from '../components/format';
import { notifyError, notifySuccess } from '../components/notify';
import { saveFile } from '../components/saveFile';
import { todoChanged } from '../todo/todoEvents';
import type { VisibleRange } from './CalendarView';

export const ICS_MIME = 'text/calendar';

/** « Exporter la période (.ics) »: every event shown, as a file other calendars import. */
export function ExportPeriodButton({ range }: { range: VisibleRange | null }) {
  const [busy, setBusy] = useState(false);
  const exportPeriod = async () => {
    if (!range) return;
    setBusy(true);
    const result = await invoke('calendar.exportIcs', { from: range.from, to: range.to });
    setBusy(false);
    if (!result.ok) return notifyError(result.error, 'Export impossible');
    const { fileName, content, count } = result.value;
    if (count === 0)
      return notifyError(
        `Aucun évènement du ${formatDate(range.from)} au ${formatDate(range.to)} : il n’y a rien à exporter.`,
        'Export vide',
      );
    saveFile(fileName, ICS_MIME, content);
    notifySuccess(
      `${plural(count, 'évènement', 'évènements')} dans « ${fileName} ». Outlook, Thunderbird et Google Agenda savent l’importer.`,
      'Export prêt',
    );
  };
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden />}
      loading={busy}
      disabled={range === null}
      onClick={() => void exportPeriod()}
    >
      Exporter la période (.ics)
    </Button>
  );
}

type ImportSummary = RouteOutput<'calendar.importIcs'> & { fileName: string };

/** Why a chosen file cannot be imported, in French; null when it can. */
export function icsProblem(file: { name: string; size: number; type: string }): string | null {
  if (!/\.ics$/i.test(file.name) && file.type !== ICS_MIME)
    return `« ${file.name} » n’est pas un fichier de calendrier (.ics).`;
  if (file.size === 0) return `« ${file.name} » est vide.`;
  if (file.size > MAX_ICS_BYTES)
    return `« ${file.name} » est trop volumineux : un fichier .ics ne peut pas dépasser 5 Mo. Exportez une période plus courte depuis l’autre calendrier.`;
  return null;
}

/** « Importer un fichier .ics »: reads it in memory, imports it, says what changed. */
export function ImportIcsButton({ onImported }: { onImported: () => void }) {
  const reset = useRef<() => void>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  const importFile = async (file: File | null) => {
    reset.current?.();
    if (!file) return;
    const problem = icsProblem(file);
    if (problem) return notifyError(problem, 'Import impossible');
    setBusy(true);
    try {
      const content = await file.text();
      const result = await invoke('calendar.importIcs', { fileName: file.name, content });
      if (!result.ok) return notifyError(result.error, 'Import impossible');
      setSummary({ ...result.value, fileName: file.name });
      onImported();
      todoChanged();
    } catch {
      notifyError(`« ${file.name} » n’a pas pu être lu.`, 'Import impossible');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <FileButton
        onChange={(file) => void importFile(file)}
        accept=".ics,text/calendar"
        resetRef={reset}
      >
        {(props) => (
          <Button
            {...props}
            variant="default"
            leftSection={<IconUpload size={16} aria-hidden />}
            loading={busy}
          >
            Importer un fichier .ics
          </Button>
        )}
      </FileButton>
      <Modal
        opened={summary !== null}
        onClose={() => setSummary(null)}
        title="Import terminé"
        centered
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {summary && <ImportReport summary={summary} onClose={() => setSummary(null)} />}
      </Modal>
    </>
  );
}

function ImportReport({ summary: s, onClose }: { summary: ImportSummary; onClose: () => void }) {
  const figures = [
    ['Créés', s.created],
    ['Mis à jour', s.updated],
    ['Inchangés', s.unchanged],
  ] as const;
  return (
    <Stack>
      <Text size="sm">
        Fichier « {s.fileName} ». Un évènement déjà importé est reconnu à son identifiant : importer
        de nouveau le même fichier ne crée pas de doublon.
      </Text>
      <SimpleGrid cols={3} component="dl" m={0} aria-label="Résultat de l’import">
        {figures.map(([label, n]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fz={28} fw={700} lh={1.1}>
              {n}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {s.problems.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          title={`${plural(s.problems.length, 'entrée n’a pas pu être lue', 'entrées n’ont pas pu être lues')}`}
        >
          <List size="sm" spacing={2}>
            {s.problems.map((p, i) => (
              <List.Item key={i}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Button onClick={onClose} style={{ alignSelf: 'flex-end' }} data-autofocus>
        Retour au calendrier
      </Button>
    </Stack>
  );
}
