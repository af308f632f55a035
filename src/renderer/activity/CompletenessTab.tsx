import {
  Badge,
  Button,
  EmptyState,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconCopy, IconPencil, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { CompletenessRow } from '../../shared/api/activity';
import { formatInstant } from '../../shared/rules/dates';
import { useRoute } from '../api/useRoute';
import { copyText } from '../components/copyText';
import { plural } from '../components/format';
import { notifyError, notifySuccess } from '../components/notify';
import { LoadError, Loading } from '../components/QueryState';
import { PeriodSelect, type PeriodChoice } from './PeriodSelect';

/** « Reçu le 12/10/2026 à 14:05 (import) » or « Manquant ». */
export function ReceivedBadge({ report }: { report: CompletenessRow['report'] }) {
  if (!report)
    return (
      <Badge color="orange" variant="light">
        Manquant
      </Badge>
    );
  return (
    <Stack gap={2}>
      <Badge color="teal" variant="light">
        Reçu
      </Badge>
      <Text size="xs" c="dimmed">
        {report.source === 'import' ? 'Modèle importé' : 'Saisi'} le{' '}
        {formatInstant(report.updatedAt)}
      </Text>
    </Stack>
  );
}

/** Copies e-mail addresses, separated as mail programs accept them. */
export async function copyAddresses(emails: string[]): Promise<void> {
  if (await copyText(emails.join('; ')))
    notifySuccess(
      `${plural(emails.length, 'adresse copiée', 'adresses copiées')} : collez-les dans les destinataires de votre message.`,
    );
  else notifyError('La copie n’a pas fonctionné. Sélectionnez les adresses dans le tableau.');
}

/**
 * The Promeneurs expected to report for a period: structure, e-mail, whether their figures
 * came, and one button each (`action`, its column named `actionHeader` for screen readers).
 */
export function ExpectedTable({
  rows,
  label,
  noEmail,
  actionHeader,
  action,
}: {
  rows: CompletenessRow[];
  label: string;
  /** What the e-mail cell says for a Promeneur without one. */
  noEmail: string;
  actionHeader: string;
  action: (row: CompletenessRow) => ReactNode;
}) {
  return (
    <Table striped highlightOnHover aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Promeneur</Table.Th>
          <Table.Th>Structure</Table.Th>
          <Table.Th>E-mail</Table.Th>
          <Table.Th>Bilan</Table.Th>
          <Table.Th>
            <VisuallyHidden>{actionHeader}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.promeneurId}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td>{r.structure.name}</Table.Td>
            <Table.Td>{r.email ?? <Text c="dimmed">{noEmail}</Text>}</Table.Td>
            <Table.Td>
              <ReceivedBadge report={r.report} />
            </Table.Td>
            <Table.Td>{action(r)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** « Complétude » : who has sent the period's figures, who has not, and their e-mails. */
export function CompletenessTab({
  period,
  onEnter,
}: {
  period: PeriodChoice;
  onEnter: (promeneurId: number) => void;
}) {
  const query = useRoute('activity.completeness', { periodKey: period.value });

  const body = () => {
    if (!query.result) return <Loading label="Chargement des bilans…" />;
    if (!query.result.ok) return <LoadError error={query.result.error} onRetry={query.reload} />;
    const { rows, missingEmails, period: p } = query.result.value;
    if (rows.length === 0)
      return (
        <EmptyState
          mt="xl"
          icon={<IconUsers size={32} aria-hidden />}
          withIndicatorBackground
          title={`Aucun Promeneur du Net n’était actif pendant « ${p.label} »`}
          description="Les bilans attendus sont ceux des Promeneurs au statut « actif » pendant la période. Choisissez une autre période, ou mettez l’annuaire à jour."
        />
      );
    const received = rows.filter((r) => r.report !== null).length;
    const missing = rows.length - received;
    const noEmail = rows.filter((r) => r.report === null && !r.email).length;
    return (
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4} miw={280}>
            <Text fw={600} data-testid="activity-received">
              {plural(received, 'bilan reçu', 'bilans reçus')} sur {rows.length}
              {missing > 0 ? ` · ${plural(missing, 'manquant', 'manquants')}` : ' · complet'}
            </Text>
            <Progress
              value={(received / rows.length) * 100}
              color={missing === 0 ? 'teal' : 'blue'}
              aria-label={`${received} bilans reçus sur ${rows.length}`}
            />
          </Stack>
          {missing > 0 && (
            <Button
              variant="default"
              leftSection={<IconCopy size={16} aria-hidden />}
              disabled={missingEmails.length === 0}
              onClick={() => void copyAddresses(missingEmails)}
            >
              Copier les adresses des manquants ({missingEmails.length})
            </Button>
          )}
        </Group>
        {noEmail > 0 && (
          <Text size="sm" c="dimmed">
            {plural(noEmail, 'Promeneur manquant n’a', 'Promeneurs manquants n’ont')} pas d’e-mail
            dans l’annuaire : relancez-{noEmail > 1 ? 'les' : 'le'} autrement.
          </Text>
        )}
        <ExpectedTable
          rows={rows}
          label={`Bilans de ${p.label}`}
          noEmail="—"
          actionHeader="Action"
          action={(r) => (
            <Button
              size="xs"
              variant={r.report ? 'subtle' : 'light'}
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => onEnter(r.promeneurId)}
              aria-label={`${r.report ? 'Modifier' : 'Saisir'} les chiffres de ${r.name}`}
            >
              {r.report ? 'Modifier' : 'Saisir'}
            </Button>
          )}
        />
      </Stack>
    );
  };

  return (
    <Stack gap="lg">
      <PeriodSelect {...period} />
      {body()}
    </Stack>
  );
}
