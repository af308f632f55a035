import { Anchor, Button, EmptyState, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { RegisterQuery } from '../../shared/api/committees';
import {
  COMMITTEES,
  DECISION_TYPES,
  type Committee,
  type DecisionType,
} from '../../shared/domain/committees';
import { formatDate, todayInParis } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { ListCount } from '../components/ListStates';
import { notifyError, notifySuccess } from '../components/notify';
import { optionsOf } from '../components/options';
import { LoadError, Loading } from '../components/QueryState';
import { base64ToBytes, saveFile } from '../components/saveFile';
import { SearchBox } from '../components/SearchBox';
import { DecisionTypeBadge } from './badges';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The years offered: this one and the six before it, and next year. */
const years = () => {
  const current = Number(todayInParis().slice(0, 4));
  return Array.from({ length: 8 }, (_, i) => String(current + 1 - i));
};

/** « Relevé des décisions »: every decision of both committees, searched, filtered, exported. */
export function DecisionRegister() {
  const [query, setQuery] = useState<Required<RegisterQuery>>({
    search: '',
    committee: null,
    year: null,
    type: null,
  });
  const register = useRoute('committees.decisions.register', query);
  const [exporting, setExporting] = useState(false);
  const filtered = query.search !== '' || query.committee || query.year || query.type;

  const exportExcel = async () => {
    setExporting(true);
    const result = await invoke('committees.decisions.exportRegister', query);
    setExporting(false);
    if (!result.ok) return notifyError(result.error);
    saveFile(result.value.fileName, XLSX, base64ToBytes(result.value.contentBase64));
    notifySuccess('Relevé des décisions exporté.');
  };

  const body = () => {
    if (!register.result) return <Loading label="Chargement des décisions…" />;
    if (!register.result.ok)
      return <LoadError error={register.result.error} onRetry={register.reload} />;
    const rows = register.result.value;
    if (rows.length === 0)
      return (
        <EmptyState
          mt="md"
          icon={<IconGavel size={28} aria-hidden />}
          withIndicatorBackground
          title={filtered ? 'Aucune décision ne correspond' : 'Aucune décision enregistrée'}
          description={
            filtered
              ? 'Retirez des filtres ou cherchez un autre mot.'
              : 'Les décisions se saisissent dans l’onglet « Décisions » de chaque réunion ; elles sont numérotées par instance et par année (COPIL-2027-01…).'
          }
        />
      );
    return (
      <>
        <ListCount
          loading={register.loading}
          text={`${plural(rows.length, 'décision', 'décisions')}${filtered ? ' pour ces filtres' : ''}`}
        />
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing={6} aria-label="Relevé des décisions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Référence</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Décision</Table.Th>
                <Table.Th>Fiche concernée</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor
                      component={Link}
                      to={`/instances/reunions/${d.eventId}?onglet=decisions`}
                      size="sm"
                      fw={600}
                    >
                      {d.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(d.date)}</Text>
                    <Text size="xs" c="dimmed">
                      {d.meetingTitle}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DecisionTypeBadge type={d.type} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {d.title}
                    </Text>
                    {d.text && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {d.text}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.subject ?? '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </>
    );
  };

  return (
    <Stack gap="md">
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end" gap="md">
          <SearchBox
            value={query.search}
            onSearch={(search) => setQuery((q) => ({ ...q, search }))}
            placeholder="Référence, intitulé, structure…"
          />
          <Select
            label="Instance"
            placeholder="Toutes"
            data={optionsOf(COMMITTEES)}
            value={query.committee}
            onChange={(value) => setQuery((q) => ({ ...q, committee: value as Committee | null }))}
            clearable
            w={140}
          />
          <Select
            label="Année"
            placeholder="Toutes"
            data={years()}
            value={query.year === null ? null : String(query.year)}
            onChange={(value) => setQuery((q) => ({ ...q, year: value ? Number(value) : null }))}
            clearable
            w={120}
          />
          <Select
            label="Type"
            placeholder="Tous"
            data={optionsOf(DECISION_TYPES)}
            value={query.type}
            onChange={(value) => setQuery((q) => ({ ...q, type: value as DecisionType | null }))}
            clearable
            w={200}
          />
        </Group>
        <Button
          variant="light"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          loading={exporting}
          onClick={() => void exportExcel()}
        >
          Exporter (Excel)
        </Button>
      </Group>
      <div>{body()}</div>
    </Stack>
  );
}
