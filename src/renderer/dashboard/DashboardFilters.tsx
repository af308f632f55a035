import { Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { DashboardOptions } from '../../shared/api/dashboard';
import { STRUCTURE_TYPES, type StructureType } from '../../shared/domain/directory';
import { DateField } from '../components/DateField';
import { optionsOf } from '../components/options';

export interface FilterState {
  mode: 'year' | 'period';
  year: number;
  from: string | null;
  to: string | null;
  territory: string | null;
  structureType: StructureType | null;
  structureId: number | null;
}

interface Props {
  value: FilterState;
  onChange: (patch: Partial<FilterState>) => void;
  options: DashboardOptions | null;
  /** Why the period cannot be used yet (a date missing, the end before the start). */
  problem: string | null;
}

/** Year or period, territory (EPCI), structure type and structure. */
export function DashboardFilters({ value, onChange, options, problem }: Props) {
  const structures = (options?.structures ?? []).filter(
    (s) =>
      (value.territory === null || s.territory === value.territory) &&
      (value.structureType === null || s.type === value.structureType),
  );
  const years = options?.years ?? [value.year];
  const narrowed =
    value.territory !== null || value.structureType !== null || value.structureId !== null;

  // A structure no longer offered by the territory or type chosen is let go.
  const narrow = (patch: Partial<FilterState>) => {
    const next = { ...value, ...patch };
    const kept = (options?.structures ?? []).find(
      (s) =>
        s.id === next.structureId &&
        (next.territory === null || s.territory === next.territory) &&
        (next.structureType === null || s.type === next.structureType),
    );
    onChange({ ...patch, structureId: kept ? kept.id : null });
  };

  return (
    <Stack gap={6} component="section" aria-label="Filtres">
      <Group align="flex-end" gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="dashboard-period-mode">
            Période
          </Text>
          <SegmentedControl
            aria-labelledby="dashboard-period-mode"
            value={value.mode}
            onChange={(mode) =>
              onChange({
                mode: mode as FilterState['mode'],
                from: value.from ?? `${value.year}-01-01`,
                to: value.to ?? `${value.year}-12-31`,
              })
            }
            data={[
              { value: 'year', label: 'Année' },
              { value: 'period', label: 'Dates' },
            ]}
          />
        </Stack>
        {value.mode === 'year' ? (
          <Select
            label="Année"
            data={years.map(String)}
            value={String(value.year)}
            onChange={(v) => v && onChange({ year: Number(v) })}
            allowDeselect={false}
            w={110}
          />
        ) : (
          <>
            <DateField
              label="Du"
              value={value.from}
              onChange={(from) => onChange({ from })}
              w={150}
            />
            <DateField label="Au" value={value.to} onChange={(to) => onChange({ to })} w={150} />
          </>
        )}
        <Select
          label="Territoire (EPCI)"
          placeholder="Tous"
          data={options?.territories ?? []}
          value={value.territory}
          onChange={(territory) => narrow({ territory })}
          clearable
          w={220}
        />
        <Select
          label="Type de structure"
          placeholder="Tous"
          data={optionsOf(STRUCTURE_TYPES)}
          value={value.structureType}
          onChange={(v) => narrow({ structureType: v as StructureType | null })}
          clearable
          w={190}
        />
        <Select
          label="Structure"
          placeholder="Toutes"
          data={structures.map((s) => ({ value: String(s.id), label: s.name }))}
          value={value.structureId === null ? null : String(value.structureId)}
          onChange={(v) => onChange({ structureId: v === null ? null : Number(v) })}
          nothingFoundMessage="Aucune structure pour ces filtres"
          clearable
          searchable
          w={220}
        />
        {narrowed && (
          <Button
            variant="subtle"
            onClick={() => onChange({ territory: null, structureType: null, structureId: null })}
          >
            Toutes les structures
          </Button>
        )}
      </Group>
      {problem && (
        <Text size="sm" c="orange.8" role="status">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
