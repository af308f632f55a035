import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import type { StructureSummary } from '../../shared/api/structures';
import { STRUCTURE_TYPES } from '../../shared/domain/directory';
import { formatDate } from '../../shared/rules/dates';
import { labelOf } from '../components/options';
import { SortableTh } from '../components/SortableTh';
import { ArchivedBadge, StructureStatusBadge } from '../components/StatusBadge';
import type { StructureQuery, StructureSort } from './listQuery';

interface Props {
  rows: StructureSummary[];
  query: StructureQuery;
  onSort: (sort: StructureSort, direction: 'asc' | 'desc') => void;
}

export function StructuresTable({ rows, query, onSort }: Props) {
  const navigate = useNavigate();
  const sortProps = { sort: query.sort, direction: query.direction, onSort };
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Liste des structures">
        <Table.Thead>
          <Table.Tr>
            <SortableTh label="Nom" column="name" {...sortProps} />
            <Table.Th>Type</Table.Th>
            <SortableTh label="Commune" column="commune" {...sortProps} />
            <Table.Th>Territoire</Table.Th>
            <SortableTh label="Statut" column="networkStatus" {...sortProps} />
            <Table.Th ta="right">Promeneurs</Table.Th>
            <Table.Th>Charte</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr
              key={s.id}
              style={{ cursor: 'pointer' }}
              onClick={(e) => {
                if (!(e.target as HTMLElement).closest('a')) navigate(`/structures/${s.id}`);
              }}
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/structures/${s.id}`} fw={600} size="sm">
                    {s.name}
                  </Anchor>
                  {s.archivedAt && <ArchivedBadge feminine />}
                </Group>
              </Table.Td>
              <Table.Td>{labelOf(STRUCTURE_TYPES, s.type)}</Table.Td>
              <Table.Td>{s.commune}</Table.Td>
              <Table.Td>{s.territory}</Table.Td>
              <Table.Td>
                <StructureStatusBadge status={s.networkStatus} />
              </Table.Td>
              <Table.Td ta="right">{s.promeneurCount}</Table.Td>
              <Table.Td>
                {s.charterSignedOn ? (
                  `Signée le ${formatDate(s.charterSignedOn)}`
                ) : (
                  <Text span size="sm" c="orange.8">
                    Non signée
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
