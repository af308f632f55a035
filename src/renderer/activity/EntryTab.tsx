import { Alert, Group, Select, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { parsePeriod } from '../../shared/rules/activity';
import { formatInstant } from '../../shared/rules/dates';
import { useRoute } from '../api/useRoute';
import { LoadError, Loading } from '../components/QueryState';
import { usePeopleOptions } from '../journal/usePeopleOptions';
import { PeriodSelect, type PeriodChoice } from './PeriodSelect';
import { ReportForm } from './ReportForm';

/** « Saisie » : pick a Promeneur and the period, then enter or correct their figures. */
export function EntryTab({
  period,
  promeneurId,
  onPick,
}: {
  period: PeriodChoice;
  promeneurId: number | null;
  onPick: (id: number | null) => void;
}) {
  const people = usePeopleOptions();
  const lists = useRoute('activity.lists', {});
  const report = useRoute(
    'activity.reports.get',
    promeneurId === null ? null : { promeneurId, periodKey: period.value },
  );
  const label = parsePeriod(period.value)?.label ?? period.value;
  const name =
    people.promeneurs.find((o) => o.value === String(promeneurId))?.label.replace(/ \(.*\)$/, '') ??
    '';

  const form = () => {
    if (promeneurId === null)
      return (
        <Text c="dimmed">
          Choisissez un Promeneur pour saisir ses chiffres, ou ouvrez-le depuis l’onglet «
          Complétude ».
        </Text>
      );
    if (!report.result || !lists.result || report.loading) return <Loading />;
    if (!lists.result.ok) return <LoadError error={lists.result.error} onRetry={lists.reload} />;
    if (!report.result.ok) return <LoadError error={report.result.error} onRetry={report.reload} />;
    const current = report.result.value;
    return (
      <Stack gap="md">
        {current && (
          <Alert
            variant="light"
            color={current.source === 'import' ? 'blue' : 'gray'}
            icon={current.source === 'import' ? <IconFileImport aria-hidden /> : undefined}
          >
            {current.source === 'import'
              ? `Chiffres importés du modèle « ${current.fileName ?? ''} » le ${formatInstant(current.updatedAt)}. Vous pouvez les corriger ici.`
              : `Chiffres saisis le ${formatInstant(current.createdAt)}${current.updatedAt !== current.createdAt ? `, modifiés le ${formatInstant(current.updatedAt)}` : ''}.`}
          </Alert>
        )}
        <ReportForm
          key={`${promeneurId}-${period.value}-${current?.id ?? 'new'}-${current?.updatedAt ?? ''}`}
          promeneur={{ id: promeneurId, name }}
          period={{ key: period.value, label }}
          report={current}
          lists={lists.result.value}
          onSaved={report.reload}
        />
      </Stack>
    );
  };

  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="md">
        <PeriodSelect {...period} />
        <Select
          label="Promeneur du Net"
          placeholder="Choisir…"
          data={people.promeneurs}
          value={promeneurId === null ? null : String(promeneurId)}
          onChange={(v) => onPick(v === null ? null : Number(v))}
          searchable
          clearable
          nothingFoundMessage="Aucun Promeneur ne correspond"
          w={380}
        />
      </Group>
      {form()}
    </Stack>
  );
}
