import { Badge } from '@mantine/core';
import { PROMENEUR_STATUSES, STRUCTURE_STATUSES } from '../../shared/domain/directory';
import { labelOf } from './options';

/** Labels as written (not upper case), never cut short in a narrow table column. */
const LOOK = { tt: 'none', fw: 600, miw: 'max-content' } as const;

const STRUCTURE_COLORS: Record<string, string> = {
  interessee: 'blue',
  retenue: 'violet',
  dans_le_reseau: 'teal',
  sortie: 'gray',
};

const PROMENEUR_COLORS: Record<string, string> = {
  en_preparation: 'blue',
  actif: 'teal',
  suspendu: 'orange',
  sorti: 'gray',
  exclu: 'red',
};

export function StructureStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={STRUCTURE_COLORS[status] ?? 'gray'} {...LOOK}>
      {labelOf(STRUCTURE_STATUSES, status)}
    </Badge>
  );
}

export function PromeneurStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={PROMENEUR_COLORS[status] ?? 'gray'} {...LOOK}>
      {labelOf(PROMENEUR_STATUSES, status)}
    </Badge>
  );
}

export function ArchivedBadge({ feminine = false }: { feminine?: boolean }) {
  return (
    <Badge variant="outline" color="gray" {...LOOK}>
      {feminine ? 'Archivée' : 'Archivé'}
    </Badge>
  );
}
