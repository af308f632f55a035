import { Anchor, Button, Group, List, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import type { Structure } from '../../shared/api/structures';
import { LEGAL_FORMS, STRUCTURE_STATUSES, STRUCTURE_TYPES } from '../../shared/domain/directory';
import { formatDate } from '../../shared/rules/dates';
import { formatPhone } from '../../shared/rules/phone';
import { formatSiret } from '../../shared/rules/siret';
import { ExternalLink } from '../components/ExternalLink';
import { Section } from '../components/FormSection';
import { InfoList } from '../components/InfoList';
import { labelOf } from '../components/options';
import { ArchivedBadge, PromeneurStatusBadge } from '../components/StatusBadge';
import { currentStatusSince, StatusHistory } from '../components/StatusHistory';
import { STRUCTURE_LABELS as L } from './labels';
import { StructureConventions } from './StructureConventions';

/** Every field of a structure, grouped as the coordinator reads them. */
export function StructureSections({ structure: s }: { structure: Structure }) {
  const navigate = useNavigate();
  const currentSince = currentStatusSince(s.statusHistory, s.networkStatus);
  return (
    <>
      <Section title="Identité">
        <InfoList
          items={[
            [L.type, labelOf(STRUCTURE_TYPES, s.type)],
            [L.legalForm, labelOf(LEGAL_FORMS, s.legalForm)],
            [L.siret, s.siret && formatSiret(s.siret)],
            [L.qpv, s.qpv ? 'Oui, intervient en quartier prioritaire' : 'Non'],
          ]}
        />
      </Section>
      <Section title="Coordonnées">
        <InfoList
          items={[
            [L.address, s.address],
            [L.postalCode, s.postalCode],
            [L.commune, s.commune],
            [L.territory, s.territory],
            [L.phone, formatPhone(s.phone)],
            [L.email, s.email && <ExternalLink href={`mailto:${s.email}`}>{s.email}</ExternalLink>],
            [L.website, s.website && <ExternalLink href={s.website} />],
          ]}
        />
      </Section>
      <Section title="Réseau">
        <InfoList
          items={[
            [
              L.networkStatus,
              `${labelOf(STRUCTURE_STATUSES, s.networkStatus)}${currentSince ? ` depuis le ${formatDate(currentSince)}` : ''}`,
            ],
            [L.selectionYear, s.selectionYear],
          ]}
        />
        <StatusHistory history={s.statusHistory} labels={STRUCTURE_STATUSES} />
      </Section>
      <Section title="Charte et représentant légal">
        {!s.charterSignedOn && (
          <Text size="sm" c="orange.8">
            La charte n’a pas encore été signée par la structure.
          </Text>
        )}
        <InfoList
          items={[
            [L.charterSignedOn, formatDate(s.charterSignedOn)],
            [L.charterSignatory, s.charterSignatory],
            [L.representativeName, s.representativeName],
            [L.representativeTitle, s.representativeTitle],
          ]}
        />
      </Section>
      <Section title={`Promeneurs du Net (${s.promeneurs.length})`}>
        {s.promeneurs.length === 0 ? (
          <Text size="sm" c="dimmed">
            Aucun Promeneur rattaché à cette structure pour l’instant.
          </Text>
        ) : (
          <List spacing={6} listStyleType="none" aria-label="Promeneurs de la structure">
            {s.promeneurs.map((p) => (
              <List.Item key={p.id}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/promeneurs/${p.id}`} size="sm" fw={500}>
                    {p.firstName} {p.lastName}
                  </Anchor>
                  <PromeneurStatusBadge status={p.status} />
                  {p.archivedAt && <ArchivedBadge />}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <Button
          size="xs"
          variant="light"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => navigate(`/promeneurs/new?structure=${s.id}`)}
        >
          Ajouter un Promeneur
        </Button>
      </Section>
      <StructureConventions structureId={s.id} />
      {s.notes && (
        <Section title={L.notes}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.notes}
          </Text>
        </Section>
      )}
    </>
  );
}
