import { Button, Group, List, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
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
import { copyAddresses, ReceivedBadge } from './CompletenessTab';
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
        <Table striped aria-label={`Destinataires des modèles de ${label}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Promeneur</Table.Th>
              <Table.Th>Structure</Table.Th>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Bilan</Table.Th>
              <Table.Th>
                <VisuallyHidden>Modèle</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.promeneurId}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.structure.name}</Table.Td>
                <Table.Td>{r.email ?? <Text c="dimmed">pas d’e-mail</Text>}</Table.Td>
                <Table.Td>
                  <ReceivedBadge report={r.report} />
                </Table.Td>
                <Table.Td>
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
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
