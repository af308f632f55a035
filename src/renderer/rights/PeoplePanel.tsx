import { Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { IconDownload, IconEraser } from '@tabler/icons-react';
import { useState } from 'react';
import { PERSON_KINDS, type PersonFound, type PersonRef } from '../../shared/api/rights';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { notifyError, notifySuccess } from '../components/notify';
import { LoadError, Loading } from '../components/QueryState';
import { base64ToBytes, saveFile } from '../components/saveFile';
import { SearchBox } from '../components/SearchBox';
import { EraseModal } from './EraseModal';

const MIME = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const keyOf = (p: PersonRef) =>
  p.kind === 'promeneur' || p.kind === 'committee_member'
    ? `${p.kind}:${p.id}`
    : `${p.kind}:${p.name}:${'email' in p ? p.email : ''}`;

function ExportButton({ found, format }: { found: PersonFound; format: 'json' | 'xlsx' }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const result = await invoke('rights.export', { person: found.person, format });
    setBusy(false);
    if (!result.ok) return notifyError(result.error, 'Export impossible');
    saveFile(result.value.fileName, MIME[format], base64ToBytes(result.value.contentBase64));
    notifySuccess(
      `Toutes les données de ${found.name} dans « ${result.value.fileName} ». Transmettez ce fichier à la personne par un moyen sûr.`,
      'Export prêt',
    );
  };
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconDownload size={14} aria-hidden />}
      loading={busy}
      onClick={() => void run()}
      aria-label={`Exporter les données de ${found.name} en ${format === 'json' ? 'JSON' : 'Excel'}`}
    >
      {format === 'json' ? 'JSON' : 'Excel'}
    </Button>
  );
}

/** Find a person, see where they appear, export or erase what the vault holds about them. */
export function PeoplePanel() {
  const [search, setSearch] = useState('');
  const [target, setTarget] = useState<{ person: PersonRef; name: string } | null>(null);
  const people = useRoute('rights.people', search.length >= 2 ? { search } : null);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Promeneurs du Net, personnes invitées aux évènements (équipes des structures, invités
        extérieurs), représentants légaux et signataires de la charte des structures, membres des
        instances (COPIL, COTECH).
      </Text>
      {/* The search box grows along a row: in a column it would grow tall. */}
      <Group maw={640}>
        <SearchBox
          value={search}
          onSearch={setSearch}
          placeholder="Nom, prénom ou e-mail (2 caractères au moins)"
        />
      </Group>
      {search.length < 2 ? (
        <Text c="dimmed" size="sm">
          Saisissez le nom de la personne qui demande l’accès à ses données ou leur effacement.
        </Text>
      ) : !people.result ? (
        <Loading label="Recherche…" />
      ) : !people.result.ok ? (
        <LoadError error={people.result.error} onRetry={people.reload} />
      ) : people.result.value.length === 0 ? (
        <Text c="dimmed" size="sm">
          Personne de ce nom dans le coffre : Balise ne détient aucune donnée à son sujet.
        </Text>
      ) : (
        <Stack gap="sm" aria-label="Personnes trouvées" role="list">
          <Text size="sm" c="dimmed">
            {plural(people.result.value.length, 'personne trouvée', 'personnes trouvées')}
          </Text>
          {people.result.value.map((found) => (
            <Card key={keyOf(found.person)} withBorder padding="sm" role="listitem">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text fw={600}>{found.name}</Text>
                    <Badge variant="light" tt="none">
                      {PERSON_KINDS[found.person.kind]}
                    </Badge>
                  </Group>
                  {found.details && (
                    <Text size="sm" c="dimmed">
                      {found.details}
                    </Text>
                  )}
                  <List size="sm" spacing={2}>
                    {found.appearances.map((a) => (
                      <List.Item key={a}>{a}</List.Item>
                    ))}
                  </List>
                </Stack>
                <Stack gap={6} align="flex-end">
                  <Group gap={6}>
                    <Text size="xs" c="dimmed">
                      Exporter :
                    </Text>
                    <ExportButton found={found} format="xlsx" />
                    <ExportButton found={found} format="json" />
                  </Group>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    leftSection={<IconEraser size={14} aria-hidden />}
                    onClick={() => setTarget({ person: found.person, name: found.name })}
                    aria-label={`Effacer ${found.name}`}
                  >
                    Effacer…
                  </Button>
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <EraseModal
        target={target}
        onClose={() => setTarget(null)}
        onErased={() => {
          setTarget(null);
          people.reload();
        }}
      />
    </Stack>
  );
}
