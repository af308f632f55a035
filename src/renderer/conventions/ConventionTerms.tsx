import { Alert, Anchor, Button, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Convention } from '../../shared/api/conventions';
import { CONVENTION_KINDS, CONVENTION_STATUSES } from '../../shared/domain/conventions';
import { LEGAL_FORMS } from '../../shared/domain/directory';
import { formatEuros } from '../../shared/rules/conventions';
import { formatDate, todayInParis } from '../../shared/rules/dates';
import { Section } from '../components/FormSection';
import { InfoList } from '../components/InfoList';
import { labelOf } from '../components/options';
import { RecordFooter } from '../components/RecordFooter';
import { currentStatusSince, StatusHistory } from '../components/StatusHistory';
import { CONVENTION_LABELS as L } from './labels';
import { canRenew } from './statusRules';

/** The « Convention » tab: parties, period, funding as signed and as amended, end dates. */
export function ConventionTerms({ convention: c }: { convention: Convention }) {
  const since = currentStatusSince(c.statusHistory, c.status);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section title="Parties et période">
          <InfoList
            items={[
              [
                L.structureId,
                <Anchor key="s" component={Link} to={`/structures/${c.structure.id}`} size="sm">
                  {c.structure.name}
                </Anchor>,
              ],
              ['Forme juridique', labelOf(LEGAL_FORMS, c.structure.legalForm)],
              [
                'Signataires',
                c.withMsa ? 'La CAF, la MSA et la structure' : 'La CAF et la structure',
              ],
              ['Type', labelOf(CONVENTION_KINDS, c.kind)],
              ...(c.kind === 'renouvellement'
                ? ([
                    [
                      L.previousId,
                      c.previous ? (
                        <Anchor
                          key="p"
                          component={Link}
                          to={`/conventions/${c.previous.id}`}
                          size="sm"
                        >
                          {c.previous.reference}
                        </Anchor>
                      ) : (
                        'Non enregistrée dans Balise'
                      ),
                    ],
                  ] as [string, ReactNode][])
                : []),
              [
                'Période',
                `du ${formatDate(c.terms.startDate)} au ${formatDate(c.terms.endDate)}${
                  c.terms.endDate !== c.signed.endDate ? ' (prolongée par avenant)' : ''
                }`,
              ],
              [L.fundedPromeneurs, c.terms.fundedPromeneurs],
              [
                L.status,
                `${labelOf(CONVENTION_STATUSES, c.status)}${since ? ` depuis le ${formatDate(since)}` : ''}`,
              ],
            ]}
          />
          <StatusHistory history={c.statusHistory} labels={CONVENTION_STATUSES} />
        </Section>
        <EndSection convention={c} />
      </SimpleGrid>
      <Funding convention={c} />
      {c.notes && (
        <Section title={L.notes}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.notes}
          </Text>
        </Section>
      )}
      <RecordFooter createdAt={c.createdAt} updatedAt={c.updatedAt} />
    </Stack>
  );
}

function EndSection({ convention: c }: { convention: Convention }) {
  const navigate = useNavigate();
  const today = todayInParis();
  const ended = c.endedOn !== null;
  return (
    <Section title="Fin de la convention">
      {ended && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={`${labelOf(CONVENTION_STATUSES, c.status)} à compter du ${formatDate(c.endedOn)}`}
        >
          <Text size="sm">Motif : {c.endReason ?? 'non renseigné'}</Text>
        </Alert>
      )}
      <InfoList items={[['Date de fin', formatDate(c.terms.endDate)]]} />
      {!ended && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          <Text size="sm">
            Pas de tacite reconduction : sans renouvellement signé, la convention s’arrête le{' '}
            {formatDate(c.terms.endDate)}. La structure doit demander expressément son
            renouvellement ; une prolongation demande un avenant.
          </Text>
          {canRenew(c.status) && c.renewals.length === 0 && (
            <Button
              mt="sm"
              size="xs"
              variant="light"
              color="orange"
              leftSection={<IconRefresh size={14} aria-hidden />}
              onClick={() => navigate(`/conventions/new?renouvelle=${c.id}`)}
            >
              Préparer le renouvellement
            </Button>
          )}
        </Alert>
      )}
      {c.notices.length > 0 && (
        <div>
          <Text size="sm" fw={600} mb={4}>
            Préavis de résiliation (trois mois avant chaque anniversaire)
          </Text>
          <List size="sm" spacing={4} aria-label="Dates limites de préavis">
            {c.notices.map((n) => (
              <List.Item key={n.anniversary} c={n.noticeBy < today ? 'dimmed' : undefined}>
                Dernier jour pour dénoncer avant l’anniversaire du {formatDate(n.anniversary)} :{' '}
                <Text span fw={600} size="sm">
                  {formatDate(n.noticeBy)}
                </Text>
                {n.noticeBy < today && ' (passé)'}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {c.renewals.length > 0 && (
        <Group gap="xs">
          <Text size="sm">Renouvelée par :</Text>
          {c.renewals.map((r) => (
            <Anchor key={r.id} component={Link} to={`/conventions/${r.id}`} size="sm" fw={500}>
              {r.reference}
            </Anchor>
          ))}
        </Group>
      )}
    </Section>
  );
}

/** Subsidies per year; with amendments, as signed next to as amended. */
function Funding({ convention: c }: { convention: Convention }) {
  const amended = c.amendments.length > 0;
  const signed = new Map(c.signed.subsidies.map((s) => [s.year, s.amountCents]));
  const now = new Map(c.terms.subsidies.map((s) => [s.year, s.amountCents]));
  const years = [...new Set([...signed.keys(), ...now.keys()])].sort((a, b) => a - b);
  const total = (m: Map<number, number>) => [...m.values()].reduce((t, v) => t + v, 0);
  const money = (v: number | undefined) => (v === undefined ? '—' : formatEuros(v));
  return (
    <Section
      title="Financement"
      description={
        amended
          ? `Les termes tels que signés, et tels que modifiés par ${
              c.amendments.length > 1 ? `les ${c.amendments.length} avenants` : 'l’avenant'
            }.`
          : undefined
      }
    >
      <Table.ScrollContainer minWidth={420}>
        <Table
          verticalSpacing={6}
          aria-label="Financement de la convention"
          maw={amended ? 640 : 420}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {amended && <Table.Th ta="right">À la signature</Table.Th>}
              <Table.Th ta="right">{amended ? 'Avec les avenants' : 'Montant'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {amended && (
              <>
                <Table.Tr>
                  <Table.Td>Date de fin</Table.Td>
                  <Table.Td ta="right">{formatDate(c.signed.endDate)}</Table.Td>
                  <Table.Td ta="right">{formatDate(c.terms.endDate)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>{L.fundedPromeneurs}</Table.Td>
                  <Table.Td ta="right">{c.signed.fundedPromeneurs}</Table.Td>
                  <Table.Td ta="right">{c.terms.fundedPromeneurs}</Table.Td>
                </Table.Tr>
              </>
            )}
            {years.map((year) => (
              <Table.Tr key={year}>
                <Table.Td>Subvention {year}</Table.Td>
                {amended && <Table.Td ta="right">{money(signed.get(year))}</Table.Td>}
                <Table.Td ta="right">{money(now.get(year))}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>Total</Table.Td>
              {amended && <Table.Td ta="right">{formatEuros(total(signed))}</Table.Td>}
              <Table.Td ta="right">{formatEuros(total(now))}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
