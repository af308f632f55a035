import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
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
  /** The rows read so far, in order. */
  rows: PromeneurSummary[];
  /** How many Promeneurs match in all. */
  total: number;
  query: PromeneurQuery;
  onSort: (sort: PromeneurSort, direction: 'asc' | 'desc') => void;
  /** Called when the person scrolls near the last rows read. */
  onNearEnd: () => void;
}

/**
 * Column widths, fixed: the drawn rows change as the page scrolls, and columns sized on their
 * content would change width with them. The status column fits its longest badge.
 */
const WIDTHS = ['15%', '13%', '19%', '17%', '8.5rem', '14%', '22%'];
/** A row's height before it is drawn and measured (names and structures often wrap). */
const ROW_HEIGHT = 100;
/** Asks for the next page this many rows before the last row read comes on screen. */
const LOAD_AHEAD = 30;

/**
 * The Promeneurs as a table that draws only the rows on screen (and a few around them): a
 * national list keeps thousands of rows without slowing the page. The page scrolls as usual;
 * empty rows above and below the drawn ones keep the height of the rows read so far.
 */
export function PromeneursTable({ rows, total, query, onSort, onNearEnd }: Props) {
  const navigate = useNavigate();
  const sortProps = { sort: query.sort, direction: query.direction, onSort };
  const body = useRef<HTMLTableSectionElement>(null);
  const scrollMargin = useDocumentTop(body);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin,
    getItemKey: (index) => rows[index]!.id,
    useFlushSync: false,
  });
  const drawn = virtualizer.getVirtualItems();
  const lastDrawn = drawn.at(-1)?.index ?? -1;
  useEffect(() => {
    if (rows.length < total && lastDrawn >= rows.length - LOAD_AHEAD) onNearEnd();
  }, [lastDrawn, rows.length, total, onNearEnd]);
  const above = drawn.length > 0 ? drawn[0]!.start - scrollMargin : 0;
  const below =
    drawn.length > 0 ? virtualizer.getTotalSize() - (drawn.at(-1)!.end - scrollMargin) : 0;

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        highlightOnHover
        verticalSpacing="sm"
        aria-label="Liste des Promeneurs du Net"
        aria-rowcount={total + 1}
        layout="fixed"
      >
        <colgroup>
          {WIDTHS.map((width, i) => (
            <col key={i} style={{ width }} />
          ))}
        </colgroup>
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
        <Table.Tbody ref={body}>
          <Spacer height={above} />
          {drawn.map(({ index, key }) => {
            const p = rows[index]!;
            return (
              <Table.Tr
                key={key}
                ref={virtualizer.measureElement}
                data-index={index}
                aria-rowindex={index + 2}
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
                  <Anchor
                    component={Link}
                    to={`/structures/${p.structureId}`}
                    size="sm"
                    c="inherit"
                  >
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
                    {p.email && (
                      <Text size="xs" style={{ overflowWrap: 'break-word' }}>
                        {p.email}
                      </Text>
                    )}
                    {p.phone && <Text size="xs">{formatPhone(p.phone)}</Text>}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
          <Spacer height={below} />
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Stands for the rows not drawn, so the page keeps the whole list's height. */
function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden>
      <td colSpan={WIDTHS.length} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/** Where an element starts from the top of the page, followed as the page above it changes. */
function useDocumentTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Called once when observing starts, then whenever the page's height changes.
    const observer = new ResizeObserver(() =>
      setTop(element.getBoundingClientRect().top + window.scrollY),
    );
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
  return top;
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
