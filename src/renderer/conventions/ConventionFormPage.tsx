import { useNavigate, useSearchParams } from 'react-router-dom';
import { NotFound } from '../app/NotFound';
import { usePageTitle } from '../app/usePageTitle';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { listPath } from '../components/useSearchState';
import { useRecordId } from '../components/useRecordId';
import { ConventionForm } from './ConventionForm';
import { conventionToForm, emptyConvention, renewalForm } from './formValues';

const positiveId = (text: string | null) => {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n > 0 ? n : null;
};

/**
 * New convention; `?structure=12` preselects the structure, `?renouvelle=7` starts the
 * renewal of convention 7 (same structure and parties, the next period, the same amounts).
 */
export function ConventionCreatePage() {
  const [params] = useSearchParams();
  const renews = positiveId(params.get('renouvelle'));
  const structureId = positiveId(params.get('structure'));
  return renews !== null ? (
    <RenewalCreate key={renews} previousId={renews} />
  ) : (
    <CreateForm key={structureId ?? 0} structureId={structureId} />
  );
}

function CreateForm({ structureId }: { structureId: number | null }) {
  usePageTitle('Nouvelle convention');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Nouvelle convention"
        back={{ to: listPath('/conventions'), label: 'Toutes les conventions' }}
      />
      <ConventionForm
        initial={emptyConvention(structureId)}
        onSave={(fields) => invoke('conventions.create', { fields })}
        onSaved={(id) => {
          notifySuccess('Convention enregistrée. Sa liste de pièces justificatives est prête.');
          navigate(`/conventions/${id}`, { replace: true });
        }}
        onCancel={() => navigate(-1)}
      />
    </>
  );
}

function RenewalCreate({ previousId }: { previousId: number }) {
  const navigate = useNavigate();
  const previous = useRoute('conventions.get', { id: previousId });
  usePageTitle('Renouvellement d’une convention');
  if (!previous.result) return <Loading label="Chargement de la convention à renouveler…" />;
  if (!previous.result.ok)
    return previous.result.error.code === 'NOT_FOUND' ? (
      <NotFound what="La convention à renouveler n’existe pas." />
    ) : (
      <LoadError error={previous.result.error} onRetry={previous.reload} />
    );
  const p = previous.result.value;
  return (
    <>
      <PageHeader
        title={`Renouveler « ${p.reference} »`}
        back={{ to: `/conventions/${p.id}`, label: 'Retour à la convention' }}
      />
      <ConventionForm
        initial={renewalForm(p)}
        onSave={(fields) => invoke('conventions.create', { fields })}
        onSaved={(id) => {
          notifySuccess('Renouvellement enregistré.');
          navigate(`/conventions/${id}`, { replace: true });
        }}
        onCancel={() => navigate(-1)}
      />
    </>
  );
}

export function ConventionEditPage() {
  const id = useRecordId();
  if (id === null) return <NotFound what="Cette convention n’existe pas." />;
  return <ConventionEdit key={id} id={id} />;
}

function ConventionEdit({ id }: { id: number }) {
  const navigate = useNavigate();
  const record = useRoute('conventions.get', { id });
  const convention = record.result?.ok ? record.result.value : null;
  usePageTitle(convention ? `Modifier ${convention.reference}` : 'Modifier une convention');

  if (!record.result) return <Loading />;
  if (!record.result.ok)
    return record.result.error.code === 'NOT_FOUND' ? (
      <NotFound what="Cette convention n’existe pas." />
    ) : (
      <LoadError error={record.result.error} onRetry={record.reload} />
    );
  const c = record.result.value;
  const back = () => navigate(`/conventions/${id}`, { replace: true });

  return (
    <>
      <PageHeader
        title={`Modifier « ${c.reference} »`}
        back={{ to: `/conventions/${id}`, label: 'Retour à la convention' }}
      />
      <ConventionForm
        initial={conventionToForm(c)}
        editing={{ id: c.id, structure: c.structure, amendments: c.amendments.length }}
        onSave={(fields) => invoke('conventions.update', { id, fields })}
        onSaved={() => {
          notifySuccess('Modifications enregistrées.');
          back();
        }}
        onCancel={back}
      />
    </>
  );
}
