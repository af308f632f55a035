import { Button, Group, List, Stack, Text } from '@mantine/core';
import { IconCopy, IconDownload, IconFileZip } from '@tabler/icons-react';
import { useState } from 'react';
import { parsePeriod } from '../../shared/rules/activity';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { Section } from '../components/FormSection';
import { notifyError, notifySuccess } from '../components/notify';
import { LoadError, Loading } from '../components/QueryState';
import { base64ToBytes, saveFile } from '../components/saveFile';
import { copyAddresses, ExpectedTable } from './CompletenessTab';
import { PeriodSelect, type PeriodChoice } from './PeriodSelect';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * « Modèles Excel » : one workbook per Promeneur active during the period, pre-filled with
 * their name, structure and the period, to send them; all at once as a .zip, or one by one.
 */
export function TemplatesTab({ period }: { period: PeriodChoice }) {
  const query = useRoute('activity.completeness', { periodKey: period.value });
  const [busy, setBusy] = useState<number | 'all' | null>(null);
  const label = parsePeriod(period.value)?.label ?? period.value;

  const download = async (promeneurId: number | null) => {
    setBusy(promeneurId ?? 'all');
    const result = await invoke('activity.templates', { periodKey: period.value, promeneurId });
    setBusy(null);
    if (!result.ok) return notifyError(result.error, 'Modèles impossibles à produire');
    const { fileName, contentBase64, recipients } = result.value;
    saveFile(
      fileName,
      promeneurId === null ? 'application/zip' : XLSX,
      base64ToBytes(contentBase64),
    );
    notifySuccess(
      promeneurId === null
        ? `${plural(recipients.length, 'modèle', 'modèles')} dans « ${fileName} ». Envoyez à chaque Promeneur le fichier à son nom.`
        : `Modèle de ${recipients[0]?.name ?? ''} enregistré : « ${fileName} ».`,
      'Modèles prêts',
    );
  };

  const body = () => {
    if (!query.result) return <Loading label="Chargement des Promeneurs…" />;
    if (!query.result.ok) return <LoadError error={query.result.error} onRetry={query.reload} />;
    const { rows } = query.result.value;
    if (rows.length === 0)
      return (
        <Text c="dimmed">
          Aucun Promeneur du Net n’était actif pendant « {label} » : il n’y a pas de modèle à
          envoyer.
        </Text>
      );
    const emails = rows.filter((r) => r.email).map((r) => r.email!);
    return (
      <Stack gap="md">
        <Group justify="space-between">
          <Button
            leftSection={<IconFileZip size={16} aria-hidden />}
            loading={busy === 'all'}
            disabled={busy !== null}
            onClick={() => void download(null)}
          >
            Télécharger tous les modèles (.zip)
          </Button>
          <Button
            variant="default"
            leftSection={<IconCopy size={16} aria-hidden />}
            disabled={emails.length === 0}
            onClick={() => void copyAddresses(emails)}
          >
            Copier les adresses ({emails.length})
          </Button>
        </Group>
        <ExpectedTable
          rows={rows}
          label={`Destinataires des modèles de ${label}`}
          noEmail="pas d’e-mail"
          actionHeader="Modèle"
          action={(r) => (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconDownload size={14} aria-hidden />}
              loading={busy === r.promeneurId}
              disabled={busy !== null}
              onClick={() => void download(r.promeneurId)}
              aria-label={`Télécharger le modèle de ${r.name}`}
            >
              Modèle
            </Button>
          )}
        />
      </Stack>
    );
  };

  return (
    <Stack gap="lg">
      <PeriodSelect {...period} />
      <Section
        title={`Modèles de bilan pour « ${label} »`}
        description={
          <List size="sm" spacing={2}>
            <List.Item>
              Chaque classeur est prérempli du nom du Promeneur, de sa structure et de la période ;
              seules les cellules jaunes se remplissent, le reste est protégé.
            </List.Item>
            <List.Item>
              Envoyez à chacun le fichier à son nom ; une fois rempli, importez-le dans l’onglet «
              Retours ». Un fichier d’une autre personne ou d’une autre période est reconnu et
              refusé.
            </List.Item>
          </List>
        }
      >
        {body()}
      </Section>
    </Stack>
  );
}
