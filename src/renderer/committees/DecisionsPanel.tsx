import {
  ActionIcon,
  Button,
  EmptyState,
  Group,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconGavel, IconMail, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Decision, Meeting } from '../../shared/api/committees';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { EditModal } from '../components/EditModal';
import { RowActions } from '../components/RowActions';
import { useEditRemove } from '../components/useEditRemove';
import { DecisionTypeBadge } from './badges';
import { DecisionForm } from './DecisionForm';
import { PdfPreview } from './PdfPreview';

interface Props {
  meeting: Meeting;
  onChanged: () => void;
}

/** « Décisions »: numbered per committee and year, typed, linked to what they concern. */
export function DecisionsPanel({ meeting: m, onChanged }: Props) {
  const records = useEditRemove<Decision>({
    onChanged,
    remove: (d) => invoke('committees.decisions.remove', { id: d.id }),
    removed: (d) => `Décision ${d.reference} supprimée.`,
  });
  const [letter, setLetter] = useState<Decision | null>(null);

  const add = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => records.edit('new')}>
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
                      <RowActions
                        editLabel={`Modifier ${d.reference}`}
                        removeLabel={`Supprimer ${d.reference}`}
                        onEdit={() => records.edit(d)}
                        onRemove={() => records.askRemove(d)}
                        justify="flex-end"
                      >
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
                      </RowActions>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <EditModal
        editing={records.editing}
        onClose={records.closeEdit}
        newTitle="Nouvelle décision"
        editTitle="Modifier la décision"
        size="xl"
      >
        {(decision) => (
          <DecisionForm
            meeting={m}
            decision={decision}
            onDone={records.saved}
            onCancel={records.closeEdit}
          />
        )}
      </EditModal>
      <ConfirmModal
        {...records.confirmProps}
        title="Supprimer cette décision ?"
        confirmLabel="Supprimer la décision"
      >
        {records.removing &&
          `La décision ${records.removing.reference} sera retirée du relevé.${records.removing.type === 'structure_retenue' || records.removing.type === 'promeneur_exclu' ? ' Le statut de la fiche concernée reste tel qu’il est : changez-le sur la fiche si besoin.' : ''}`}
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
