import { MultiSelect, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { agendaItemFields, type AgendaItem, type LinkOption } from '../../shared/api/committees';
import { LINK_KINDS, type LinkKind } from '../../shared/domain/committees';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { notifySuccess } from '../components/notify';
import { useFieldsForm } from '../components/useFieldsForm';
import { ModalFormFrame } from '../conventions/ModalFormFrame';
import { AGENDA_LABELS as L } from './labels';

interface Props {
  eventId: number;
  item: AgendaItem | null;
  onDone: () => void;
  onCancel: () => void;
}

const GROUPS: Record<LinkKind, string> = {
  structure: 'Structures',
  promeneur: 'Promeneurs',
  convention: 'Conventions',
  document: 'Pièces des conventions en cours',
};

const keyOf = (l: { kind: LinkKind; id: number }) => `${l.kind}:${l.id}`;
const linkOf = (key: string) => {
  const [kind, id] = key.split(':');
  return { kind: kind as LinkKind, id: Number(id) };
};

/** The records offered, grouped by kind, plus the ones the item already names. */
function groupedOptions(options: LinkOption[], item: AgendaItem | null) {
  const all = [...options];
  for (const l of item?.links ?? [])
    if (!all.some((o) => o.kind === l.kind && o.id === l.id)) all.push({ ...l, label: l.label });
  return (Object.keys(LINK_KINDS) as LinkKind[])
    .map((kind) => ({
      group: GROUPS[kind],
      items: all.filter((o) => o.kind === kind).map((o) => ({ value: keyOf(o), label: o.label })),
    }))
    .filter((g) => g.items.length > 0);
}

/** Adds or changes a point of the agenda, inside a modal. */
export function AgendaItemForm({ eventId, item, onDone, onCancel }: Props) {
  const options = useRoute('committees.linkOptions', {});
  const form = useFieldsForm(agendaItemFields, {
    title: item?.title ?? '',
    presenter: item?.presenter ?? '',
    durationMinutes: item?.durationMinutes ?? null,
    links: item?.links.map(({ kind, id }) => ({ kind, id })) ?? [],
  });
  const { values: v, set, bind } = form;

  const submit = async () => {
    const result = await form.submit((fields) =>
      item?.id
        ? invoke('committees.agenda.update', { id: item.id, fields })
        : invoke('committees.agenda.create', { eventId, fields }),
    );
    if (result?.ok) {
      notifySuccess(item ? 'Point modifié.' : 'Point ajouté à l’ordre du jour.');
      onDone();
    }
  };

  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <TextInput
        label={L.title}
        required
        data-autofocus
        placeholder="Par exemple : Candidatures à l’appel à projets"
        value={v.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        {...bind('title')}
      />
      <SimpleGrid cols={2} style={{ gridTemplateColumns: '1fr 200px' }}>
        <TextInput
          label={L.presenter}
          placeholder="Qui présente le point"
          value={v.presenter}
          onChange={(e) => set('presenter', e.currentTarget.value)}
          {...bind('presenter')}
        />
        <NumberInput
          label="Durée prévue"
          suffix=" min"
          min={1}
          max={600}
          step={5}
          allowDecimal={false}
          value={v.durationMinutes ?? ''}
          onChange={(value) => set('durationMinutes', typeof value === 'number' ? value : null)}
          {...bind('durationMinutes')}
        />
      </SimpleGrid>
      <MultiSelect
        label={L.links}
        description="La candidature d’une structure, une convention, un Promeneur, une pièce justificative…"
        placeholder={v.links.length ? undefined : 'Rechercher une fiche…'}
        data={options.result?.ok ? groupedOptions(options.result.value, item) : []}
        value={v.links.map(keyOf)}
        onChange={(values) => set('links', values.map(linkOf))}
        searchable
        clearable
        hidePickedOptions
        maxDropdownHeight={280}
        nothingFoundMessage="Aucune fiche ne correspond"
        {...bind('links')}
      />
    </ModalFormFrame>
  );
}
