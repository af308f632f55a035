import { Alert, Anchor, Group, List, Table, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { Promeneur } from '../../shared/api/promeneurs';
import {
  COMPLIANCE_CHECK_MONTHS,
  COMPLIANCE_POINTS,
  JOBS,
  PLATFORMS,
  PROMENEUR_STATUSES,
  PUBLICATION_FIELDS,
  WEEKDAYS,
  type CompliancePoint,
  type PublicationField,
} from '../../shared/domain/directory';
import { formatDate } from '../../shared/rules/dates';
import { formatPhone } from '../../shared/rules/phone';
import { ExternalLink } from '../components/ExternalLink';
import { formatHours } from '../components/format';
import { Section } from '../components/FormSection';
import { InfoList } from '../components/InfoList';
import { labelOf } from '../components/options';
import { currentStatusSince, StatusHistory } from '../components/StatusHistory';
import { complianceCheckDue } from './compliance';
import { PROMENEUR_LABELS as L } from './labels';

/** Every field of a Promeneur, grouped as the coordinator reads them. */
export function PromeneurSections({ promeneur: p }: { promeneur: Promeneur }) {
  const since = currentStatusSince(p.statusHistory, p.status);
  return (
    <>
      <Section title="Identité et coordonnées">
        <InfoList
          items={[
            [L.job, labelOf(JOBS, p.job)],
            [
              L.structureId,
              <Anchor key="s" component={Link} to={`/structures/${p.structureId}`} size="sm">
                {p.structureName}
              </Anchor>,
            ],
            [L.email, p.email && <ExternalLink href={`mailto:${p.email}`}>{p.email}</ExternalLink>],
            [L.phone, formatPhone(p.phone)],
          ]}
        />
      </Section>
      <Section title="Parcours dans le dispositif">
        {!p.charterSignedOn && (
          <Text size="sm" c="orange.8">
            La charte n’a pas encore été signée.
          </Text>
        )}
        <InfoList
          items={[
            [
              L.status,
              `${labelOf(PROMENEUR_STATUSES, p.status)}${since ? ` depuis le ${formatDate(since)}` : ''}`,
            ],
            [L.startDate, formatDate(p.startDate)],
            [L.charterSignedOn, formatDate(p.charterSignedOn)],
          ]}
        />
        <StatusHistory history={p.statusHistory} labels={PROMENEUR_STATUSES} />
      </Section>
      <ProfilesSection promeneur={p} />
      <SlotsSection promeneur={p} />
      <ComplianceSection promeneur={p} />
      <PublicationSection promeneur={p} />
      {p.notes && (
        <Section title={L.notes}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {p.notes}
          </Text>
        </Section>
      )}
    </>
  );
}

function ProfilesSection({ promeneur: p }: { promeneur: Promeneur }) {
  return (
    <Section title={L.profiles}>
      {p.profiles.length === 0 ? (
        <Text size="sm" c="orange.8">
          Aucun profil professionnel enregistré.
        </Text>
      ) : (
        <List spacing={4} size="sm" listStyleType="none" aria-label={L.profiles}>
          {p.profiles.map((profile, i) => (
            <List.Item key={i}>
              <Text span size="sm" fw={600}>
                {labelOf(PLATFORMS, profile.platform)}
              </Text>{' '}
              :{' '}
              {profile.url ? (
                <ExternalLink href={profile.url}>{profile.name}</ExternalLink>
              ) : (
                profile.name
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

function SlotsSection({ promeneur: p }: { promeneur: Promeneur }) {
  const slots = [...p.dutySlots].sort(
    (a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start),
  );
  return (
    <Section
      title={L.dutySlots}
      aside={
        <Text span fw={600} size="sm">
          {formatHours(p.hoursPerWeek)} par semaine
        </Text>
      }
    >
      {slots.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune permanence enregistrée.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} aria-label={L.dutySlots} maw={380}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Jour</Table.Th>
              <Table.Th>Début</Table.Th>
              <Table.Th>Fin</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {slots.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td>{labelOf(WEEKDAYS, String(s.weekday))}</Table.Td>
                <Table.Td>{s.start}</Table.Td>
                <Table.Td>{s.end}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

function ComplianceSection({ promeneur: p }: { promeneur: Promeneur }) {
  const due = complianceCheckDue(p.complianceCheckedOn);
  return (
    <Section title="Conformité du profil">
      {due && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs">
          {p.complianceCheckedOn
            ? `Dernier contrôle il y a plus de ${COMPLIANCE_CHECK_MONTHS} mois (le ${formatDate(p.complianceCheckedOn)}) : un nouveau contrôle est à prévoir.`
            : 'Le profil n’a jamais été contrôlé.'}
        </Alert>
      )}
      <List spacing={4} size="sm" listStyleType="none" aria-label="Points de conformité">
        {(Object.keys(COMPLIANCE_POINTS) as CompliancePoint[]).map((point) => {
          const ok = p.compliance[point];
          return (
            <List.Item key={point}>
              <Group gap={8} wrap="nowrap">
                <ThemeIcon
                  size={18}
                  radius="xl"
                  color={ok ? 'teal' : 'gray'}
                  variant="light"
                  aria-hidden
                >
                  {ok ? <IconCheck size={12} /> : <IconX size={12} />}
                </ThemeIcon>
                <Text size="sm" c={ok ? undefined : 'dimmed'}>
                  {COMPLIANCE_POINTS[point]}
                  <VisuallyHidden>{ok ? ' : oui' : ' : non'}</VisuallyHidden>
                </Text>
              </Group>
            </List.Item>
          );
        })}
      </List>
      {!due && (
        <Text size="sm" c="dimmed">
          Dernier contrôle le {formatDate(p.complianceCheckedOn)}.
        </Text>
      )}
    </Section>
  );
}

function PublicationSection({ promeneur: p }: { promeneur: Promeneur }) {
  const agreed = (Object.keys(PUBLICATION_FIELDS) as PublicationField[]).filter(
    (f) => p.publication[f],
  );
  return (
    <Section title="Publication dans l’annuaire départemental">
      <Text size="sm">Publiés par défaut : prénom, photo, métier et structure.</Text>
      <Text size="sm">
        Avec l’accord du Promeneur :{' '}
        {agreed.length === 0 ? (
          <Text span c="dimmed" size="sm">
            rien d’autre
          </Text>
        ) : (
          agreed.map((f) => PUBLICATION_FIELDS[f].toLowerCase()).join(', ')
        )}
        .
      </Text>
    </Section>
  );
}
