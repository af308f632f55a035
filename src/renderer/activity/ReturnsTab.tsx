import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { IconCheck, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { MAX_TEMPLATE_BATCH, type ImportPreview } from '../../shared/api/activity';
import { HOURS_ONLINE_LABEL, MAX_TEMPLATE_BYTES } from '../../shared/domain/activity';
import { parsePeriod } from '../../shared/rules/activity';
import { formatInstant } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { formatSize, readAsBase64 } from '../conventions/attachmentFile';
import { plural } from '../components/format';
import { Section } from '../components/FormSection';
import { notifySuccess } from '../components/notify';
import { todoChanged } from '../todo/todoEvents';
import { PeriodSelect, type PeriodChoice } from './PeriodSelect';

interface Returned {
  id: number;
  fileName: string;
  size: number;
  /** Kept in memory only, for the import once the preview was seen. */
  contentBase64: string | null;
  state: 'waiting' | 'refused' | 'errors' | 'ready' | 'importing' | 'imported';
  message?: string;
  preview?: ImportPreview;
  /** The coordinator agreed to replace the figures already there. */
  replace: boolean;
}

/** Why a picked file is not even sent to be read; null when it can be. */
function fileProblem(file: File): string | null {
  if (!/\.xlsx$/i.test(file.name))
    return 'Ce n’est pas un classeur Excel (.xlsx) : enregistrez le modèle au format .xlsx.';
  if (file.size === 0) return 'Le fichier est vide.';
  if (file.size > MAX_TEMPLATE_BYTES)
    return `Fichier trop volumineux (${formatSize(file.size)}, 2 Mo au plus) : ce n’est pas un modèle de bilan d’activité.`;
  return null;
}

let nextId = 1;

/** A part sent to be read is cut at this size too (a few large files make one part). */
const PART_BYTES = 8 * 1024 * 1024;

/**
 * « Retours » : the returned templates, many at once, read in parts (a progress bar says how
 * far), each previewed with its errors per cell; importing replaces figures
 * already received only once the box saying so is ticked. A refused file changes nothing.
 */
export function ReturnsTab({ period }: { period: PeriodChoice }) {
  const [files, setFiles] = useState<Returned[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; what: string } | null>(
    null,
  );
  const reset = useRef<() => void>(null);
  const label = parsePeriod(period.value)?.label ?? period.value;

  const update = (id: number, patch: Partial<Returned>) =>
    setFiles((list) => list.map((f) => (f.id === id ? { ...f, ...patch } : f)));

  const read = async (picked: File[]) => {
    reset.current?.();
    if (picked.length === 0) return;
    const added: Returned[] = picked.map((f) => ({
      id: nextId++,
      fileName: f.name,
      size: f.size,
      contentBase64: null,
      state: 'waiting',
      replace: false,
    }));
    setFiles((list) => [...added, ...list]);
    // Sent in parts, each read in one contained process (starting it costs far more than
    // reading a template); the progress bar moves part by part.
    let part: { entry: Returned; fileName: string; contentBase64: string }[] = [];
    let partBytes = 0;
    let done = 0;
    const showProgress = () =>
      setProgress({ done, total: picked.length, what: 'Lecture des fichiers' });
    const refuse = (entry: Returned, message: string) => {
      update(entry.id, { state: 'refused', message });
      done += 1;
    };
    const send = async () => {
      const sent = part;
      part = [];
      partBytes = 0;
      if (sent.length === 0) return;
      const result = await invoke('activity.importPreview', {
        periodKey: period.value,
        files: sent.map(({ fileName, contentBase64 }) => ({ fileName, contentBase64 })),
      });
      for (const [i, { entry, contentBase64 }] of sent.entries()) {
        const read = result.ok ? result.value[i] : undefined;
        if (!read)
          refuse(entry, result.ok ? 'Le fichier n’a pas pu être lu.' : result.error.message);
        else if (!read.ok) refuse(entry, read.message);
        else {
          update(entry.id, {
            state: read.preview.errors.length > 0 ? 'errors' : 'ready',
            preview: read.preview,
            contentBase64: read.preview.errors.length > 0 ? null : contentBase64,
          });
          done += 1;
        }
      }
      showProgress();
    };
    showProgress();
    for (const [i, file] of picked.entries()) {
      const entry = added[i]!;
      const problem = fileProblem(file);
      if (problem) {
        refuse(entry, problem);
        continue;
      }
      try {
        part.push({ entry, fileName: file.name, contentBase64: await readAsBase64(file) });
        partBytes += file.size;
      } catch {
        refuse(entry, 'Le fichier n’a pas pu être lu.');
        continue;
      }
      if (part.length === MAX_TEMPLATE_BATCH || partBytes >= PART_BYTES) await send();
    }
    await send();
    setProgress(null);
  };

  const importOne = async (f: Returned): Promise<boolean> => {
    if (!f.contentBase64) return false;
    update(f.id, { state: 'importing' });
    const result = await invoke('activity.importConfirm', {
      periodKey: period.value,
      fileName: f.fileName,
      contentBase64: f.contentBase64,
      replace: f.replace,
    });
    if (!result.ok) {
      update(f.id, { state: 'refused', message: result.error.message, contentBase64: null });
      return false;
    }
    update(f.id, {
      state: 'imported',
      contentBase64: null,
      message: result.value.replaced ? 'Chiffres remplacés.' : 'Chiffres importés.',
    });
    return true;
  };

  const importable = files.filter(
    (f) => f.state === 'ready' && (f.preview?.existing === null || f.replace),
  );

  const importAll = async () => {
    let imported = 0;
    for (const [i, f] of importable.entries()) {
      setProgress({ done: i, total: importable.length, what: 'Import des fichiers' });
      if (await importOne(f)) imported += 1;
    }
    setProgress(null);
    if (imported > 0) {
      notifySuccess(`${plural(imported, 'bilan importé', 'bilans importés')} pour « ${label} ».`);
      todoChanged();
    }
  };

  return (
    <Stack gap="lg">
      <PeriodSelect
        {...period}
        onChange={(key) => {
          setFiles([]);
          period.onChange(key);
        }}
      />
      <Section
        title={`Modèles remplis pour « ${label} »`}
        description="Choisissez un ou plusieurs classeurs renvoyés par les Promeneurs. Chacun est vérifié (la personne, la période, chaque cellule) avant tout import ; un fichier refusé ne change rien."
      >
        <Group>
          <FileButton
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(picked) => void read(picked)}
            resetRef={reset}
          >
            {(props) => (
              <Button
                {...props}
                leftSection={<IconUpload size={16} aria-hidden />}
                disabled={progress !== null}
              >
                Choisir des fichiers .xlsx
              </Button>
            )}
          </FileButton>
          {importable.length > 0 && (
            <Button
              variant="light"
              leftSection={<IconFileImport size={16} aria-hidden />}
              disabled={progress !== null}
              onClick={() => void importAll()}
            >
              {importable.length > 1
                ? `Importer les ${importable.length} fichiers prêts`
                : 'Importer le fichier prêt'}
            </Button>
          )}
        </Group>
        {progress && (
          <Stack gap={4} role="status">
            <Text size="sm">
              {progress.what} : {progress.done} / {progress.total}
            </Text>
            <Progress
              value={(progress.done / progress.total) * 100}
              animated
              aria-label={`${progress.what} : ${progress.done} sur ${progress.total}`}
            />
          </Stack>
        )}
        {files.length > 0 && (
          <Stack gap="sm" aria-label="Fichiers choisis">
            {files.map((f) => (
              <ReturnedCard
                key={f.id}
                file={f}
                busy={progress !== null}
                onReplace={(replace) => update(f.id, { replace })}
                onImport={() =>
                  void importOne(f).then((ok) => {
                    if (ok) todoChanged();
                  })
                }
              />
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

function ReturnedCard({
  file: f,
  busy,
  onReplace,
  onImport,
}: {
  file: Returned;
  busy: boolean;
  onReplace: (replace: boolean) => void;
  onImport: () => void;
}) {
  const p = f.preview;
  const badge = {
    waiting: ['gray', 'En attente'],
    refused: ['red', 'Refusé'],
    errors: ['orange', 'À corriger'],
    ready: ['blue', 'Prêt'],
    importing: ['blue', 'Import…'],
    imported: ['teal', 'Importé'],
  }[f.state] as [string, string];
  return (
    <Paper withBorder p="md" radius="md" aria-label={f.fileName} component="article">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Text fw={600}>{f.fileName}</Text>
            {p && (
              <Text size="sm" c="dimmed">
                {p.promeneur.name} · {p.promeneur.structure} · {p.period.label}
              </Text>
            )}
          </Stack>
          <Badge
            color={badge[0]}
            variant="light"
            leftSection={f.state === 'imported' ? <IconCheck size={12} /> : undefined}
          >
            {badge[1]}
          </Badge>
        </Group>
        {f.state === 'refused' && (
          <Alert color="red" variant="light" role="alert">
            {f.message}
          </Alert>
        )}
        {f.state === 'errors' && p && (
          <Alert
            color="orange"
            variant="light"
            title={`${plural(p.errors.length, 'cellule à corriger', 'cellules à corriger')} : rien ne sera importé de ce fichier`}
          >
            <List size="sm" spacing={2}>
              {p.errors.map((e) => (
                <List.Item key={e}>{e}</List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              Renvoyez-le au Promeneur pour qu’il le corrige, ou saisissez ses chiffres à la main.
            </Text>
          </Alert>
        )}
        {p?.figures && (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Figure label="Jeunes contactés" value={p.figures.youngContacted} />
            <Figure label="Rencontrés" value={p.figures.youngMet} />
            <Figure label="Échanges" value={p.figures.exchanges} />
            <Figure
              label={HOURS_ONLINE_LABEL}
              value={p.figures.hoursOnline.toLocaleString('fr-FR')}
            />
          </SimpleGrid>
        )}
        {f.state === 'ready' && p && (
          <Group justify="space-between" align="flex-end">
            {p.existing ? (
              <Checkbox
                color="orange"
                checked={f.replace}
                onChange={(e) => onReplace(e.currentTarget.checked)}
                label={`Remplacer les chiffres déjà reçus (${p.existing.source === 'import' ? 'importés' : 'saisis'} le ${formatInstant(p.existing.updatedAt)})`}
              />
            ) : (
              <span />
            )}
            <Button
              size="xs"
              disabled={busy || (p.existing !== null && !f.replace)}
              onClick={onImport}
            >
              Importer
            </Button>
          </Group>
        )}
        {f.state === 'imported' && (
          <Text size="sm" c="teal">
            {f.message}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{typeof value === 'number' ? value.toLocaleString('fr-FR') : value}</Text>
    </Stack>
  );
}
