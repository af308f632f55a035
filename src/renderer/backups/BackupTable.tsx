import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { BACKUP_KIND_LABELS, type BackupInfo } from '../../shared/api/backups';
import { formatBackupDate, formatSize } from './format';

const KIND_COLORS = { automatic: 'gray', manual: 'blue', 'before-restore': 'grape' } as const;

/** The backups, newest first, each with « Restaurer… ». */
export function BackupTable({
  backups,
  onRestore,
}: {
  backups: BackupInfo[];
  onRestore: (backup: BackupInfo) => void;
}) {
  if (backups.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucune sauvegarde dans ce dossier pour l’instant.
      </Text>
    );
  return (
    <Table verticalSpacing="xs" aria-label="Sauvegardes" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th ta="right">Taille</Table.Th>
          <Table.Th>
            <VisuallyHidden>Action</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((backup) => (
          <Table.Tr key={backup.name} data-backup={backup.name}>
            <Table.Td>{formatBackupDate(backup.date)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={KIND_COLORS[backup.kind]}>
                {BACKUP_KIND_LABELS[backup.kind]}
              </Badge>
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatSize(backup.size)}
            </Table.Td>
            <Table.Td ta="right">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconRestore size={14} aria-hidden />}
                onClick={() => onRestore(backup)}
                aria-label={`Restaurer la sauvegarde du ${formatBackupDate(backup.date)}`}
              >
                Restaurer…
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
