import { Anchor, Button, Group, List, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { CONVENTION_KINDS } from '../../shared/domain/conventions';
import { formatEuros } from '../../shared/rules/conventions';
import { formatDate } from '../../shared/rules/dates';
import { useRoute } from '../api/useRoute';
import { Section } from '../components/FormSection';
import { labelOf } from '../components/options';
import { LoadError, Loading } from '../components/QueryState';
import { ConventionStatusBadge } from '../conventions/ConventionStatusBadge';

/** A structure's funding agreements, latest first, and the way to record a new one. */
export function StructureConventions({ structureId }: { structureId: number }) {
  const navigate = useNavigate();
  const list = useRoute('conventions.list', {
    structureId,
    sort: 'startDate',
    direction: 'desc',
  });
  const rows = list.result?.ok ? list.result.value : [];

  return (
    <Section title={list.result?.ok ? `Conventions (${rows.length})` : 'Conventions'}>
      {!list.result ? (
        <Loading label="Chargement des conventions…" />
      ) : !list.result.ok ? (
        <LoadError error={list.result.error} onRetry={list.reload} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune convention de financement enregistrée pour cette structure.
        </Text>
      ) : (
        <List spacing="sm" listStyleType="none" aria-label="Conventions de la structure">
          {rows.map((c) => (
            <List.Item key={c.id}>
              <Group gap="xs">
                <Anchor component={Link} to={`/conventions/${c.id}`} size="sm" fw={600}>
                  {c.reference}
                </Anchor>
                <ConventionStatusBadge status={c.status} />
              </Group>
              <Text size="sm" c="dimmed">
                Du {formatDate(c.startDate)} au {formatDate(c.endDate)} ·{' '}
                {labelOf(CONVENTION_KINDS, c.kind)} · {formatEuros(c.totalCents)}
                {c.missingDocuments > 0 &&
                  ` · ${c.missingDocuments} pièce${c.missingDocuments > 1 ? 's' : ''} manquante${c.missingDocuments > 1 ? 's' : ''}`}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Button
        size="xs"
        variant="light"
        w="fit-content"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => navigate(`/conventions/new?structure=${structureId}`)}
      >
        Nouvelle convention
      </Button>
    </Section>
  );
}
