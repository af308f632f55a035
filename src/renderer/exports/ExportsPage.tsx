/**
 * « Exports »: every workbook Balise produces for the CAF, the funders and the COPIL, each
 * with its options and one button. While a file is being prepared (in a separate process,
 * the window stays usable) a progress bar says which one and for how long; then the system's
 * « Enregistrer sous » dialog opens.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { RouteInput } from '../../shared/api/contract';
import { todayInParis } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { DateField } from '../components/DateField';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { base64ToBytes, saveFile } from '../components/saveFile';

type ExportRoute =
  | 'exports.bilan'
  | 'exports.annuaire'
  | 'exports.conventions'
  | 'exports.decisions'
  | 'exports.attendance'
  | 'exports.copil';

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

interface Running {
  label: string;
}

/** Seconds since `active` turned true, ticking while the file is prepared. */
function useElapsed(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => {
      clearInterval(timer);
      setSeconds(0);
    };
  }, [active]);
  return seconds;
}

export function ExportsPage() {
  const thisYear = Number(todayInParis().slice(0, 4));
  const options = useRoute('dashboard.options', {});
  const years =
    options.result?.ok && options.result.value.years.length > 0
      ? options.result.value.years
      : [thisYear];
  const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));

  const [bilanYear, setBilanYear] = useState(String(thisYear));
  const [annuaireFormat, setAnnuaireFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [decisionsYear, setDecisionsYear] = useState<string | null>(String(thisYear));
  const [from, setFrom] = useState<string | null>(`${thisYear}-01-01`);
  const [to, setTo] = useState<string | null>(todayInParis());
  const [copilDate, setCopilDate] = useState<string | null>(todayInParis());
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState<{ label: string; message: string } | null>(null);
  const elapsed = useElapsed(running !== null);

  async function run<R extends ExportRoute>(label: string, route: R, input: RouteInput<R>) {
    setError(null);
    setRunning({ label });
    try {
      const result = await invoke(route, input);
      if (!result.ok) {
        setError({ label, message: result.error.message });
        return;
      }
      const { fileName, contentBase64 } = result.value;
      saveFile(
        fileName,
        fileName.endsWith('.csv') ? MIME.csv : MIME.xlsx,
        base64ToBytes(contentBase64),
      );
      notifySuccess(`« ${fileName} » est prêt : choisissez où l’enregistrer.`, label);
    } catch {
      setError({ label, message: 'Le fichier n’a pas pu être préparé. Réessayez.' });
    } finally {
      setRunning(null);
    }
  }

  const busy = running !== null;
  const button = (label: string, onClick: () => void, disabled = false) => (
    <Button
      leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
      onClick={onClick}
      disabled={busy || disabled}
      loading={running?.label === label}
      w="fit-content"
      aria-label={`Exporter : ${label}`}
    >
      Exporter
    </Button>
  );

  return (
    <Stack>
      <PageHeader
        title="Exports"
        meta={
          <Text c="dimmed" size="sm">
            Les classeurs Excel pour la CAF, les financeurs et le COPIL : dates et montants réels,
            totaux en formules, filtres et en-têtes figés.
          </Text>
        }
      />

      {running && (
        <Card withBorder padding="md" role="status" aria-live="polite">
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Préparation de « {running.label} »… {elapsed > 0 ? `(${elapsed} s)` : ''}
            </Text>
            <Progress value={100} striped animated aria-label={`Préparation de ${running.label}`} />
            <Text size="xs" c="dimmed">
              Vous pouvez continuer à utiliser Balise pendant ce temps.
            </Text>
          </Stack>
        </Card>
      )}
      {error && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={`${error.label} : export impossible`}
          withCloseButton
          closeButtonLabel="Fermer"
          onClose={() => setError(null)}
        >
          {error.message}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ExportCard
          title="Bilan annuel"
          description="Pour la CAF : synthèse avec graphiques (les chiffres du tableau de bord), structures et conventions, Promeneurs, activité par Promeneur et par période, réseau (réunions, formations, présences), financement."
        >
          <Select
            label="Année"
            data={yearOptions}
            value={bilanYear}
            onChange={(v) => v && setBilanYear(v)}
            allowDeselect={false}
            w={140}
          />
          {button(
            'Bilan annuel',
            () => void run('Bilan annuel', 'exports.bilan', { year: Number(bilanYear) }),
          )}
        </ExportCard>

        <ExportCard
          title="Annuaire départemental"
          description="Les Promeneurs actifs, avec seulement ce que chacun a accepté de publier (prénom, métier et structure toujours ; le reste selon son accord), prêt pour le site départemental."
        >
          <Stack gap={4}>
            <Text size="sm" fw={500} id="annuaire-format">
              Format
            </Text>
            <SegmentedControl
              aria-labelledby="annuaire-format"
              value={annuaireFormat}
              onChange={(v) => setAnnuaireFormat(v as 'xlsx' | 'csv')}
              data={[
                { value: 'xlsx', label: 'Excel (.xlsx)' },
                { value: 'csv', label: 'CSV (.csv)' },
              ]}
              w="fit-content"
            />
          </Stack>
          {button(
            'Annuaire départemental',
            () =>
              void run('Annuaire départemental', 'exports.annuaire', { format: annuaireFormat }),
          )}
        </ExportCard>

        <ExportCard
          title="Suivi des conventions"
          description="Chaque convention avec ses pièces justificatives, ses obligations annuelles et ses versements ; les échéances dépassées sont surlignées en rouge."
        >
          {button(
            'Suivi des conventions',
            () => void run('Suivi des conventions', 'exports.conventions', {}),
          )}
        </ExportCard>

        <ExportCard
          title="Relevé des décisions"
          description="Les décisions du COPIL et du COTECH, numérotées, avec leur réunion (le même relevé que dans « Instances »)."
        >
          <Select
            label="Année"
            data={[{ value: '', label: 'Toutes les années' }, ...yearOptions]}
            value={decisionsYear ?? ''}
            onChange={(v) => setDecisionsYear(v ? v : null)}
            allowDeselect={false}
            w={180}
          />
          {button(
            'Relevé des décisions',
            () =>
              void run('Relevé des décisions', 'exports.decisions', {
                year: decisionsYear ? Number(decisionsYear) : null,
              }),
          )}
        </ExportCard>

        <ExportCard
          title="Émargement"
          description="Les présences aux évènements d’une période : un onglet des évènements (invités, présents, excusés, absents, taux), un onglet des personnes."
        >
          <Group gap="sm" align="flex-end">
            <DateField label="Du" value={from} onChange={setFrom} w={150} />
            <DateField label="Au" value={to} onChange={setTo} w={150} />
          </Group>
          {button(
            'Émargement',
            () => void run('Émargement', 'exports.attendance', { eventId: null, from, to }),
            !from || !to,
          )}
        </ExportCard>

        <ExportCard
          title="Dossier du COPIL"
          description="Pour une séance du comité de pilotage : chiffres clés depuis le 1er janvier, état des conventions, éléments en retard, décisions à prendre."
        >
          <DateField label="Date de la séance" value={copilDate} onChange={setCopilDate} w={180} />
          {button(
            'Dossier du COPIL',
            () => void run('Dossier du COPIL', 'exports.copil', { date: copilDate ?? '' }),
            !copilDate,
          )}
        </ExportCard>
      </SimpleGrid>
    </Stack>
  );
}

function ExportCard(props: { title: string; description: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={props.title}>
      <Stack gap="sm" h="100%">
        <Title order={2} fz="h4">
          {props.title}
        </Title>
        <Text size="sm" c="dimmed">
          {props.description}
        </Text>
        <Stack gap="sm" mt="auto">
          {props.children}
        </Stack>
      </Stack>
    </Card>
  );
}
