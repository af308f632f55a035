import { Button, Select, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { paymentFields, type Convention } from '../../shared/api/conventions';
import { PAYMENT_KINDS, type PaymentKind } from '../../shared/domain/conventions';
import { coveredYears, formatEuros } from '../../shared/rules/conventions';
import { formatDate } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { DateField } from '../components/DateField';
import { EditModal } from '../components/EditModal';
import { Section } from '../components/FormSection';
import { notifySuccess } from '../components/notify';
import { labelOf, optionsOf } from '../components/options';
import { RowActions } from '../components/RowActions';
import { useEditRemove } from '../components/useEditRemove';
import { useFieldsForm } from '../components/useFieldsForm';
import { CONVENTION_LABELS as L, PAYMENT_FIELD_LABELS } from './labels';
import { EuroInput } from './EuroInput';
import { ModalFormFrame } from './ModalFormFrame';

type Payment = Convention['payments'][number];

interface Props {
  convention: Convention;
  onChanged: () => void;
}

const paymentName = (p: Pick<Payment, 'kind' | 'year'>) =>
  `${labelOf(PAYMENT_KINDS, p.kind).toLowerCase()} ${p.year}`;

/** The « Versements » tab: per year, committed versus paid; the payments themselves. */
export function ConventionPayments({ convention: c, onChanged }: Props) {
  const records = useEditRemove<Payment>({
    onChanged,
    remove: (p) => invoke('conventions.payments.remove', { id: p.id }),
    removed: 'Versement supprimé.',
  });
  const years = coveredYears(c.terms.startDate, c.terms.endDate);
  const payments = [...c.payments].sort(
    (a, b) =>
      a.year - b.year ||
      (a.paidOn ?? a.plannedOn ?? '').localeCompare(b.paidOn ?? b.plannedOn ?? ''),
  );
  const sum = (pick: (t: Convention['totals'][number]) => number) =>
    c.totals.reduce((total, t) => total + pick(t), 0);

  return (
    <Stack gap="lg">
      <Section
        title="Par année"
        description="Engagé : la subvention de l’année (avec les avenants). Reste à verser : engagé moins versé."
      >
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing={6} aria-label="Totaux par année" maw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Année</Table.Th>
                <Table.Th ta="right">Engagé</Table.Th>
                <Table.Th ta="right">Versé</Table.Th>
                <Table.Th ta="right">Prévu</Table.Th>
                <Table.Th ta="right">Reste à verser</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.totals.map((t) => (
                <Table.Tr key={t.year}>
                  <Table.Td>{t.year}</Table.Td>
                  <Table.Td ta="right">{formatEuros(t.committedCents)}</Table.Td>
                  <Table.Td ta="right">{formatEuros(t.paidCents)}</Table.Td>
                  <Table.Td ta="right">{formatEuros(t.plannedCents)}</Table.Td>
                  <Table.Td ta="right" c={t.remainingCents < 0 ? 'red' : undefined}>
                    {formatEuros(t.remainingCents)}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td>Total</Table.Td>
                <Table.Td ta="right">{formatEuros(sum((t) => t.committedCents))}</Table.Td>
                <Table.Td ta="right">{formatEuros(sum((t) => t.paidCents))}</Table.Td>
                <Table.Td ta="right">{formatEuros(sum((t) => t.plannedCents))}</Table.Td>
                <Table.Td ta="right">{formatEuros(sum((t) => t.remainingCents))}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <Section
        title="Versements"
        aside={
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => records.edit('new')}
          >
            Ajouter un versement
          </Button>
        }
      >
        {payments.length === 0 ? (
          <Text size="sm" c="dimmed">
            Aucun versement enregistré. Ajoutez les avances et soldes prévus : ceux qui ne sont pas
            encore versés apparaissent dans « À faire » à leur date prévue.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" aria-label="Versements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Année</Table.Th>
                  <Table.Th>Nature</Table.Th>
                  <Table.Th ta="right">Montant</Table.Th>
                  <Table.Th>Prévu le</Table.Th>
                  <Table.Th>Versé le</Table.Th>
                  <Table.Th>Commentaire</Table.Th>
                  <Table.Th w={80} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payments.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.year}</Table.Td>
                    <Table.Td>{labelOf(PAYMENT_KINDS, p.kind)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatEuros(p.amountCents)}
                    </Table.Td>
                    <Table.Td>{formatDate(p.plannedOn) || '—'}</Table.Td>
                    <Table.Td>
                      {p.paidOn ? (
                        formatDate(p.paidOn)
                      ) : (
                        <Text span size="sm" c="orange.8">
                          Pas encore versé
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2} title={p.comment ?? undefined}>
                        {p.comment}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        editLabel={`Modifier le versement ${paymentName(p)}`}
                        removeLabel={`Supprimer le versement ${paymentName(p)}`}
                        onEdit={() => records.edit(p)}
                        onRemove={() => records.askRemove(p)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <EditModal
        editing={records.editing}
        onClose={records.closeEdit}
        newTitle="Nouveau versement"
        editTitle="Modifier le versement"
      >
        {(payment) => (
          <PaymentForm
            conventionId={c.id}
            payment={payment}
            years={years}
            onDone={records.saved}
            onCancel={records.closeEdit}
          />
        )}
      </EditModal>
      <ConfirmModal
        {...records.confirmProps}
        title="Supprimer ce versement ?"
        confirmLabel="Supprimer le versement"
      >
        {records.removing &&
          `Le versement ${paymentName(records.removing)} de ${formatEuros(records.removing.amountCents)} sera supprimé.`}
      </ConfirmModal>
    </Stack>
  );
}

function PaymentForm({
  conventionId,
  payment,
  years,
  onDone,
  onCancel,
}: {
  conventionId: number;
  payment: Payment | null;
  years: number[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useFieldsForm(paymentFields, {
    year: payment?.year ?? years[0] ?? null,
    kind: (payment?.kind ?? 'avance') as PaymentKind | null,
    amountCents: payment?.amountCents ?? null,
    plannedOn: payment?.plannedOn ?? null,
    paidOn: payment?.paidOn ?? null,
    comment: payment?.comment ?? '',
  });
  const { values: v, set, bind, error } = form;
  const yearOptions = [...new Set([...years, ...(payment ? [payment.year] : [])])]
    .sort((a, b) => a - b)
    .map((y) => ({ value: String(y), label: String(y) }));

  const submit = async () => {
    const result = await form.submit((fields) =>
      payment
        ? invoke('conventions.payments.update', { id: payment.id, fields })
        : invoke('conventions.payments.create', { conventionId, fields }),
    );
    if (result?.ok) {
      notifySuccess(payment ? 'Versement modifié.' : 'Versement enregistré.');
      onDone();
    }
  };

  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <SimpleGrid cols={2}>
        <Select
          label={L.year}
          required
          data={yearOptions}
          value={v.year === null ? null : String(v.year)}
          onChange={(value) => set('year', value === null ? null : Number(value))}
          allowDeselect={false}
          {...bind('year')}
        />
        <Select
          label={PAYMENT_FIELD_LABELS.kind}
          required
          data={optionsOf(PAYMENT_KINDS)}
          value={v.kind}
          onChange={(value) => set('kind', value as PaymentKind | null)}
          allowDeselect={false}
          {...bind('kind')}
        />
      </SimpleGrid>
      <EuroInput
        label={L.amountCents}
        required
        data-autofocus
        cents={v.amountCents}
        onCents={(cents) => set('amountCents', cents)}
        {...bind('amountCents')}
        error={
          error('amountCents') && v.amountCents === null
            ? 'Indiquez le montant du versement.'
            : error('amountCents')
        }
        maw={220}
      />
      <SimpleGrid cols={2}>
        <DateField
          label={L.plannedOn}
          value={v.plannedOn}
          onChange={(value) => set('plannedOn', value)}
          {...bind('plannedOn')}
        />
        <DateField
          label={L.paidOn}
          description="Vide tant que ce n’est pas versé."
          value={v.paidOn}
          onChange={(value) => set('paidOn', value)}
          {...bind('paidOn')}
        />
      </SimpleGrid>
      <Textarea
        label={L.comment}
        autosize
        minRows={2}
        maxRows={6}
        value={v.comment}
        onChange={(e) => set('comment', e.currentTarget.value)}
        {...bind('comment')}
      />
    </ModalFormFrame>
  );
}
