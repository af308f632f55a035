import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  IconArrowBackUp,
  IconCheck,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconSend,
} from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { minutesChange, type AgendaItem, type Meeting } from '../../shared/api/committees';
import type { MinutesStatus } from '../../shared/domain/committees';
import type { RichDoc } from '../../shared/domain/richText';
import { formatDate, todayInParis } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { DateField } from '../components/DateField';
import { notifyError, notifySuccess } from '../components/notify';
import { base64ToBytes, saveFile } from '../components/saveFile';
import { useFieldsForm } from '../components/useFieldsForm';
import { ModalFormFrame } from '../conventions/ModalFormFrame';
import { MinutesStatusBadge } from './badges';
import { MINUTES_LABELS as L } from './labels';
import { PdfPreview } from './PdfPreview';
import { RichTextEditor } from './RichTextEditor';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Props {
  meeting: Meeting;
  onChanged: () => void;
}

/** « Compte rendu »: what was said per point, the minutes' life, the PDF and Word exports. */
export function MinutesPanel({ meeting: m, onChanged }: Props) {
  const [changing, setChanging] = useState<Exclude<MinutesStatus, 'brouillon'> | null>(null);
  const [preview, setPreview] = useState(false);
  const [exporting, setExporting] = useState(false);
  const draft = m.minutes.status === 'brouillon';

  const exportDocx = async () => {
    setExporting(true);
    const result = await invoke('committees.minutesDocx', { eventId: m.event.id });
    setExporting(false);
    if (!result.ok) return notifyError(result.error);
    saveFile(result.value.fileName, DOCX, base64ToBytes(result.value.contentBase64));
    notifySuccess('Compte rendu exporté au format Word.');
  };
  const backToDraft = async () => {
    const result = await invoke('committees.minutes.setStatus', {
      eventId: m.event.id,
      status: 'brouillon',
    });
    if (!result.ok) return notifyError(result.error);
    notifySuccess('Le compte rendu est de nouveau un brouillon.');
    onChanged();
  };

  return (
    <Stack gap="lg">
      <Paper p="md" withBorder aria-label="État du compte rendu" component="section">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600}>Compte rendu</Text>
              <MinutesStatusBadge status={m.minutes.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {m.minutes.status === 'brouillon' &&
                'En cours de rédaction : il s’enregistre au fil de la frappe. Une fois relu, faites-le approuver à la réunion suivante.'}
              {m.minutes.approvedOn &&
                `Approuvé le ${formatDate(m.minutes.approvedOn)}${m.minutes.approvedAt ? ` (${m.minutes.approvedAt.title})` : ''}.`}
              {m.minutes.circulatedOn &&
                ` Diffusé le ${formatDate(m.minutes.circulatedOn)} à : ${m.minutes.recipients ?? ''}.`}
            </Text>
          </Stack>
          <Group gap="sm">
            {m.minutes.status === 'brouillon' && (
              <Button
                variant="light"
                leftSection={<IconCheck size={16} aria-hidden />}
                onClick={() => setChanging('approuve')}
              >
                Marquer approuvé
              </Button>
            )}
            {m.minutes.status === 'approuve' && (
              <Button
                variant="light"
                leftSection={<IconSend size={16} aria-hidden />}
                onClick={() => setChanging('diffuse')}
              >
                Marquer diffusé
              </Button>
            )}
            {m.minutes.status !== 'brouillon' && (
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                onClick={() => void backToDraft()}
              >
                Revenir au brouillon
              </Button>
            )}
          </Group>
        </Group>
        <Group gap="sm" mt="md">
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
            onClick={() => setPreview(true)}
          >
            Exporter en PDF
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileTypeDocx size={16} aria-hidden />}
            loading={exporting}
            onClick={() => void exportDocx()}
          >
            Exporter en Word (.docx)
          </Button>
        </Group>
      </Paper>

      {m.agenda.length === 0 ? (
        <Alert variant="light" color="blue" title="Le compte rendu s’écrit point par point">
          Préparez d’abord l’ordre du jour (onglet « Ordre du jour ») : chaque point y aura sa
          partie du compte rendu.
        </Alert>
      ) : (
        m.agenda.map((item) => (
          <ItemMinutes key={item.id ?? 'suivi'} eventId={m.event.id} item={item} editable={draft} />
        ))
      )}

      <Modal
        opened={changing !== null}
        onClose={() => setChanging(null)}
        title={changing === 'diffuse' ? 'Diffusion du compte rendu' : 'Approbation du compte rendu'}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {changing && (
          <StatusForm
            meeting={m}
            status={changing}
            onDone={() => {
              setChanging(null);
              onChanged();
            }}
            onCancel={() => setChanging(null)}
          />
        )}
      </Modal>
      <PdfPreview
        request={
          preview ? { route: 'committees.minutesPdf', input: { eventId: m.event.id } } : null
        }
        title="Compte rendu"
        description="Format A4, prêt à imprimer et à diffuser : ordre du jour, présences, compte rendu par point, décisions et actions."
        onClose={() => setPreview(false)}
      />
    </Stack>
  );
}

