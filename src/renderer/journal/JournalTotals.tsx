import { Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import type { RouteOutput } from '../../shared/api/contract';
import { LOG_CHANNELS, LOG_KINDS } from '../../shared/domain/calendar';
import { copyText } from '../components/copyText';
import { plural } from '../components/format';
import { Section } from '../components/FormSection';
import { notifyError, notifySuccess } from '../components/notify';
import { formatDuration } from './duration';

type Totals = RouteOutput<'journal.totals'>;
interface Row {
  label: string;
  count: number;
  minutes: number;
}

/** Every kind (or channel) in the list's order, with zeros for those not done this year. */
function rowsOf(labels: Record<string, string>, totals: Map<string, Totals['all']>): Row[] {
  return Object.entries(labels).map(([key, label]) => ({
    label,
    count: totals.get(key)?.count ?? 0,
    minutes: totals.get(key)?.minutes ?? 0,
  }));
}

const entries = (count: number) => plural(count, 'entrée', 'entrées');

/** The tables as tab-separated text, to paste into a spreadsheet or a report for the COPIL. */
function asText(totals: Totals, byKind: Row[], byChannel: Row[]): string {
  const table = (title: string, rows: Row[]) =>
    [
      [title, 'Entrées', 'Temps'],
      ...rows.map((r) => [r.label, String(r.count), formatDuration(r.minutes)]),
      ['Total', String(totals.all.count), formatDuration(totals.all.minutes)],
    ]
      .map((cells) => cells.join('\t'))
      .join('\n');
  return [
    `Journal d’activité ${totals.year} : ${formatDuration(totals.all.minutes)}, ${entries(totals.all.count)}`,
    table('Nature', byKind),
    table('Moyen', byChannel),
  ].join('\n\n');
}

function TotalsTable({
  title,
  label,
  rows,
  all,
}: {
  title: string;
  label: string;
  rows: Row[];
  all: Totals['all'];
}) {
  return (
    <Table verticalSpacing={4} aria-label={title} withRowBorders>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{label}</Table.Th>
          <Table.Th ta="right">Entrées</Table.Th>
          <Table.Th ta="right">Temps</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.label} c={r.count === 0 ? 'dimmed' : undefined}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{r.count}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {formatDuration(r.minutes)}
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={700}>
          <Table.Td>Total</Table.Td>
          <Table.Td ta="right">{all.count}</Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
            {formatDuration(all.minutes)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** « Totaux de l’année »: the time and the count of the whole year, by kind and by channel. */
export function JournalTotals({ totals }: { totals: Totals }) {
  const byKind = rowsOf(LOG_KINDS, new Map(totals.byKind.map((t) => [t.kind, t])));
  const byChannel = rowsOf(LOG_CHANNELS, new Map(totals.byChannel.map((t) => [t.channel, t])));
  const copy = async () => {
    if (await copyText(asText(totals, byKind, byChannel)))
      notifySuccess('Collez-les dans un tableur ou dans le bilan.', 'Totaux copiés');
    else notifyError('La copie n’a pas fonctionné : sélectionnez les tableaux à la souris.');
  };

  return (
    <Section
      title={`Totaux de l’année ${totals.year}`}
      description="Toutes les entrées de l’année, quels que soient les filtres de la liste : de quoi présenter le bilan au COPIL."
      aside={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconCopy size={14} aria-hidden />}
          onClick={() => void copy()}
        >
          Copier les totaux
        </Button>
      }
    >
      <Group gap="xl" align="baseline" aria-label="Total de l’année" role="group">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Temps passé
          </Text>
          <Text fz={28} fw={700} data-testid="journal-total-time">
            {formatDuration(totals.all.minutes)}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Entrées
          </Text>
          <Text fz={28} fw={700} data-testid="journal-total-count">
            {totals.all.count}
          </Text>
        </Stack>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" style={{ alignItems: 'start' }}>
        <TotalsTable title="Totaux par nature" label="Nature" rows={byKind} all={totals.all} />
        <TotalsTable title="Totaux par moyen" label="Moyen" rows={byChannel} all={totals.all} />
      </SimpleGrid>
    </Section>
  );
}
