import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import type { PromeneurSummary } from '../../shared/api/promeneurs';
import { JOBS } from '../../shared/domain/directory';
import { formatDate } from '../../shared/rules/dates';
import { formatPhone } from '../../shared/rules/phone';
import { labelOf } from '../components/options';
import { SortableTh } from '../components/SortableTh';
import { ArchivedBadge, PromeneurStatusBadge } from '../components/StatusBadge';
import { complianceCheckDue } from './compliance';
import type { PromeneurQuery, PromeneurSort } from './listQuery';

interface Props {
  rows: PromeneurSummary[];
  query: PromeneurQuery;
  onSort: (sort: PromeneurSort, direction: 'asc' | 'desc') => void;
}

export function PromeneursTable({ rows, query, onSort }: Props) {
  const navigate = useNavigate();
  const sortProps = { sort: query.sort, direction: query.direction, onSort };
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Liste des Promeneurs du Net">
        <Table.Thead>
          <Table.Tr>
            <SortableTh label="Nom" column="lastName" {...sortProps} />
            <Table.Th>Métier</Table.Th>
            <SortableTh label="Structure" column="structureName" {...sortProps} />
            <Table.Th>Territoire</Table.Th>
            <SortableTh label="Statut" column="status" {...sortProps} />
            <Table.Th>Contrôle du profil</Table.Th>
            <Table.Th>Contact</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr
              key={p.id}
              style={{ cursor: 'pointer' }}
              onClick={(e) => {
                if (!(e.target as HTMLElement).closest('a')) navigate(`/promeneurs/${p.id}`);
              }}
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/promeneurs/${p.id}`} fw={600} size="sm">
                    {p.firstName} {p.lastName}
                  </Anchor>
                  {p.archivedAt && <ArchivedBadge />}
                </Group>
              </Table.Td>
              <Table.Td>{labelOf(JOBS, p.job)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/structures/${p.structureId}`} size="sm" c="inherit">
                  {p.structureName}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.territory}</Table.Td>
              <Table.Td>
                <PromeneurStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td>
                <CheckCell checkedOn={p.complianceCheckedOn} />
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {p.email && <Text size="xs">{p.email}</Text>}
                  {p.phone && <Text size="xs">{formatPhone(p.phone)}</Text>}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CheckCell({ checkedOn }: { checkedOn: string | null }) {
  const due = complianceCheckDue(checkedOn);
  return (
    <Group gap={4} wrap="nowrap" c={due ? 'orange.8' : undefined}>
      {due && <IconAlertTriangle size={14} aria-hidden />}
      <Text span size="sm">
        {checkedOn ? formatDate(checkedOn) : 'Jamais contrôlé'}
        {due && checkedOn ? ' (à refaire)' : ''}
      </Text>
    </Group>
  );
}
