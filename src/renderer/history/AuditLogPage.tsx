import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { AuditEntity, AuditLogEntry } from '../../shared/api/history';
import { formatInstant } from '../../shared/rules/dates';
import { useRoute } from '../api/useRoute';
import { usePageTitle } from '../app/usePageTitle';
import { DateField } from '../components/DateField';
import { plural } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { ACTION_LABELS } from './formatChange';
import { Changes } from './HistoryPanel';
import { useConventionReferences } from './useConventionReferences';
import { useStructureNames } from './useStructureNames';

const PAGE_SIZE = 25;

export const ENTITY_LABELS: Record<AuditEntity, string> = {
  structure: 'Structure',
  promeneur: 'Promeneur du Net',
  convention: 'Convention',
  event: 'Évènement',
  journal: 'Journal d’activité',
  activity: 'Activité des Promeneurs',
  committee: 'Instance (COPIL, COTECH)',
  settings: 'Paramètres',
};

/** Where a record of the log is shown. */
function linkOf(entry: AuditLogEntry): string | null {
  switch (entry.entity) {
    case 'structure':
      return `/structures/${entry.entityId}`;
    case 'promeneur':
      return `/promeneurs/${entry.entityId}`;
    case 'convention':
      return `/conventions/${entry.entityId}`;
    case 'event':
      return `/calendrier/${entry.entityId}`;
    case 'journal':
      return '/journal';
    case 'activity':
      return '/activite';
    case 'committee':
      return '/instances';
    case 'settings':
      return '/parametres';
  }
}

function RecordCell({ entry }: { entry: AuditLogEntry }) {
  const to = linkOf(entry);
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {ENTITY_LABELS[entry.entity]}
      </Text>
      {entry.label && to ? (
        <Anchor component={Link} to={to} size="sm">
          {entry.label}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          {entry.action === 'erase' ? 'Données effacées' : 'Fiche supprimée'} (n° {entry.entityId})
        </Text>
      )}
    </Stack>
  );
}

/** « Journal des modifications »: every change of every record, filtered and paged. */
export function AuditLogPage() {
  usePageTitle('Journal des modifications');
  const [params, setParams] = useSearchParams();
  const entity = (params.get('fiche') as AuditEntity | null) ?? null;
  const recordId = Number(params.get('n')) || undefined;
  const action = params.get('action') as AuditLogEntry['action'] | null;
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text.trim(), 300);
  const [page, setPage] = useState(1);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'fiche') next.delete('n');
    setParams(next);
    setPage(1);
  };
  const badRange = from !== null && to !== null && from > to;
  const query = badRange
    ? null
    : {
        ...(entity ? { entity } : {}),
        ...(entity && recordId ? { entityId: recordId } : {}),
        ...(action ? { action } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        text: debouncedText,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      };
  const log = useRoute('history.search', query);
  const structureNames = useStructureNames(true);
  const conventionReferences = useConventionReferences(true);
  const filtered = Boolean(entity || action || from || to || debouncedText);

  return (
    <>
      <PageHeader
        title="Journal des modifications"
        meta={
          <Text c="dimmed" size="sm">
            Chaque création, modification, suppression ou effacement, avec sa date et les valeurs
            avant → après. Les effacements de données personnelles n’y laissent pas les valeurs.
          </Text>
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Select
          label="Type de fiche"
          placeholder="Toutes"
          clearable
          data={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
          value={entity}
          onChange={(v) => set('fiche', v)}
          w={210}
        />
        <Select
          label="Type de modification"
          placeholder="Toutes"
          clearable
          data={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
          value={action}
          onChange={(v) => set('action', v)}
          w={310}
        />
        <DateField
          w={170}
          label="Du"
          value={from}
          onChange={(v) => {
            setFrom(v);
            setPage(1);
          }}
        />
        <DateField
          w={170}
          label="Au"
          value={to}
          onChange={(v) => {
            setTo(v);
            setPage(1);
          }}
          error={badRange ? 'La date de fin précède la date de début.' : undefined}
        />
        <TextInput
          label="Rechercher"
          placeholder="Champ, valeur, partie de la fiche…"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPage(1);
          }}
          w={260}
        />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setParams({});
              setFrom(null);
              setTo(null);
              setText('');
              setPage(1);
            }}
          >
            Effacer les filtres
          </Button>
        )}
      </Group>
      {entity && recordId && (
        <Badge variant="light" tt="none" mb="sm">
          {ENTITY_LABELS[entity]} n° {recordId} seulement
        </Badge>
      )}
      {badRange ? null : !log.result ? (
        <Loading label="Chargement du journal…" />
      ) : !log.result.ok ? (
        <LoadError error={log.result.error} onRetry={log.reload} />
      ) : log.result.value.total === 0 ? (
        <Text c="dimmed">
          {filtered
            ? 'Aucune modification ne correspond à ces filtres.'
            : 'Aucune modification enregistrée pour l’instant.'}
        </Text>
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            {plural(log.result.value.total, 'modification', 'modifications')}, les plus récentes
            d’abord
          </Text>
          <Table verticalSpacing="sm" aria-label="Modifications" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>Date</Table.Th>
                <Table.Th w="24%">Fiche</Table.Th>
                <Table.Th>Modification</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.result.value.entries.map((entry) => (
                <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Text size="sm">{formatInstant(entry.at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <RecordCell entry={entry} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {ACTION_LABELS[entry.action]}
                      {entry.subject && ` · ${entry.subject}`}
                    </Text>
                    <Changes
                      entity={entry.entity}
                      entry={entry}
                      context={{
                        entity: entry.entity,
                        structureNames,
                        conventionReferences,
                        subject: entry.subject,
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {log.result.value.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(log.result.value.total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({
                'aria-label': control === 'previous' ? 'Page précédente' : 'Page suivante',
              })}
              getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
            />
          )}
        </Stack>
      )}
    </>
  );
}
