import {
  ActionIcon,
  Button,
  EmptyState,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconGavel, IconMail, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Decision, Meeting } from '../../shared/api/committees';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { notifySuccess } from '../components/notify';
import { DecisionTypeBadge } from './badges';
import { DecisionForm } from './DecisionForm';
import { PdfPreview } from './PdfPreview';

interface Props {
  meeting: Meeting;
  onChanged: () => void;
}

/** « Décisions »: numbered per committee and year, typed, linked to what they concern. */
export function DecisionsPanel({ meeting: m, onChanged }: Props) {
  const [editing, setEditing] = useState<Decision | 'new' | null>(null);
  const [removing, setRemoving] = useState<Decision | null>(null);
  const [letter, setLetter] = useState<Decision | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    const result = await invoke('committees.decisions.remove', { id: removing.id });
    setBusy(false);
    if (!result.ok) return setRefusal(result.error.message);
    notifySuccess(`Décision ${removing.reference} supprimée.`);
    setRemoving(null);
    onChanged();
  };

  const add = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      Nouvelle décision
    </Button>
  );

  return (
    <Stack gap="md">
      {m.decisions.length === 0 ? (
        <EmptyState
          icon={<IconGavel size={28} aria-hidden />}
          withIndicatorBackground
          title="Aucune décision pour cette réunion"
          description="Chaque décision reçoit un numéro propre à l’instance et à l’année. « Structure retenue » et « Promeneur exclu » mettent à jour le statut de la fiche concernée."
        >
          <EmptyState.Actions>{add}</EmptyState.Actions>
        </EmptyState>
      ) : (
        <>
          <Group justify="flex-end">{add}</Group>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={6} aria-label="Décisions de la réunion">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Référence</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Décision</Table.Th>
                  <Table.Th>Fiche concernée</Table.Th>
                  <Table.Th w={120}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.decisions.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {d.reference}
                    </Table.Td>
                    <Table.Td>
                      <DecisionTypeBadge type={d.type} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {d.title}
                      </Text>
                      {d.text && (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                          {d.text}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{d.subject ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        {d.type === 'promeneur_exclu' && d.promeneurId !== null && (
                          <ActionIcon
                            variant="subtle"
                            aria-label={`Lettre de notification ${d.reference}`}
                            title="Lettre de notification à la structure"
                            onClick={() => setLetter(d)}
                          >
                            <IconMail size={16} aria-hidden />
                          </ActionIcon>
                        )}
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Modifier ${d.reference}`}
                          onClick={() => setEditing(d)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Supprimer ${d.reference}`}
                          onClick={() => {
                            setRefusal(null);
                            setRemoving(d);
                          }}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Nouvelle décision' : 'Modifier la décision'}
        size="xl"
        centered
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {editing && (
          <DecisionForm
            meeting={m}
            decision={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              onChanged();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title="Supprimer cette décision ?"
        confirmLabel="Supprimer la décision"
        error={refusal}
        loading={busy}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      >
        {removing &&
          `La décision ${removing.reference} sera retirée du relevé.${removing.type === 'structure_retenue' || removing.type === 'promeneur_exclu' ? ' Le statut de la fiche concernée reste tel qu’il est : changez-le sur la fiche si besoin.' : ''}`}
      </ConfirmModal>
      <PdfPreview
        request={letter ? { route: 'committees.decisions.letter', input: { id: letter.id } } : null}
        title="Lettre de notification"
        description="À la structure employeuse : la décision d’exclusion du COPIL, datée d’aujourd’hui, à signer et envoyer."
        onClose={() => setLetter(null)}
      />
    </Stack>
  );
}
