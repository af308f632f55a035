import {
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { TodoItem } from '../../shared/api/todo';
import { TO_DO_KINDS, type TodoKind } from '../../shared/domain/todo';
import { formatDate } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { plural } from '../components/format';
import { notifyError, notifySuccess } from '../components/notify';
import { groupByPeriod, PERIOD_LABELS, type TodoPeriod } from './periods';
import { todoChanged } from './todoEvents';

/** What « Fait » records, said back to the person once it is done. */
const DONE_MESSAGES: Record<TodoKind, string> = {
  document_missing: 'Pièce notée reçue aujourd’hui',
  obligation_due: 'Obligation notée reçue aujourd’hui',
  payment_planned: 'Versement noté payé aujourd’hui',
  convention_ending: 'Fin de convention marquée comme traitée',
  notice_deadline: 'Date de préavis marquée comme traitée',
  cadence_gap: 'Objectif de l’année marqué comme traité',
  attendance_missing: 'Évènement marqué comme tenu',
  activity_missing: 'Chiffres manquants mis de côté',
  committee_action: 'Action marquée comme faite aujourd’hui',
};

const KIND_COLORS: Record<TodoKind, string> = {
  document_missing: 'grape',
  obligation_due: 'blue',
  payment_planned: 'teal',
  convention_ending: 'orange',
  notice_deadline: 'red',
  cadence_gap: 'indigo',
  attendance_missing: 'cyan',
  activity_missing: 'lime',
  committee_action: 'violet',
};

interface Props {
  items: TodoItem[];
  /** The day the list was computed for (YYYY-MM-DD). */
  today: string;
  /**
   * How many items the whole list holds in each period, when the items are shown grouped: one
   * table per period (En retard, Dans les 7 jours, Plus tard) under its own heading and count.
   */
  periods?: Record<TodoPeriod, number>;
  /** Called once an item was marked done, to read the list again. */
  onDone: () => void;
}

/** Items due, by date: when, what, for which agreement and structure, and « Fait ». */
export function TodoList({ items, today, periods, onDone }: Props) {
  const grouped = periods !== undefined;
  const [pending, setPending] = useState<string | null>(null);

  const markDone = async (item: TodoItem) => {
    setPending(item.key);
    const result = await invoke('todo.markDone', { key: item.key });
    setPending(null);
    if (!result.ok) return notifyError(result.error);
    notifySuccess(`${item.label} — ${item.context}`, DONE_MESSAGES[item.kind]);
    todoChanged();
    onDone();
  };

  const table = (rows: TodoItem[], label: string) => (
    <Table.ScrollContainer minWidth={760}>
      <Table layout="fixed" verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={118}>Échéance</Table.Th>
            <Table.Th w={214}>Nature</Table.Th>
            <Table.Th>À faire</Table.Th>
            <Table.Th w="22%">Structure</Table.Th>
            <Table.Th w={96}>
              <VisuallyHidden>Action</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((item) => (
            <Table.Tr key={item.key} data-key={item.key}>
              <Table.Td>
                <Text
                  size="sm"
                  fw={item.overdue ? 600 : 400}
                  c={item.overdue ? 'red.8' : undefined}
                >
                  {formatDate(item.date)}
                </Text>
                {item.overdue && !grouped && (
                  <Badge size="xs" color="red" variant="light" tt="none" mt={2}>
                    En retard
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={KIND_COLORS[item.kind]}
                  tt="none"
                  fw={500}
                  h="auto"
                  py={2}
                  styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
                >
                  {TO_DO_KINDS[item.kind]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={item.link} size="sm" fw={500}>
                  {item.label}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {item.context}
                </Text>
              </Table.Td>
              <Table.Td>
                {item.structure ? (
                  <Anchor component={Link} to={`/structures/${item.structure.id}`} size="sm">
                    {item.structure.name}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconCheck size={14} aria-hidden />}
                  loading={pending === item.key}
                  disabled={pending !== null && pending !== item.key}
                  onClick={() => void markDone(item)}
                  aria-label={`Fait : ${item.label} (${item.context})`}
                >
                  Fait
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  if (!periods) return table(items, 'À faire');
  return (
    <Stack gap="xl">
      {groupByPeriod(items, today).map(({ period, items: rows }) => (
        <section key={period} aria-labelledby={`todo-${period}`}>
          <Group gap="sm" mb="xs">
            <Title
              order={2}
              fz="h4"
              id={`todo-${period}`}
              c={period === 'overdue' ? 'red.8' : undefined}
            >
              {PERIOD_LABELS[period]}
            </Title>
            <Badge
              variant="light"
              color={period === 'overdue' ? 'red' : 'gray'}
              aria-label={plural(periods[period], 'élément', 'éléments')}
            >
              {periods[period]}
            </Badge>
          </Group>
          {table(rows, PERIOD_LABELS[period])}
        </section>
      ))}
    </Stack>
  );
}
