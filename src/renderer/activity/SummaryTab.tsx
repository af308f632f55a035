import { Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ActivityTotals, AggregateFilter } from '../../shared/api/activity';
import { STRUCTURE_TYPES, type StructureType } from '../../shared/domain/directory';
import type { ActivityPeriodKind } from '../../shared/domain/activity';
import { lastEndedPeriod } from '../../shared/rules/activity';
import { useRoute } from '../api/useRoute';
import { DateField } from '../components/DateField';
import { plural } from '../components/format';
import { Section } from '../components/FormSection';
import { optionsOf } from '../components/options';
import { LoadError, Loading } from '../components/QueryState';
import { useStructureOptions } from '../promeneurs/useStructureOptions';

const fr = (n: number) => n.toLocaleString('fr-FR');

/** The columns every « par … » table shows. */
const COLUMNS: { label: string; value: (t: ActivityTotals) => string }[] = [
  { label: 'Bilans', value: (t) => fr(t.reports) },
  { label: 'Jeunes contactés', value: (t) => fr(t.youngContacted) },
  { label: 'Rencontrés', value: (t) => fr(t.youngMet) },
  { label: 'Projets', value: (t) => fr(t.projectsStarted) },
  { label: 'Échanges', value: (t) => fr(t.exchanges) },
  { label: 'Heures en ligne', value: (t) => fr(t.hoursOnline) },
  { label: 'Situations transmises', value: (t) => fr(t.concernsReferred) },
];

function TotalsTable({
  title,
  first,
  rows,
}: {
  title: string;
  first: string;
  rows: { key: string; label: string; totals: ActivityTotals }[];
}) {
  return (
    <Section title={title}>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          Aucun bilan pour ces filtres.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped aria-label={title} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{first}</Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Th key={c.label} ta="right">
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{r.label}</Table.Td>
                  {COLUMNS.map((c) => (
                    <Table.Td key={c.label} ta="right">
                      {c.value(r.totals)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/**
 * Counts by theme or channel, with each one's share of `base`: all requests for themes; the
 * young people contacted for channels (one young person may be reached on several channels,
 * so channel shares do not add up to 100 %).
 */
function CountsTable({
  title,
  what,
  rows,
  base,
  share,
}: {
  title: string;
  what: string;
  rows: { id: number; label: string; count: number }[];
  base: number;
  share: string;
}) {
  const total = base;
  return (
    <Section title={title}>
      <Table striped aria-label={title} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{what}</Table.Th>
            <Table.Th ta="right">Nombre</Table.Th>
            <Table.Th ta="right">{share}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td ta="right">{fr(r.count)}</Table.Td>
              <Table.Td ta="right">
                {total > 0 ? `${fr(Math.round((r.count / total) * 1000) / 10)} %` : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function KeyFigure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
    </Paper>
  );
}

/**
 * « Synthèse » : the figures summed for the CAF and the COPIL, by period, structure,
 * territory, theme and channel, over a date range and for a structure, a type or a territory.
 */
export function SummaryTab({ kind, today }: { kind: ActivityPeriodKind; today: string }) {
  const year = lastEndedPeriod(kind, today).year;
  const [filter, setFilter] = useState<AggregateFilter>({
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    structureId: null,
    structureType: null,
    territory: null,
  });
  const query = useRoute('activity.aggregates', filter);
  const structures = useStructureOptions();
  const set = (patch: Partial<AggregateFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const territories = query.result?.ok ? query.result.value.territories : [];

  const body = () => {
    if (!query.result) return <Loading label="Calcul des totaux…" />;
    if (!query.result.ok) return <LoadError error={query.result.error} onRetry={query.reload} />;
    const a = query.result.value;
    const t = a.totals;
    if (t.reports === 0)
      return (
        <Text c="dimmed">
          Aucun bilan reçu pour ces filtres. Élargissez les dates ou retirez des filtres.
        </Text>
      );
    return (
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} data-testid="activity-key-figures">
          <KeyFigure label="Bilans reçus" value={fr(t.reports)} />
          <KeyFigure label="Jeunes contactés en ligne" value={fr(t.youngContacted)} />
          <KeyFigure label="Rencontrés en présentiel" value={fr(t.youngMet)} />
          <KeyFigure label="Projets engagés" value={fr(t.projectsStarted)} />
          <KeyFigure label="Échanges" value={fr(t.exchanges)} />
          <KeyFigure label="Heures en ligne" value={fr(t.hoursOnline)} />
          <KeyFigure label="Situations transmises" value={fr(t.concernsReferred)} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {plural(t.promeneurs, 'Promeneur a', 'Promeneurs ont')} envoyé des chiffres.{' '}
          {t.ageBands.reports > 0
            ? `Répartition par âge connue dans ${plural(t.ageBands.reports, 'bilan', 'bilans')} : ${fr(t.ageBands.age12to14)} jeunes de 12 à 14 ans, ${fr(t.ageBands.age15to17)} de 15 à 17 ans, ${fr(t.ageBands.age18to25)} de 18 à 25 ans.`
            : 'Aucun bilan ne donne la répartition par âge.'}
        </Text>
        <TotalsTable
          title="Par période"
          first="Période"
          rows={a.byPeriod.map((p) => ({ key: p.period.key, label: p.period.label, totals: p }))}
        />
        <TotalsTable
          title="Par structure"
          first="Structure"
          rows={a.byStructure.map((s) => ({
            key: String(s.structureId),
            label: s.name ?? 'Structure supprimée',
            totals: s,
          }))}
        />
        <TotalsTable
          title="Par territoire"
          first="Territoire (EPCI)"
          rows={a.byTerritory.map((s) => ({
            key: s.territory ?? '',
            label: s.territory ?? 'Territoire non renseigné',
            totals: s,
          }))}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <CountsTable
            title="Demandes par thème"
            what="Thème"
            rows={a.byTheme}
            base={a.byTheme.reduce((sum, r) => sum + r.count, 0)}
            share="Part des demandes"
          />
          <CountsTable
            title="Jeunes contactés par canal"
            what="Canal"
            rows={a.byChannel}
            base={t.youngContacted}
            share="Part des jeunes contactés"
          />
        </SimpleGrid>
      </Stack>
    );
  };

  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="md">
        <DateField label="Du" value={filter.from} onChange={(from) => set({ from })} w={150} />
        <DateField label="Au" value={filter.to} onChange={(to) => set({ to })} w={150} />
        <Select
          label="Structure"
          placeholder="Toutes"
          data={structures.options}
          value={filter.structureId === null ? null : String(filter.structureId)}
          onChange={(v) => set({ structureId: v === null ? null : Number(v) })}
          clearable
          searchable
          w={240}
        />
        <Select
          label="Type de structure"
          placeholder="Tous"
          data={optionsOf(STRUCTURE_TYPES)}
          value={filter.structureType}
          onChange={(v) => set({ structureType: v as StructureType | null })}
          clearable
          w={220}
        />
        <Select
          label="Territoire"
          placeholder="Tous"
          data={territories}
          value={filter.territory}
          onChange={(territory) => set({ territory })}
          clearable
          w={200}
        />
      </Group>
      <Text size="xs" c="dimmed">
        Un bilan compte quand toute sa période est comprise entre les deux dates.
      </Text>
      {body()}
    </Stack>
  );
}
