import { Table } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';

interface Props<S extends string> {
  label: string;
  column: S;
  sort: S;
  direction: 'asc' | 'desc';
  onSort: (column: S, direction: 'asc' | 'desc') => void;
}

/** A column header that sorts the list; a second click reverses the order. */
export function SortableTh<S extends string>({ label, column, sort, direction, onSort }: Props<S>) {
  const active = sort === column;
  const Icon = !active ? IconArrowsSort : direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(column, active && direction === 'asc' ? 'desc' : 'asc')}
      >
        {label}
        <Icon size={14} aria-hidden opacity={active ? 1 : 0.4} />
      </button>
    </Table.Th>
  );
}
