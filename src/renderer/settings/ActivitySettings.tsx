import {
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import type { ActivityListValue } from '../../shared/api/activity';
import { settingsValues, type SettingsValues } from '../../shared/api/settings';
import {
  ACTIVITY_LIST_ITEM,
  ACTIVITY_LISTS,
  ACTIVITY_PERIOD_KINDS,
  MAX_LIST_LABEL,
  type ActivityList,
  type ActivityPeriodKind,
} from '../../shared/domain/activity';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { ConfirmModal } from '../components/ConfirmModal';
import { plural } from '../components/format';
import { Section } from '../components/FormSection';
import { notifyError, notifySuccess } from '../components/notify';
import { optionsOf } from '../components/options';
import { LoadError, Loading } from '../components/QueryState';
import { MoveButtons, RowActions } from '../components/RowActions';
import { useFieldsForm } from '../components/useFieldsForm';
import { useRemoval } from '../components/useRemoval';
import { todoChanged } from '../todo/todoEvents';
import { SettingsForm } from './SettingsForm';

const schema = z.object(settingsValues.shape).pick({ activityPeriod: true });

/** How often Promeneurs report, and the two lists their figures are counted by. */
export function ActivitySettings({ initial }: { initial: SettingsValues }) {
  const form = useFieldsForm(schema, {
    activityPeriod: initial.activityPeriod as ActivityPeriodKind | null,
  });
  const lists = useRoute('activity.lists', {});

  const save = async () => {
    const result = await form.submit((values) => invoke('settings.update', values));
    if (!result?.ok) return;
    notifySuccess('Période de collecte enregistrée. Les modèles et la complétude la suivent.');
    todoChanged();
  };

  return (
    <Section
      title="Activité des Promeneurs"
      description="La période pour laquelle les Promeneurs donnent leurs chiffres, et les listes des canaux et des thèmes qu’ils comptent. Renommer une valeur garde les chiffres déjà reçus."
    >
      <SettingsForm label="Période de collecte" form={form} onSubmit={() => void save()}>
        <Select
          label="Période de collecte"
          description="Les chiffres déjà reçus gardent leur période."
          data={optionsOf(ACTIVITY_PERIOD_KINDS)}
          value={form.values.activityPeriod}
          onChange={(v) => form.set('activityPeriod', v as ActivityPeriodKind | null)}
          allowDeselect={false}
          w={240}
          {...form.bind('activityPeriod')}
        />
      </SettingsForm>
      {!lists.result ? (
        <Loading />
      ) : !lists.result.ok ? (
        <LoadError error={lists.result.error} onRetry={lists.reload} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {(['channels', 'themes'] as const).map((list) => (
            <ListEditor
              key={list}
              list={list}
              values={lists.result!.ok ? lists.result!.value[list] : []}
              onChanged={lists.reload}
            />
          ))}
        </SimpleGrid>
      )}
    </Section>
  );
}

function ListEditor({
  list,
  values,
  onChanged,
}: {
  list: ActivityList;
  values: ActivityListValue[];
  onChanged: () => void;
}) {
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{
    id: number;
    label: string;
    error: string | null;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const title = ACTIVITY_LISTS[list];
  const item = ACTIVITY_LIST_ITEM[list];
  const removal = useRemoval<ActivityListValue>({
    remove: (v) => invoke('activity.lists.remove', { list, id: v.id }),
    removed: (v) => `« ${v.label} » retiré de la liste « ${title} ».`,
    onRemoved: onChanged,
  });
  const removing = removal.target;

  const add = async () => {
    setBusy(true);
    const result = await invoke('activity.lists.create', { list, label: adding });
    setBusy(false);
    if (!result.ok) return setAddError(result.error.fields?.label ?? result.error.message);
    notifySuccess(`« ${adding.trim()} » ajouté à la liste « ${title} ».`);
    setAdding('');
    setAddError(null);
    onChanged();
  };

  const rename = async () => {
    if (!editing) return;
    setBusy(true);
    const result = await invoke('activity.lists.rename', {
      list,
      id: editing.id,
      label: editing.label,
    });
    setBusy(false);
    if (!result.ok)
      return setEditing({ ...editing, error: result.error.fields?.label ?? result.error.message });
    setEditing(null);
    onChanged();
  };

  const move = async (index: number, direction: 'up' | 'down') => {
    const by = direction === 'up' ? -1 : 1;
    const ids = values.map((v) => v.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    const result = await invoke('activity.lists.reorder', { list, ids });
    if (!result.ok) notifyError(result.error);
    onChanged();
  };

  return (
    <Stack gap="xs">
      <Text fw={600}>{title}</Text>
      <Table verticalSpacing={2} aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Libellé</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {values.map((v, i) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                {editing?.id === v.id ? (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      void rename();
                    }}
                  >
                    <Group gap={4} wrap="nowrap">
                      <TextInput
                        size="xs"
                        aria-label={`Nouveau nom de « ${v.label} »`}
                        value={editing.label}
                        maxLength={MAX_LIST_LABEL}
                        error={editing.error}
                        onChange={(e) =>
                          setEditing({ ...editing, label: e.currentTarget.value, error: null })
                        }
                        data-autofocus
                      />
                      <Button size="compact-xs" type="submit" loading={busy}>
                        Enregistrer
                      </Button>
                      <Button size="compact-xs" variant="default" onClick={() => setEditing(null)}>
                        Annuler
                      </Button>
                    </Group>
                  </form>
                ) : (
                  <Stack gap={0}>
                    <Text size="sm">{v.label}</Text>
                    {v.uses > 0 && (
                      <Text size="xs" c="dimmed">
                        dans {plural(v.uses, 'bilan', 'bilans')}
                      </Text>
                    )}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <RowActions
                  editLabel={`Renommer « ${v.label} »`}
                  removeLabel={`Retirer « ${v.label} »`}
                  onEdit={() => setEditing({ id: v.id, label: v.label, error: null })}
                  onRemove={() => removal.ask(v)}
                  justify="flex-end"
                >
                  <MoveButtons
                    name={v.label}
                    first={i === 0}
                    last={i === values.length - 1}
                    onMove={(direction) => void move(i, direction)}
                  />
                </RowActions>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Group gap="xs" align="flex-start">
          <TextInput
            size="xs"
            aria-label={`Nouveau ${item.one}`}
            placeholder={`Nouveau ${item.one}`}
            value={adding}
            maxLength={MAX_LIST_LABEL}
            error={addError}
            onChange={(e) => {
              setAdding(e.currentTarget.value);
              setAddError(null);
            }}
          />
          <Button
            size="xs"
            variant="light"
            type="submit"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={adding.trim() === ''}
          >
            Ajouter
          </Button>
        </Group>
      </form>
      <ConfirmModal
        {...removal.confirmProps}
        title={`Retirer ${item.the} « ${removing?.label ?? ''} » ?`}
        confirmLabel="Retirer"
      >
        {removing &&
          (removing.uses > 0
            ? `Des bilans utilisent « ${removing.label} » : il ne peut pas être retiré. Renommez-le plutôt.`
            : `« ${removing.label} » ne sera plus proposé dans les bilans et les modèles.`)}
      </ConfirmModal>
    </Stack>
  );
}
