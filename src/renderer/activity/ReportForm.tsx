import {
  Button,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ActivityListValue, ActivityReport } from '../../shared/api/activity';
import {
  ACTIVITY_COUNTS,
  ACTIVITY_TEXTS,
  AGE_BANDS,
  CHANNEL_COUNT_LABEL,
  HOURS_ONLINE_LABEL,
  MAX_ACTIVITY_COUNT,
  MAX_ACTIVITY_TEXT,
  MAX_HOURS_ONLINE,
  THEME_COUNT_LABEL,
  type ActivityCount,
  type ActivityText,
  type AgeBand,
} from '../../shared/domain/activity';
import type { AppError, Result } from '../../shared/result';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { FormProblem } from '../components/FormProblem';
import { Section } from '../components/FormSection';
import { keepFocus } from '../components/keepFocus';
import { notifySuccess } from '../components/notify';
import { useFieldsForm } from '../components/useFieldsForm';
import { useRemoval } from '../components/useRemoval';
import { todoChanged } from '../todo/todoEvents';
import { initialValues, reportSchema, type ReportValues } from './reportForm';

interface Props {
  promeneur: { id: number; name: string };
  period: { key: string; label: string };
  report: ActivityReport | null;
  lists: { channels: ActivityListValue[]; themes: ActivityListValue[] };
  onSaved: () => void;
}

/** Main names the figures' fields `figures.youngMet`; the form names them `youngMet`. */
function withFormFields<T>(result: Result<T>): Result<T> {
  if (result.ok || !result.error.fields) return result;
  const fields = Object.fromEntries(
    Object.entries(result.error.fields).map(([k, v]) => [k.replace(/^figures\./, ''), v]),
  );
  return { ok: false, error: { ...result.error, fields } as AppError };
}

const countProps = {
  min: 0,
  max: MAX_ACTIVITY_COUNT,
  allowDecimal: false,
  allowNegative: false,
  clampBehavior: 'none' as const,
  thousandSeparator: ' ',
};

