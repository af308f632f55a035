import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import type { ConventionSummary } from '../../shared/api/conventions';
import { formatEuros } from '../../shared/rules/conventions';
import { formatDate } from '../../shared/rules/dates';
import { plural } from '../components/format';
import { SortableTh } from '../components/SortableTh';
import { ConventionStatusBadge } from './ConventionStatusBadge';
import type { ConventionQuery, ConventionSort } from './listQuery';

interface Props {
  rows: ConventionSummary[];
  query: ConventionQuery;
  onSort: (sort: ConventionSort, direction: 'asc' | 'desc') => void;
}

export function ConventionsTable({ rows, query, onSort }: Props) {
  const navigate = useNavigate();
  const sortProps = { sort: query.sort, direction: query.direction, onSort };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Liste des conventions">
        <Table.Thead>
          <Table.Tr>
            <SortableTh label="Référence" column="reference" {...sortProps} />
            <SortableTh label="Structure" column="structure" {...sortProps} />
            <SortableTh label="Début" column="startDate" {...sortProps} />
            <SortableTh label="Fin" column="endDate" {...sortProps} />
            <SortableTh label="Statut" column="status" {...sortProps} />
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Montant total
            </Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              PdN financés
            </Table.Th>
            <Table.Th>Pièces</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr
              key={c.id}
              style={{ cursor: 'pointer' }}
              onClick={(e) => {
                if (!(e.target as HTMLElement).closest('a')) navigate(`/conventions/${c.id}`);
              }}
            >
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/conventions/${c.id}`}
                  fw={600}
                  size="sm"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {c.reference}
                </Anchor>
                {(c.kind === 'renouvellement' || c.withMsa) && (
                  <Text size="xs" c="dimmed">
                    {[c.kind === 'renouvellement' && 'Renouvellement', c.withMsa && 'avec la MSA']
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/structures/${c.structureId}`}
                  size="sm"
                  c="inherit"
                  underline="hover"
                >
                  {c.structureName}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.startDate)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.endDate)}</Table.Td>
              <Table.Td>
                <ConventionStatusBadge status={c.status} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatEuros(c.totalCents)}
              </Table.Td>
              <Table.Td ta="right">{c.fundedPromeneurs}</Table.Td>
              <Table.Td>
                {c.missingDocuments === 0 ? (
                  <Badge variant="light" color="teal" tt="none" fw={600} miw="max-content">
                    Toutes reçues
                  </Badge>
                ) : (
                  <Badge variant="light" color="orange" tt="none" fw={600} miw="max-content">
                    {plural(c.missingDocuments, 'manquante', 'manquantes')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
