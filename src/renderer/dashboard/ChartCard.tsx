import {
  Box,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useId, useRef, useState, type ReactNode } from 'react';
import { notifyError } from '../components/notify';
import { saveChartPng, type LegendItem } from './png';

export interface ChartTable {
  columns: { label: string; numeric?: boolean }[];
  rows: { key: string | number; cells: string[] }[];
}

interface Props {
  title: string;
  /** What the figures are and where they come from, under the title. */
  description: string;
  legend: LegendItem[];
  table: ChartTable;
  /** Why there is no chart (nothing to draw); null when there is one. */
  empty: string | null;
  /** What the chart leaves out (partial data), said plainly under it. */
  note?: string | null;
  /** The period and filters, written under the title of a saved PNG. */
  subtitle: string;
  /** Short period label, for the PNG's file name. */
  period: string;
  children: ReactNode;
}

/**
 * One chart of the dashboard: its French title, its legend, a « Graphique / Tableau »
 * switch showing the same figures as an accessible table, and « Enregistrer en PNG ».
 * With nothing to draw, it says so instead of drawing an empty chart.
 */
export function ChartCard(props: Props) {
  const { title, description, legend, table, empty, note, subtitle, period, children } = props;
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [saving, setSaving] = useState(false);
  const chartRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  const savePng = async () => {
    const svg = chartRef.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) return;
    setSaving(true);
    try {
      await saveChartPng(svg, title, subtitle, legend, period);
    } catch (error) {
      notifyError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Box>
          <Title order={2} fz="h4" id={titleId}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" mt={2}>
            {description}
          </Text>
        </Box>
        {empty === null && (
          <Group justify="space-between" gap="xs">
            <SegmentedControl
              size="xs"
              aria-label={`Affichage : ${title}`}
              value={view}
              onChange={(v) => setView(v as 'chart' | 'table')}
              data={[
                { value: 'chart', label: 'Graphique' },
                { value: 'table', label: 'Tableau' },
              ]}
            />
            {view === 'chart' && (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPhoto size={14} aria-hidden />}
                loading={saving}
                onClick={() => void savePng()}
              >
                Enregistrer en PNG
              </Button>
            )}
          </Group>
        )}
        {empty !== null ? (
          <Text c="dimmed" size="sm" py="xl" ta="center" data-empty>
            {empty}
          </Text>
        ) : view === 'table' ? (
          <Table.ScrollContainer minWidth={320} mah={320}>
            <Table striped stickyHeader verticalSpacing={4} aria-labelledby={titleId}>
              <Table.Thead>
                <Table.Tr>
                  {table.columns.map((c) => (
                    <Table.Th key={c.label} ta={c.numeric ? 'right' : undefined}>
                      {c.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((r) => (
                  <Table.Tr key={r.key}>
                    {r.cells.map((cell, i) => (
                      <Table.Td
                        key={table.columns[i]!.label}
                        ta={table.columns[i]!.numeric ? 'right' : undefined}
                        style={{ whiteSpace: table.columns[i]!.numeric ? 'nowrap' : undefined }}
                      >
                        {cell}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <>
            <Box ref={chartRef} h={280} aria-hidden>
              {children}
            </Box>
            <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {legend.map((item) => (
                <Group key={item.label} gap={6} component="li" wrap="nowrap">
                  <Box w={12} h={12} bg={item.colour} style={{ borderRadius: 2 }} />
                  <Text size="sm">{item.label}</Text>
                </Group>
              ))}
            </Group>
          </>
        )}
        {empty === null && note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
