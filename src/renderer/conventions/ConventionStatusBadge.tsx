import { Badge } from '@mantine/core';
import { CONVENTION_STATUSES } from '../../shared/domain/conventions';
import { labelOf } from '../components/options';

const COLORS: Record<string, string> = {
  brouillon: 'gray',
  envoyee: 'blue',
  signee: 'violet',
  en_cours: 'teal',
  echue: 'orange',
  resiliee: 'red',
  resolue: 'red',
};

/** A convention's status, as written (not upper case), never cut short in a narrow column. */
export function ConventionStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={COLORS[status] ?? 'gray'} tt="none" fw={600} miw="max-content">
      {labelOf(CONVENTION_STATUSES, status)}
    </Badge>
  );
}