type SaveState =
  | { step: 'idle' }
  | { step: 'saving' }
  | { step: 'saved'; at: Date }
  | { step: 'failed'; message: string };

/** One point's minutes, saved a moment after typing stops (and when leaving the field). */
function ItemMinutes({
  eventId,
  item,
  editable,
}: {
  eventId: number;
  item: AgendaItem;
  editable: boolean;
}) {
  const [state, setState] = useState<SaveState>({ step: 'idle' });
  const pending = useRef<RichDoc | null>(null);
  const save = async () => {
    const doc = pending.current;
    if (!doc) return;
    pending.current = null;
    setState({ step: 'saving' });
    const result = await invoke('committees.minutes.save', {
      eventId,
      itemId: item.id,
      minutes: doc,
    });
    setState(
      result.ok
        ? { step: 'saved', at: new Date() }
        : { step: 'failed', message: result.error.message },
    );
  };
  const later = useDebouncedCallback(() => void save(), { delay: 1200, flushOnUnmount: true });
  const label = `Compte rendu : ${item.title}`;
  return (
    <Stack gap={6} component="section" aria-label={`${item.position}. ${item.title}`}>
      <Group justify="space-between" align="baseline">
        <Title order={3} fz="h5">
          {item.position}. {item.title}
        </Title>
        <Text
          size="xs"
          c={state.step === 'failed' ? 'red' : 'dimmed'}
          aria-live="polite"
          data-testid={`save-state-${item.position}`}
        >
          {state.step === 'saving' && 'Enregistrement…'}
          {state.step === 'saved' &&
            `Enregistré à ${state.at.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}`}
          {state.step === 'failed' && `Non enregistré : ${state.message}`}
        </Text>
      </Group>
      <RichTextEditor
        value={item.minutes}
        editable={editable}
        label={label}
        onChange={(doc) => {
          pending.current = doc;
          later();
        }}
        onBlur={() => later.flush()}
      />
    </Stack>
  );
}

function StatusForm({
  meeting: m,
  status,
  onDone,
  onCancel,
}: {
  meeting: Meeting;
  status: 'approuve' | 'diffuse';
  onDone: () => void;
  onCancel: () => void;
}) {
  const today = todayInParis();
  const next = m.later[0] ?? null;
  const form = useFieldsForm(minutesChange, {
    eventId: m.event.id,
    status,
    approvedOn: (m.minutes.approvedOn ??
      (next && next.start.slice(0, 10) <= today ? next.start.slice(0, 10) : today)) as
      string | null,
    approvedAtEventId: m.minutes.approvedAt?.id ?? next?.id ?? null,
    circulatedOn: (m.minutes.circulatedOn ?? today) as string | null,
    recipients: m.minutes.recipients ?? '',
  });
  const { values: v, set, bind } = form;
  const submit = async () => {
    const result = await form.submit((input) => invoke('committees.minutes.setStatus', input));
    if (result?.ok) {
      notifySuccess(
        status === 'diffuse' ? 'Compte rendu marqué diffusé.' : 'Compte rendu marqué approuvé.',
      );
      onDone();
    }
  };
  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      {status === 'approuve' ? (
        <>
          <Text size="sm" c="dimmed">
            Le compte rendu est approuvé par l’instance, en général au début de la réunion suivante.
            Une fois approuvé, son texte ne change plus (sauf à revenir au brouillon).
          </Text>
          <DateField
            label={L.approvedOn}
            required
            value={v.approvedOn}
            onChange={(value) => set('approvedOn', value)}
            {...bind('approvedOn')}
          />
          <Select
            label={L.approvedAtEventId}
            placeholder={m.later.length ? 'Choisir…' : 'Aucune réunion suivante au calendrier'}
            data={m.later.map((r) => ({
              value: String(r.id),
              label: `${r.title} du ${formatDate(r.start)}`,
            }))}
            value={v.approvedAtEventId === null ? null : String(v.approvedAtEventId)}
            onChange={(value) => set('approvedAtEventId', value ? Number(value) : null)}
            clearable
            {...bind('approvedAtEventId')}
          />
        </>
      ) : (
        <>
          <DateField
            label={L.circulatedOn}
            required
            value={v.circulatedOn}
            onChange={(value) => set('circulatedOn', value)}
            {...bind('circulatedOn')}
          />
          <Textarea
            label={L.recipients}
            required
            placeholder="Par exemple : membres du COPIL, structures du réseau, Promeneurs du Net"
            autosize
            minRows={2}
            data-autofocus
            value={v.recipients}
            onChange={(e) => set('recipients', e.currentTarget.value)}
            {...bind('recipients')}
          />
        </>
      )}
    </ModalFormFrame>
  );
}
