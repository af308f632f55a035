import { Alert, Button, FileButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useRef } from 'react';
import type { ImportedTable } from '../../shared/api/directoryImport';
import { formatSize } from '../conventions/attachmentFile';
import { plural } from '../components/format';
import { Loading } from '../components/QueryState';
import { formatDescription } from './mapping';

const ACCEPT =
  '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  /** The file read, with its size; null before one is picked. */
  picked: { fileName: string; size: number } | null;
  table: ImportedTable | null;
  reading: boolean;
  error: string | null;
  onPick: (file: File) => void;
  onNext: () => void;
}

/** Step 1: pick the spreadsheet; say what was found in it (format, sheets, rows). */
export function FileStep({ picked, table, reading, error, onPick, onNext }: Props) {
  const reset = useRef<() => void>(null);
  const empty = table !== null && table.sheets.every((s) => s.rowCount === 0);
  return (
    <Stack gap="md">
      <Text size="sm">
        Choisissez le tableau de votre annuaire : un classeur Excel (.xlsx) ou un fichier CSV, avec
        une ligne par Promeneur du Net (et sa structure) ou une ligne par structure. Les titres des
        colonnes peuvent être les vôtres ; une ligne de titre au-dessus du tableau est ignorée. Rien
        n’est enregistré avant votre confirmation, à la dernière étape.
      </Text>
      <Group>
        <FileButton
          accept={ACCEPT}
          resetRef={reset}
          onChange={(file) => {
            reset.current?.();
            if (file) onPick(file);
          }}
        >
          {(props) => (
            <Button
              {...props}
              variant={table ? 'default' : 'filled'}
              leftSection={<IconUpload size={16} aria-hidden />}
              disabled={reading}
            >
              {table ? 'Choisir un autre fichier' : 'Choisir un fichier .xlsx ou .csv'}
            </Button>
          )}
        </FileButton>
      </Group>
      {reading && picked && <Loading label={`Lecture de « ${picked.fileName} »…`} />}
      {error && !reading && (
        <Alert color="red" variant="light" role="alert" title="Fichier non lu : rien n’a changé">
          {error}
        </Alert>
      )}
      {table && picked && !reading && !error && (
        <Paper withBorder p="md" radius="md" component="section" aria-label="Fichier lu">
          <Stack gap="xs">
            <Group gap="xs" wrap="nowrap">
              <IconFileSpreadsheet size={20} aria-hidden />
              <Text fw={600}>{table.fileName}</Text>
              <Text size="sm" c="dimmed">
                {formatSize(picked.size)}
              </Text>
            </Group>
            <Text size="sm">{formatDescription(table)}</Text>
            <List size="sm" spacing={2}>
              {table.sheets.map((s) => (
                <List.Item key={s.name}>
                  {table.format === 'xlsx' ? `Feuille « ${s.name} » : ` : ''}
                  {plural(s.rowCount, 'ligne', 'lignes')}, titres des colonnes en ligne{' '}
                  {s.headerLine}
                  {s.blankRows > 0 &&
                    ` (${plural(s.blankRows, 'ligne vide ignorée', 'lignes vides ignorées')})`}
                </List.Item>
              ))}
            </List>
            {empty ? (
              <Alert color="orange" variant="light">
                Ce fichier ne contient aucune ligne sous les titres des colonnes : il n’y a rien à
                importer. Vérifiez que vous avez choisi le bon fichier.
              </Alert>
            ) : (
              <Group justify="flex-end">
                <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={onNext}>
                  Choisir les colonnes
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