/** One Promeneur's figures for one period, entered or corrected by hand. */
export function ReportForm({ promeneur, period, report, lists, onSaved }: Props) {
  const form = useFieldsForm(reportSchema, initialValues(report, lists));
  const { values: v, set, bind, error, blur } = form;
  const removal = useRemoval<ActivityReport>({
    remove: (target) => invoke('activity.reports.remove', { id: target.id }),
    removed: `Chiffres de ${promeneur.name} pour « ${period.label} » supprimés.`,
    onRemoved: () => {
      todoChanged();
      onSaved();
    },
  });

  const save = async () => {
    const result = await form.submit(async (figures) =>
      withFormFields(
        report
          ? await invoke('activity.reports.update', { id: report.id, figures })
          : await invoke('activity.reports.create', {
              promeneurId: promeneur.id,
              periodKey: period.key,
              figures,
            }),
      ),
    );
    if (!result?.ok) return;
    notifySuccess(`Chiffres de ${promeneur.name} pour « ${period.label} » enregistrés.`);
    todoChanged();
    onSaved();
  };

  const setIn = <K extends 'channels' | 'themes'>(list: K, index: number, count: number | string) =>
    set(list, v[list].map((c, i) => (i === index ? { ...c, count } : c)) as ReportValues[K]);

  return (
    <form
      noValidate
      aria-label={`Chiffres de ${promeneur.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="lg">
        <Section
          title="Chiffres de la période"
          description="Chaque jeune compte une fois, même contacté plusieurs fois. Indiquez 0 s’il n’y a rien."
        >
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {(Object.entries(ACTIVITY_COUNTS) as [ActivityCount, string][]).map(([key, label]) => (
              <NumberInput
                key={key}
                label={label}
                required
                value={v[key]}
                onChange={(value) => set(key, value)}
                {...countProps}
                {...bind(key)}
              />
            ))}
            <NumberInput
              label={HOURS_ONLINE_LABEL}
              description="12,5 pour 12 h 30"
              required
              min={0}
              max={MAX_HOURS_ONLINE}
              decimalScale={2}
              decimalSeparator=","
              allowNegative={false}
              clampBehavior="none"
              value={v.hoursOnline}
              onChange={(value) => set('hoursOnline', value)}
              {...bind('hoursOnline')}
            />
          </SimpleGrid>
        </Section>

        <Section
          title="Répartition par âge des jeunes contactés"
          description="Facultative : seulement si vous la connaissez. Son total ne peut pas dépasser le nombre de jeunes contactés."
        >
          <Switch
            label="Je connais la répartition par âge"
            checked={v.ageKnown}
            onChange={(e) => set('ageKnown', e.currentTarget.checked)}
          />
          {v.ageKnown && (
            <SimpleGrid cols={3}>
              {(Object.entries(AGE_BANDS) as [AgeBand, string][]).map(([band, label]) => (
                <NumberInput
                  key={band}
                  label={label}
                  value={v.ageBands[band]}
                  onChange={(value) => set('ageBands', { ...v.ageBands, [band]: value })}
                  onBlur={() => blur(`ageBands.${band}`)}
                  error={error(`ageBands.${band}`)}
                  {...countProps}
                />
              ))}
            </SimpleGrid>
          )}
        </Section>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Section title={CHANNEL_COUNT_LABEL} description="Laissez vide un canal non utilisé.">
            <SimpleGrid cols={2} spacing="xs">
              {lists.channels.map((c, i) => (
                <NumberInput
                  key={c.id}
                  label={c.label}
                  size="xs"
                  value={v.channels[i]?.count ?? ''}
                  onChange={(value) => setIn('channels', i, value)}
                  onBlur={() => blur(`channels.${i}.count`)}
                  error={error(`channels.${i}.count`) ?? error(`channels.${i}.id`)}
                  {...countProps}
                />
              ))}
            </SimpleGrid>
          </Section>
          <Section
            title={THEME_COUNT_LABEL}
            description="Un jeune peut faire plusieurs demandes : comptez les demandes."
          >
            <SimpleGrid cols={2} spacing="xs">
              {lists.themes.map((t, i) => (
                <NumberInput
                  key={t.id}
                  label={t.label}
                  size="xs"
                  value={v.themes[i]?.count ?? ''}
                  onChange={(value) => setIn('themes', i, value)}
                  onBlur={() => blur(`themes.${i}.count`)}
                  error={error(`themes.${i}.count`) ?? error(`themes.${i}.id`)}
                  {...countProps}
                />
              ))}
            </SimpleGrid>
          </Section>
        </SimpleGrid>

        <Section title="En quelques mots">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {(Object.entries(ACTIVITY_TEXTS) as [ActivityText, string][]).map(([key, label]) => (
              <Textarea
                key={key}
                label={label}
                autosize
                minRows={2}
                maxRows={8}
                maxLength={MAX_ACTIVITY_TEXT}
                value={v[key]}
                onChange={(e) => set(key, e.currentTarget.value)}
                {...bind(key)}
              />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Ces textes parlent du travail du Promeneur : ils sont effacés si le Promeneur demande
            l’effacement de ses données (les chiffres restent, détachés de son nom).
          </Text>
        </Section>

        <FormProblem form={form} />
        <Group justify="space-between">
          {report ? (
            <Button
              variant="outline"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => removal.ask(report)}
            >
              Supprimer ces chiffres
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={form.saving} {...keepFocus}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        {...removal.confirmProps}
        title="Supprimer ces chiffres ?"
        confirmLabel="Supprimer les chiffres"
      >
        {`Les chiffres de ${promeneur.name} pour « ${period.label} » seront retirés des totaux ; le bilan redeviendra manquant.`}
      </ConfirmModal>
    </form>
  );
}
