import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { memberFields, type Member } from '../../shared/api/committees';
import {
  MEMBER_ROLES,
  ORGANISATION_KINDS,
  SEATS,
  type Committee,
  type MemberRole,
  type OrganisationKind,
  type Seat,
} from '../../shared/domain/committees';
import { formatPhone } from '../../shared/rules/phone';
import { invoke } from '../api/client';
import { DateField } from '../components/DateField';
import { notifySuccess } from '../components/notify';
import { optionsOf } from '../components/options';
import { useFieldsForm } from '../components/useFieldsForm';
import { ModalFormFrame } from '../conventions/ModalFormFrame';
import { MEMBER_LABELS as L } from './labels';

interface Props {
  committee: Committee;
  member: Member | null;
  /** The committee's members, to choose the titular member a substitute stands in for. */
  members: Member[];
  onDone: () => void;
  onCancel: () => void;
}

/** Adds or changes a member of a committee, inside a modal. */
export function MemberForm({ committee, member, members, onDone, onCancel }: Props) {
  const form = useFieldsForm(memberFields, {
    name: member?.name ?? '',
    organisationKind: (member?.organisationKind ?? null) as OrganisationKind | null,
    organisation: member?.organisation ?? '',
    role: (member?.role ?? 'membre') as MemberRole | null,
    seat: (member?.seat ?? 'titulaire') as Seat | null,
    substituteOf: member?.substituteOf ?? null,
    email: member?.email ?? '',
    phone: member?.phone ? formatPhone(member.phone) : '',
    memberFrom: member?.memberFrom ?? null,
    memberUntil: member?.memberUntil ?? null,
  });
  const { values: v, set, bind } = form;
  const titulars = members
    .filter((m) => m.seat === 'titulaire' && m.id !== member?.id)
    .map((m) => ({
      value: String(m.id),
      label: `${m.name} (${m.organisation ?? ORGANISATION_KINDS[m.organisationKind]})`,
    }));

  const submit = async () => {
    const result = await form.submit((fields) =>
      member
        ? invoke('committees.members.update', { id: member.id, fields })
        : invoke('committees.members.create', { committee, fields }),
    );
    if (result?.ok) {
      notifySuccess(member ? 'Membre modifié.' : 'Membre ajouté.');
      onDone();
    }
  };

  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <SimpleGrid cols={2}>
        <TextInput
          label={L.name}
          required
          data-autofocus
          placeholder="Prénom et nom"
          value={v.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          {...bind('name')}
        />
        <Select
          label={L.organisationKind}
          required
          placeholder="Choisir…"
          data={optionsOf(ORGANISATION_KINDS)}
          value={v.organisationKind}
          onChange={(value) => set('organisationKind', value as OrganisationKind | null)}
          allowDeselect={false}
          {...bind('organisationKind')}
        />
      </SimpleGrid>
      <TextInput
        label={L.organisation}
        placeholder="Par exemple : CAF de Maine-et-Loire, Communauté de communes du Val"
        value={v.organisation}
        onChange={(e) => set('organisation', e.currentTarget.value)}
        {...bind('organisation')}
      />
      <SimpleGrid cols={3}>
        <Select
          label={L.role}
          required
          data={optionsOf(MEMBER_ROLES)}
          value={v.role}
          onChange={(value) => set('role', value as MemberRole | null)}
          allowDeselect={false}
          {...bind('role')}
        />
        <Select
          label={L.seat}
          required
          data={optionsOf(SEATS)}
          value={v.seat}
          onChange={(value) => {
            set('seat', value as Seat | null);
            if (value === 'titulaire') set('substituteOf', null);
          }}
          allowDeselect={false}
          {...bind('seat')}
        />
        <Select
          label={L.substituteOf}
          placeholder={v.seat === 'suppleant' ? 'Choisir le titulaire…' : 'Pour un suppléant'}
          disabled={v.seat !== 'suppleant'}
          required={v.seat === 'suppleant'}
          data={titulars}
          value={v.substituteOf === null ? null : String(v.substituteOf)}
          onChange={(value) => set('substituteOf', value ? Number(value) : null)}
          searchable
          nothingFoundMessage="Aucun titulaire ne correspond"
          {...bind('substituteOf')}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput
          label={L.email}
          type="email"
          value={v.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          {...bind('email')}
        />
        <TextInput
          label={L.phone}
          value={v.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          {...bind('phone')}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <DateField
          label={L.memberFrom}
          value={v.memberFrom}
          onChange={(value) => set('memberFrom', value)}
          {...bind('memberFrom')}
        />
        <DateField
          label={L.memberUntil}
          value={v.memberUntil}
          onChange={(value) => set('memberUntil', value)}
          {...bind('memberUntil')}
        />
      </SimpleGrid>
    </ModalFormFrame>
  );
}
