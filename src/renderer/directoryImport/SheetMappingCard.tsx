import { Badge, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBookmark } from '@tabler/icons-react';
import type { SheetMapping, SheetProposal } from '../../shared/api/directoryImport';
import {
  IMPORT_FIELDS,
  SHEET_ROLES,
  type ImportFieldKey,
  type SheetRole,
} from '../../shared/domain/directoryImport';
import { plural } from '../components/format';
import { optionsOf } from '../components/options';
import {
  columnLabel,
  columnOf,
  columnOptions,
  fieldGroups,
  missingFields,
  NO_COLUMN,
  sampleOf,
  unusedColumns,
  withColumn,
} from './mapping';

const ROLE_OPTIONS = optionsOf(SHEET_ROLES);

interface Props {
  sheet: SheetProposal;
  mapping: SheetMapping;
  /** A workbook names its sheets; a CSV has one table, named after the file. */
  named: boolean;
  onChange: (mapping: SheetMapping) => void;
}

/** One sheet of the file: what it holds, and which of its columns fills which field. */
export function SheetMappingCard({ sheet, mapping, named, onChange }: Props) {
  const missing = new Set(missingFields(mapping));
  const options = columnOptions(sheet);
  const unused = unusedColumns(sheet, mapping);
  const title = named ? `Feuille « ${sheet.name} »` : `Tableau de « ${sheet.name} »`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} fz="h4">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {plural(sheet.rowCount, 'ligne', 'lignes')} sous les titres de la ligne{' '}
              {sheet.headerLine}
            </Text>
          </Stack>
          {sheet.remembered && (
            <Badge
              variant="light"
              color="teal"
              tt="none"
              leftSection={<IconBookmark size={12} aria-hidden />}
            >
              Correspondance mémorisée
            </Badge>
          )}
        </Group>
        {sheet.remembered && (
          <Text size="sm" c="dimmed" mt={-8}>
            Les colonnes sont reprises du dernier import d’un fichier aux mêmes titres ; vous pouvez
            les changer.
          </Text>
        )}
        <Select
          label="Contenu de la feuille"
          data={ROLE_OPTIONS}
          value={mapping.role}
          allowDeselect={false}
          onChange={(role) => role && onChange({ ...mapping, role: role as SheetRole })}
          maw={440}
        />
        {fieldGroups(mapping.role).map((group) => (
          <Stack key={group.entity} gap="xs">
            <Title order={3} fz="md">
              {group.title}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
              {group.fields.map((field) => (
                <FieldSelect
                  key={field}
                  field={field}
                  sheet={sheet}
                  options={options}
                  column={columnOf(mapping, field)}
                  missing={missing.has(field)}
                  onChange={(column) => onChange(withColumn(mapping, field, column))}
                />
              ))}
            </SimpleGrid>
          </Stack>
        ))}
        {mapping.role !== 'ignore' && unused.length > 0 && (
          <Text size="sm" c="dimmed">
            {unused.length > 1 ? 'Colonnes non importées : ' : 'Colonne non importée : '}
            {unused.map((i) => columnLabel(sheet, i)).join(' ; ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function FieldSelect({
  field,
  sheet,
  options,
  column,
  missing,
  onChange,
}: {
  field: ImportFieldKey;
  sheet: SheetProposal;
  options: { value: string; label: string }[];
  column: number | null;
  missing: boolean;
  onChange: (column: number | null) => void;
}) {
  const sample = column === null ? null : sampleOf(sheet, column);
  return (
    <Select
      label={IMPORT_FIELDS[field].label}
      data={options}
      value={column === null ? NO_COLUMN : String(column)}
      allowDeselect={false}
      searchable
      onChange={(value) => onChange(value === null || value === NO_COLUMN ? null : Number(value))}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={
        column === null
          ? undefined
          : sample
            ? `Exemple : ${sample}`
            : 'Vide dans les premières lignes'
      }
      error={
        missing
          ? 'Choisissez sa colonne : sans elle, aucune ligne ne peut être importée.'
          : undefined
      }
      styles={{
        // « Aucune colonne » reads dimmed, so the fields the file fills stand out.
        input: column === null ? { color: 'var(--mantine-color-dimmed)' } : undefined,
        description: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
      }}
    />
  );
}
