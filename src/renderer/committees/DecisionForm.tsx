import { Alert, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import {
  decisionFields,
  type Decision,
  type LinkOption,
  type Meeting,
} from '../../shared/api/committees';
import { COMMITTEES, DECISION_TYPES, type DecisionType } from '../../shared/domain/committees';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { notifySuccess } from '../components/notify';
import { optionsOf } from '../components/options';
import { useFieldsForm } from '../components/useFieldsForm';
import { ModalFormFrame } from '../conventions/ModalFormFrame';
import { DECISION_LABELS as L } from './labels';

interface Props {
  meeting: Meeting;
  decision: Decision | null;
  onDone: (reference: string) => void;
  onCancel: () => void;
}

const STATUS_CHANGING: DecisionType[] = ['structure_retenue', 'promeneur_exclu'];

const choices = (
  options: LinkOption[],
  kind: LinkOption['kind'],
  kept: number | null,
  keptLabel: string | null,
) => {
  const list = options
    .filter((o) => o.kind === kind)
    .map((o) => ({ value: String(o.id), label: o.label }));
  if (kept !== null && !list.some((o) => o.value === String(kept)))
    list.push({ value: String(kept), label: keptLabel ?? `Fiche n° ${kept}` });
  return list;
};

/** Records a decision of the meeting (numbered on saving), or changes its wording. */
export function DecisionForm({ meeting: m, decision, onDone, onCancel }: Props) {
  const options = useRoute('committees.linkOptions', {});
  const all = options.result?.ok ? options.result.value : [];
  const form = useFieldsForm(decisionFields, {
    type: (decision?.type ?? null) as DecisionType | null,
    title: decision?.title ?? '',
    text: decision?.text ?? '',
    structureId: decision?.structureId ?? null,
    promeneurId: decision?.promeneurId ?? null,
    conventionId: decision?.conventionId ?? null,
  });
  const { values: v, set, bind } = form;
  const fixed = decision !== null && STATUS_CHANGING.includes(decision.type);
  const year = m.event.start.slice(0, 4);
  const committee = COMMITTEES[m.event.committee];

  const submit = async () => {
    const result = await form.submit((fields) =>
      decision
        ? invoke('committees.decisions.update', { id: decision.id, fields })
        : invoke('committees.decisions.create', { eventId: m.event.id, fields }),
    );
    if (result?.ok) {
      notifySuccess(
        decision
          ? `Décision ${result.value.reference} modifiée.`
          : `Décision ${result.value.reference} enregistrée.`,
      );
      onDone(result.value.reference);
    }
  };

  const pick = (
    field: 'structureId' | 'promeneurId' | 'conventionId',
    kind: LinkOption['kind'],
    label: string,
    required: boolean,
  ) => (
    <Select
      label={label}
      required={required}
      placeholder={required ? 'Choisir…' : 'Aucune'}
      data={choices(all, kind, v[field], decision?.subject ?? null)}
      value={v[field] === null ? null : String(v[field])}
      onChange={(value) => set(field, value ? Number(value) : null)}
      disabled={fixed && field !== 'conventionId'}
      searchable
      clearable={!required}
      nothingFoundMessage="Aucune fiche ne correspond"
      {...bind(field)}
    />
  );

  return (
    <ModalFormFrame
      form={form}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      submitLabel={decision ? 'Enregistrer' : 'Enregistrer la décision'}
    >
      <SimpleGrid cols={2}>
        <Select
          label={L.type}
          required
          placeholder="Choisir…"
          data={optionsOf(DECISION_TYPES)}
          value={v.type}
          onChange={(value) => set('type', value as DecisionType | null)}
          allowDeselect={false}
          disabled={fixed}
          data-autofocus
          {...bind('type')}
        />
        <TextInput
          label="Numéro"
          value={
            decision ? decision.reference : `${committee}-${year}-…, attribué à l’enregistrement`
          }
          readOnly
          variant="filled"
        />
      </SimpleGrid>
      <TextInput
        label={L.title}
        required
        placeholder="Par exemple : Candidature du centre social retenue"
        value={v.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        {...bind('title')}
      />
      <Textarea
        label={L.text}
        description="Le texte tel que l’instance l’a adopté."
        autosize
        minRows={3}
        maxRows={10}
        value={v.text}
        onChange={(e) => set('text', e.currentTarget.value)}
        {...bind('text')}
      />
      {v.type === 'structure_retenue' &&
        pick('structureId', 'structure', 'Structure retenue', true)}
      {v.type === 'promeneur_exclu' && pick('promeneurId', 'promeneur', 'Promeneur exclu', true)}
      {v.type !== null && !STATUS_CHANGING.includes(v.type) && (
        <SimpleGrid cols={2}>
          {pick('structureId', 'structure', L.structureId, false)}
          {pick('promeneurId', 'promeneur', L.promeneurId, false)}
        </SimpleGrid>
      )}
      {v.type !== null && pick('conventionId', 'convention', L.conventionId, false)}
      {!decision && v.type === 'structure_retenue' && (
        <Alert variant="light" color="violet">
          En enregistrant la décision, la structure passe au statut « Retenue par le COPIL » pour
          {` ${year}`}, à la date de la réunion.
        </Alert>
      )}
      {!decision && v.type === 'promeneur_exclu' && (
        <Alert variant="light" color="red">
          En enregistrant la décision, le Promeneur passe au statut « Exclu » à la date de la
          réunion. Une lettre de notification à sa structure pourra ensuite être préparée.
        </Alert>
      )}
      {fixed && (
        <Alert variant="light" color="gray">
          Cette décision a changé un statut : son type et sa fiche ne changent plus. Pour les
          corriger, supprimez-la et enregistrez-la de nouveau.
        </Alert>
      )}
    </ModalFormFrame>
  );
}
