import { Badge } from '@mantine/core';
import { ACTION_STATUSES, DECISION_TYPES, MINUTES_STATUSES } from '../../shared/domain/committees';
import { labelOf } from '../components/options';

/** Labels as written (not upper case), never cut short in a narrow column. */
const LOOK = { tt: 'none', fw: 600, miw: 'max-content' } as const;

const MINUTES_COLORS: Record<string, string> = {
  brouillon: 'gray',
  approuve: 'blue',
  diffuse: 'teal',
};

const ACTION_COLORS: Record<string, string> = {
  a_faire: 'blue',
  en_cours: 'violet',
  faite: 'teal',
  abandonnee: 'gray',
};

const DECISION_COLORS: Record<string, string> = {
  structure_retenue: 'violet',
  promeneur_exclu: 'red',
  budget_valide: 'teal',
  feuille_de_route: 'indigo',
  autre: 'gray',
};

/** The minutes' status; « Pas commencé » for a meeting with no minutes yet. */
export function MinutesStatusBadge({ status }: { status: string | null }) {
  if (status === null)
    return (
      <Badge variant="outline" color="gray" {...LOOK}>
        Pas commencé
      </Badge>
    );
  return (
    <Badge variant="light" color={MINUTES_COLORS[status] ?? 'gray'} {...LOOK}>
      {labelOf(MINUTES_STATUSES, status)}
    </Badge>
  );
}

export function ActionStatusBadge({ status, overdue }: { status: string; overdue: boolean }) {
  return (
    <Badge variant="light" color={overdue ? 'red' : (ACTION_COLORS[status] ?? 'gray')} {...LOOK}>
      {labelOf(ACTION_STATUSES, status)}
      {overdue ? ', en retard' : ''}
    </Badge>
  );
}

export function DecisionTypeBadge({ type }: { type: string }) {
  return (
    <Badge variant="dot" color={DECISION_COLORS[type] ?? 'gray'} {...LOOK}>
      {labelOf(DECISION_TYPES, type)}
    </Badge>
  );
}
