import { Badge, Button, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { obligationFields, type Convention } from '../../shared/api/conventions';
import { formatDate, todayInParis } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { Section } from '../components/FormSection';
import { DateField } from '../components/DateField';
import { plural } from '../components/format';
import { notifySuccess } from '../components/notify';
import { useFieldsForm } from '../components/useFieldsForm';
import { CONVENTION_LABELS as L } from './labels';
import { ModalFormFrame } from './ModalFormFrame';

type Obligation = Convention['obligations'][number];

interface Props {
  convention: Convention;
  onChanged: () => void;
}

/** The « Obligations » tab: what the structure owes each covered year, by year. */
export function ConventionObligations({ convention: c, onChanged }: Props) {
  const [editing, setEditing] = useState<Obligation | null>(null);
  const today = todayInParis();
  const inForce = c.obligations.filter((o) => o.inForce);
  const apart = c.obligations.filter((o) => !o.inForce);
  const years = [...new Set(inForce.map((o) => o.year))].sort((a, b) => a - b);
  const overdue = inForce.filter((o) => o.receivedOn === null && o.dueOn < today).length;

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        Générées à partir de la période{c.amendments.length > 0 ? ' (avec les avenants)' : ''} et de
        la date « J/M de N+1 » des paramètres.{' '}
        {overdue > 0 ? plural(overdue, 'obligation en retard.', 'obligations en retard.') : ''}
      </Text>
      {years.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucune obligation : la convention n’a pas couru.
        </Text>
      )}
      {years.map((year) => (
        <Section key={year} title={`Année ${year}`}>
          <ObligationTable
            rows={inForce.filter((o) => o.year === year)}
            today={today}
            onEdit={setEditing}
            label={`Obligations ${year}`}
          />
        </Section>
      ))}
      {apart.length > 0 && (
        <Section
          title="Hors période"
          description="Ces documents ont été reçus, puis un avenant ou une fin anticipée les a retirés de la période : ils restent enregistrés ici."
        >
          <ObligationTable
            rows={apart}
            today={today}
            onEdit={setEditing}
            label="Obligations hors période"
          />
        </Section>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.label ?? ''}
        centered
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {editing && (
          <ObligationForm
            conventionId={c.id}
            obligation={editing}
            onDone={() => {
              setEditing(null);
              onChanged();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function ObligationTable({
  rows,
  today,
  onEdit,
  label,
}: {
  rows: Obligation[];
  today: string;
  onEdit: (o: Obligation) => void;
  label: string;
}) {
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Document attendu</Table.Th>
            <Table.Th w={120}>À rendre le</Table.Th>
            <Table.Th w={170}>État</Table.Th>
            <Table.Th w={180} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((o) => (
            <Table.Tr key={o.key}>
              <Table.Td>
                <Text size="sm">{o.label}</Text>
                {o.comment && (
                  <Text size="xs" c="dimmed" lineClamp={2} title={o.comment}>
                    {o.comment}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDate(o.dueOn)}</Table.Td>
              <Table.Td>
                {o.receivedOn ? (
                  <Badge variant="light" color="teal" tt="none" fw={600} miw="max-content">
                    Reçu le {formatDate(o.receivedOn)}
                  </Badge>
                ) : o.dueOn < today ? (
                  <Badge variant="filled" color="red" tt="none" fw={600} miw="max-content">
                    En retard
                  </Badge>
                ) : (
                  <Badge variant="light" color="gray" tt="none" fw={600} miw="max-content">
                    À venir
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <Button
                    size="compact-sm"
                    variant={o.receivedOn ? 'subtle' : 'light'}
                    leftSection={
                      o.receivedOn ? (
                        <IconPencil size={14} aria-hidden />
                      ) : (
                        <IconCheck size={14} aria-hidden />
                      )
                    }
                    aria-label={`${o.receivedOn ? 'Modifier' : 'Marquer reçu'} : ${o.label}`}
                    onClick={() => onEdit(o)}
                  >
                    {o.receivedOn ? 'Modifier' : 'Marquer reçu'}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ObligationForm({
  conventionId,
  obligation: o,
  onDone,
  onCancel,
}: {
  conventionId: number;
  obligation: Obligation;
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useFieldsForm(obligationFields, {
    receivedOn: (o.receivedOn ?? todayInParis()) as string | null,
    comment: o.comment ?? '',
  });
  const { values: v, set, bind } = form;
  const submit = async () => {
    const result = await form.submit((fields) =>
      invoke('conventions.obligations.update', { conventionId, key: o.key, fields }),
    );
    if (result?.ok) {
      notifySuccess(savedMessage(v.receivedOn));
      onDone();
    }
  };
  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <Title order={3} fz="sm" fw={400} c="dimmed">
        À rendre le {formatDate(o.dueOn)}
      </Title>
      <DateField
        label={L.receivedOn}
        description="Videz la date si le document n’a finalement pas été reçu."
        value={v.receivedOn}
        onChange={(value) => set('receivedOn', value)}
        {...bind('receivedOn')}
      />
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

const savedMessage = (receivedOn: string | null) =>
  receivedOn ? `Reçu le ${formatDate(receivedOn)}.` : 'Obligation mise à jour.';
