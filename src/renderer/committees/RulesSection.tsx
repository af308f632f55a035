import { Button, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { rulesFields } from '../../shared/api/committees';
import type { Committee } from '../../shared/domain/committees';
import { invoke } from '../api/client';
import { plural } from '../components/format';
import { Section } from '../components/FormSection';
import { notifySuccess } from '../components/notify';
import { useFieldsForm } from '../components/useFieldsForm';
import { ModalFormFrame } from '../conventions/ModalFormFrame';

interface Props {
  committee: Committee;
  rules: string;
  quorum: number | null;
  onChanged: () => void;
}

/** The committee's written rules and its quorum, shown and changed in a modal. */
export function RulesSection({ committee, rules, quorum, onChanged }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <Section
      title="Règlement et quorum"
      description="Nombre de représentants, mode de décision, remplacement des absents : ce que les règles écrites de l’instance prévoient."
      aside={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={() => setEditing(true)}
        >
          Modifier
        </Button>
      }
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {quorum === null
            ? 'Pas de quorum fixé.'
            : `Quorum : ${plural(quorum, 'siège', 'sièges')} tenus (titulaires présents ou représentés, ou leur suppléant présent).`}
        </Text>
        {rules ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="committee-rules">
            {rules}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            Aucune règle écrite n’est saisie.
          </Text>
        )}
      </Stack>
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title="Règlement et quorum"
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {editing && (
          <RulesForm
            committee={committee}
            rules={rules}
            quorum={quorum}
            onDone={() => {
              setEditing(false);
              onChanged();
            }}
            onCancel={() => setEditing(false)}
          />
        )}
      </Modal>
    </Section>
  );
}

function RulesForm({
  committee,
  rules,
  quorum,
  onDone,
  onCancel,
}: Omit<Props, 'onChanged'> & { onDone: () => void; onCancel: () => void }) {
  const form = useFieldsForm(rulesFields, { committee, rules, quorum });
  const { values: v, set, bind } = form;
  const submit = async () => {
    const result = await form.submit((input) => invoke('committees.updateRules', input));
    if (result?.ok) {
      notifySuccess('Règlement enregistré.');
      onDone();
    }
  };
  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <Textarea
        label="Règles écrites"
        description="Composition, nombre de représentants par organisation, mode de décision, absences et suppléances."
        autosize
        minRows={6}
        maxRows={16}
        data-autofocus
        value={v.rules}
        onChange={(e) => set('rules', e.currentTarget.value)}
        {...bind('rules')}
      />
      <NumberInput
        label="Quorum (sièges)"
        description="Laissez vide si les règles n’en fixent pas."
        min={1}
        max={200}
        allowDecimal={false}
        w={200}
        value={v.quorum ?? ''}
        onChange={(value) => set('quorum', typeof value === 'number' ? value : null)}
        {...bind('quorum')}
      />
    </ModalFormFrame>
  );
}
