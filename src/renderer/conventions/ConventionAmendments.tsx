import {
  Button,
  Group,
  List,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { z } from 'zod';
import { amendmentFields, type Convention } from '../../shared/api/conventions';
import { formatEuros } from '../../shared/rules/conventions';
import { formatDate } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { DateField } from '../components/DateField';
import { EditModal } from '../components/EditModal';
import { notifySuccess } from '../components/notify';
import { RowActions } from '../components/RowActions';
import { useEditRemove } from '../components/useEditRemove';
import { useFieldsForm } from '../components/useFieldsForm';
import { yearsOf, type YearAmountRow } from './formValues';
import { CONVENTION_LABELS as L } from './labels';
import { ModalFormFrame } from './ModalFormFrame';
import { YearAmountsEditor } from './YearAmountsEditor';

type Amendment = Convention['amendments'][number];

interface Props {
  convention: Convention;
  onChanged: () => void;
}

/** What an amendment changed, in words. */
function changesOf(a: Amendment): string[] {
  return [
    ...(a.endDate ? [`Nouvelle fin : ${formatDate(a.endDate)}`] : []),
    ...(a.fundedPromeneurs !== null ? [`Promeneurs financés : ${a.fundedPromeneurs}`] : []),
    ...a.subsidies.map((s) => `Subvention ${s.year} : ${formatEuros(s.amountCents)}`),
  ];
}

/** The « Avenants » tab: every amendment, numbered by date of signature. */
export function ConventionAmendments({ convention: c, onChanged }: Props) {
  const records = useEditRemove<Amendment>({
    onChanged,
    remove: (a) => invoke('conventions.amendments.remove', { id: a.id }),
    removed: (a) => `Avenant n° ${a.number} supprimé.`,
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Tout changement des termes (période, montants, nombre de Promeneurs) passe par un avenant
          signé. La convention affiche ses termes avec les avenants.
        </Text>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => records.edit('new')}
        >
          Ajouter un avenant
        </Button>
      </Group>
      {c.amendments.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucun avenant pour cette convention.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label="Avenants">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>N°</Table.Th>
                <Table.Th w={110}>Signé le</Table.Th>
                <Table.Th>Objet</Table.Th>
                <Table.Th>Changements</Table.Th>
                <Table.Th w={80} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.amendments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td fw={600}>n° {a.number}</Table.Td>
                  <Table.Td>{formatDate(a.signedOn)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{a.object}</Table.Td>
                  <Table.Td>
                    {changesOf(a).length === 0 ? (
                      <Text size="sm" c="dimmed">
                        Aucun changement des termes
                      </Text>
                    ) : (
                      <List size="sm" spacing={2}>
                        {changesOf(a).map((line) => (
                          <List.Item key={line}>{line}</List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      editLabel={`Modifier l’avenant n° ${a.number}`}
                      removeLabel={`Supprimer l’avenant n° ${a.number}`}
                      onEdit={() => records.edit(a)}
                      onRemove={() => records.askRemove(a)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <EditModal
        editing={records.editing}
        onClose={records.closeEdit}
        newTitle="Nouvel avenant"
        editTitle={(a) => `Avenant n° ${a.number}`}
        size="lg"
      >
        {(amendment) => (
          <AmendmentForm
            convention={c}
            amendment={amendment}
            onDone={records.saved}
            onCancel={records.closeEdit}
          />
        )}
      </EditModal>
      <ConfirmModal
        {...records.confirmProps}
        title="Supprimer cet avenant ?"
        confirmLabel="Supprimer l’avenant"
      >
        {records.removing &&
          `L’avenant n° ${records.removing.number} du ${formatDate(records.removing.signedOn)} sera supprimé : la convention reprendra ses termes sans lui, et ses obligations seront recalculées.`}
      </ConfirmModal>
    </Stack>
  );
}

/** The form holds one row per year, empty for « unchanged »; only the filled ones are sent. */
const amendmentForm = z.preprocess((value) => {
  const v = value as { subsidies: YearAmountRow[] };
  return { ...v, subsidies: v.subsidies.filter((s) => s.amountCents !== null) };
}, amendmentFields);

function AmendmentForm({
  convention: c,
  amendment,
  onDone,
  onCancel,
}: {
  convention: Convention;
  amendment: Amendment | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const own = new Map(amendment?.subsidies.map((s) => [s.year, s.amountCents]) ?? []);
  const end = amendment?.endDate ?? c.terms.endDate;
  const form = useFieldsForm(amendmentForm, {
    signedOn: amendment?.signedOn ?? null,
    object: amendment?.object ?? '',
    endDate: amendment?.endDate ?? null,
    fundedPromeneurs: amendment?.fundedPromeneurs ?? null,
    subsidies: yearsOf(c.terms.startDate, end, []).map((r) => ({
      year: r.year,
      amountCents: own.get(r.year) ?? null,
    })),
  });
  const { values: v, set, bind, error, blur } = form;
  const current = new Map(c.terms.subsidies.map((s) => [s.year, s.amountCents]));

  const setEnd = (endDate: string | null) => {
    set('endDate', endDate);
    set('subsidies', yearsOf(c.terms.startDate, endDate ?? c.terms.endDate, v.subsidies));
  };

  const submit = async () => {
    const result = await form.submit((fields) =>
      amendment
        ? invoke('conventions.amendments.update', { id: amendment.id, fields })
        : invoke('conventions.amendments.create', { conventionId: c.id, fields }),
    );
    if (result?.ok) {
      notifySuccess(
        amendment
          ? `Avenant n° ${amendment.number} modifié.`
          : 'Avenant enregistré : les termes, les obligations et les échéances suivent.',
      );
      onDone();
    }
  };

  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <DateField
        label={L.signedOn}
        required
        value={v.signedOn}
        onChange={(value) => set('signedOn', value)}
        {...bind('signedOn')}
        error={
          error('signedOn') && v.signedOn === null
            ? 'Indiquez la date de signature de l’avenant.'
            : error('signedOn')
        }
      />
      <Textarea
        label={L.object}
        required
        data-autofocus
        autosize
        minRows={2}
        maxRows={6}
        value={v.object}
        onChange={(e) => set('object', e.currentTarget.value)}
        {...bind('object')}
      />
      <Text size="sm" fw={600}>
        Ce que l’avenant change (laissez vide ce qui ne change pas)
      </Text>
      <SimpleGrid cols={2}>
        <DateField
          label="Nouvelle date de fin"
          description={`Actuellement le ${formatDate(c.terms.endDate)}`}
          value={v.endDate}
          onChange={setEnd}
          {...bind('endDate')}
        />
        <NumberInput
          label="Promeneurs financés"
          description={`Actuellement ${c.terms.fundedPromeneurs}`}
          placeholder="Inchangé"
          min={1}
          max={200}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={v.fundedPromeneurs ?? ''}
          onChange={(value) => set('fundedPromeneurs', typeof value === 'number' ? value : null)}
          {...bind('fundedPromeneurs')}
        />
      </SimpleGrid>
      <YearAmountsEditor
        rows={v.subsidies}
        onChange={(rows) => set('subsidies', rows)}
        path="subsidies"
        error={error}
        onBlur={blur}
        current={current}
        emptyText="La période de la convention ne couvre aucune année."
        cols={3}
      />
    </ModalFormFrame>
  );
}
