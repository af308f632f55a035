import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Member } from '../../shared/api/committees';
import {
  COMMITTEES,
  MEMBER_ROLES,
  ORGANISATION_KINDS,
  SEATS,
  type Committee,
} from '../../shared/domain/committees';
import { formatDate, todayInParis } from '../../shared/rules/dates';
import { formatPhone } from '../../shared/rules/phone';
import { sitsOn } from '../../shared/rules/committees';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { EditModal } from '../components/EditModal';
import { Section } from '../components/FormSection';
import { RowActions } from '../components/RowActions';
import { useEditRemove } from '../components/useEditRemove';
import { MemberForm } from './MemberForm';

interface Props {
  committee: Committee;
  members: Member[];
  onChanged: () => void;
}

/** « Du 01/01/2026 au 31/12/2028 », « Depuis le … », or nothing when no date is set. */
export function mandateOf(m: Pick<Member, 'memberFrom' | 'memberUntil'>): string {
  if (m.memberFrom && m.memberUntil)
    return `Du ${formatDate(m.memberFrom)} au ${formatDate(m.memberUntil)}`;
  if (m.memberFrom) return `Depuis le ${formatDate(m.memberFrom)}`;
  if (m.memberUntil) return `Jusqu’au ${formatDate(m.memberUntil)}`;
  return '';
}

/** The committee's members: organisation, role, seat, mandate, contact. */
export function MembersSection({ committee, members, onChanged }: Props) {
  const records = useEditRemove<Member>({
    onChanged,
    remove: (m) => invoke('committees.members.remove', { id: m.id }),
    removed: 'Membre supprimé.',
  });
  const today = todayInParis();

  return (
    <Section
      title={`Membres du ${COMMITTEES[committee]}`}
      aside={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => records.edit('new')}
        >
          Ajouter un membre
        </Button>
      }
    >
      {members.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucun membre enregistré. Ajoutez les représentants de chaque organisation (CAF, MSA,
          conseil départemental, service de l’État, EPCI, fédérations…), titulaires et suppléants.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing={6} aria-label={`Membres du ${COMMITTEES[committee]}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nom</Table.Th>
                <Table.Th>Organisation</Table.Th>
                <Table.Th>Rôle</Table.Th>
                <Table.Th>Siège</Table.Th>
                <Table.Th>Mandat</Table.Th>
                <Table.Th>Contact</Table.Th>
                <Table.Th w={80}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => {
                const current = sitsOn(m, today);
                return (
                  <Table.Tr key={m.id} c={current ? undefined : 'dimmed'}>
                    <Table.Td>
                      <Text size="sm" fw={500} c={current ? undefined : 'dimmed'}>
                        {m.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {m.organisation ?? ORGANISATION_KINDS[m.organisationKind]}
                      </Text>
                      {m.organisation && (
                        <Text size="xs" c="dimmed">
                          {ORGANISATION_KINDS[m.organisationKind]}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{MEMBER_ROLES[m.role]}</Table.Td>
                    <Table.Td>
                      {m.seat === 'suppleant' && m.substituteOfName
                        ? `${SEATS.suppleant} de ${m.substituteOfName}`
                        : SEATS[m.seat]}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{mandateOf(m) || '—'}</Text>
                      {!current && (
                        <Text size="xs" c="dimmed">
                          Hors mandat aujourd’hui
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.email ?? ''}</Text>
                      <Text size="xs" c="dimmed">
                        {m.phone ? formatPhone(m.phone) : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        editLabel={`Modifier ${m.name}`}
                        removeLabel={`Supprimer ${m.name}`}
                        onEdit={() => records.edit(m)}
                        onRemove={() => records.askRemove(m)}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <EditModal
        editing={records.editing}
        onClose={records.closeEdit}
        newTitle="Nouveau membre"
        editTitle="Modifier le membre"
        size="xl"
      >
        {(member) => (
          <MemberForm
            committee={committee}
            member={member}
            members={members}
            onDone={records.saved}
            onCancel={records.closeEdit}
          />
        )}
      </EditModal>
      <ConfirmModal
        {...records.confirmProps}
        title="Supprimer ce membre ?"
        confirmLabel="Supprimer le membre"
      >
        {records.removing &&
          `${records.removing.name} sera retiré·e de la liste des membres. Pour un membre qui quitte l’instance, indiquez plutôt la fin de son mandat : les comptes rendus passés restent complets.`}
      </ConfirmModal>
    </Section>
  );
}
