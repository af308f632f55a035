import {
  Checkbox,
  Fieldset,
  MultiSelect,
  Select,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core';
import { z } from 'zod';
import type { CalendarEvent } from '../../shared/api/calendar';
import { optionalEmail, optionalText } from '../../shared/api/fields';
import { PROMENEUR_STATUSES } from '../../shared/domain/directory';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { notifySuccess } from '../components/notify';
import { labelOf } from '../components/options';
import { useFieldsForm } from '../components/useFieldsForm';
import { ModalFormFrame } from '../conventions/ModalFormFrame';
import { useStructureOptions } from '../promeneurs/useStructureOptions';

const REQUIRED_NAME = 'Nom : champ obligatoire.';

/** Who to invite, in the ways a coordinator does it; at least one way must be used. */
const schema = z
  .object({
    promeneurIds: z.array(z.string()),
    structureIds: z.array(z.string()),
    allActive: z.boolean(),
    staffName: z.string().trim().max(200, '200 caractères au plus.'),
    staffStructureId: z.string().nullable(),
    staffEmail: optionalEmail,
    guestName: z.string().trim().max(200, '200 caractères au plus.'),
    guestOrganisation: optionalText(200),
    guestEmail: optionalEmail,
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    const staff = v.staffName !== '' || v.staffStructureId !== null || v.staffEmail !== null;
    if (staff && v.staffName === '') issue('staffName', REQUIRED_NAME);
    if (staff && v.staffStructureId === null)
      issue('staffStructureId', 'Choisissez la structure de cette personne.');
    const guest = v.guestName !== '' || v.guestOrganisation !== null || v.guestEmail !== null;
    if (guest && v.guestName === '') issue('guestName', REQUIRED_NAME);
    if (
      !staff &&
      !guest &&
      !v.allActive &&
      v.promeneurIds.length === 0 &&
      v.structureIds.length === 0
    )
      issue('promeneurIds', 'Choisissez au moins une personne à inviter.');
  });

const EMPTY = {
  promeneurIds: [] as string[],
  structureIds: [] as string[],
  allActive: false,
  staffName: '',
  staffStructureId: null as string | null,
  staffEmail: '',
  guestName: '',
  guestOrganisation: '',
  guestEmail: '',
};

/** « Inviter »: chosen Promeneurs, the active ones of structures or of the whole network, people. */
export function InviteForm({
  event: e,
  onDone,
  onCancel,
}: {
  event: CalendarEvent;
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useFieldsForm(schema, EMPTY);
  const { values: v, set, bind } = form;
  const structures = useStructureOptions();
  const promeneurs = useRoute('promeneurs.list', { archived: false });
  const invited = new Set(e.invitees.map((i) => i.promeneurId).filter((id) => id !== null));
  const promeneurOptions = (promeneurs.result?.ok ? promeneurs.result.value.rows : [])
    .filter((p) => !invited.has(p.id))
    .map((p) => ({
      value: String(p.id),
      label: `${p.firstName} ${p.lastName} — ${p.structureName}${p.status === 'actif' ? '' : ` (${labelOf(PROMENEUR_STATUSES, p.status).toLowerCase()})`}`,
    }));

  const text = (
    field: 'staffName' | 'staffEmail' | 'guestName' | 'guestOrganisation' | 'guestEmail',
  ) => ({
    value: v[field],
    onChange: (ev: React.ChangeEvent<HTMLInputElement>) => set(field, ev.currentTarget.value),
    ...bind(field),
  });

  const submit = async () => {
    const result = await form.submit((p) =>
      invoke('calendar.invite', {
        eventId: e.id,
        promeneurIds: p.promeneurIds.map(Number),
        structureIds: p.structureIds.map(Number),
        allActive: p.allActive,
        staff:
          p.staffName !== '' && p.staffStructureId !== null
            ? [
                {
                  name: p.staffName,
                  structureId: Number(p.staffStructureId),
                  organisation: null,
                  email: p.staffEmail,
                },
              ]
            : [],
        guests:
          p.guestName !== ''
            ? [{ name: p.guestName, organisation: p.guestOrganisation, email: p.guestEmail }]
            : [],
      }),
    );
    if (!result?.ok) return;
    const { added } = result.value;
    notifySuccess(
      added === 0
        ? 'Ces personnes étaient déjà toutes invitées.'
        : `${plural(added, 'personne invitée', 'personnes invitées')}.`,
    );
    onDone();
  };

  return (
    <ModalFormFrame
      form={form}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      submitLabel="Inviter"
    >
      <Text size="sm" c="dimmed">
        Combinez autant de choix que nécessaire ; une personne déjà invitée ne l’est pas deux fois.
      </Text>
      <Fieldset legend="Promeneurs du Net">
        <MultiSelect
          label="Promeneurs"
          description="Recherchez par nom ou par structure."
          placeholder={promeneurOptions.length === 0 ? 'Aucun autre Promeneur' : 'Rechercher…'}
          searchable
          nothingFoundMessage="Aucun Promeneur ne correspond"
          data={promeneurOptions}
          value={v.promeneurIds}
          onChange={(value) => set('promeneurIds', value)}
          {...bind('promeneurIds')}
          hidePickedOptions
        />
        <MultiSelect
          mt="sm"
          label="Les Promeneurs actifs de ces structures"
          placeholder="Choisir des structures…"
          searchable
          nothingFoundMessage="Aucune structure ne correspond"
          data={structures.options}
          value={v.structureIds}
          onChange={(value) => set('structureIds', value)}
          hidePickedOptions
        />
        <Checkbox
          mt="md"
          label="Tous les Promeneurs actifs du réseau"
          checked={v.allActive}
          onChange={(ev) => set('allActive', ev.currentTarget.checked)}
        />
      </Fieldset>
      <Fieldset legend="Une personne de l’équipe d’une structure (direction, responsable…)">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Son nom" {...text('staffName')} />
          <Select
            label="Sa structure"
            searchable
            clearable
            data={structures.options}
            value={v.staffStructureId}
            onChange={(value) => set('staffStructureId', value)}
            nothingFoundMessage="Aucune structure ne correspond"
            {...bind('staffStructureId')}
          />
          <TextInput label="Son e-mail" type="email" {...text('staffEmail')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Un invité extérieur (partenaire, membre d’une instance…)">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Nom de l’invité" {...text('guestName')} />
          <TextInput label="Organisme" {...text('guestOrganisation')} />
          <TextInput label="E-mail de l’invité" type="email" {...text('guestEmail')} />
        </SimpleGrid>
      </Fieldset>
    </ModalFormFrame>
  );
}
