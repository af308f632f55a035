import { useNavigate } from 'react-router-dom';
import { NotFound } from '../app/NotFound';
import { usePageTitle } from '../app/usePageTitle';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { listPath } from '../components/useSearchState';
import { useRecordId } from '../components/useRecordId';
import { emptyStructure, structureToForm } from './formValues';
import { StructureForm } from './StructureForm';

export function StructureCreatePage() {
  usePageTitle('Nouvelle structure');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Nouvelle structure"
        back={{ to: listPath('/structures'), label: 'Toutes les structures' }}
      />
      <StructureForm
        initial={emptyStructure()}
        savedStatus={null}
        onSave={(fields) => invoke('structures.create', { fields })}
        onSaved={(id) => {
          notifySuccess('Structure enregistrée.');
          navigate(`/structures/${id}`, { replace: true });
        }}
        onCancel={() => navigate(-1)}
      />
    </>
  );
}

export function StructureEditPage() {
  const id = useRecordId();
  if (id === null) return <NotFound what="Cette structure n’existe pas." />;
  return <StructureEdit key={id} id={id} />;
}

function StructureEdit({ id }: { id: number }) {
  const navigate = useNavigate();
  const record = useRoute('structures.get', { id });
  const structure = record.result?.ok ? record.result.value : null;
  usePageTitle(structure ? `Modifier ${structure.name}` : 'Modifier une structure');

  if (!record.result) return <Loading />;
  if (!record.result.ok)
    return record.result.error.code === 'NOT_FOUND' ? (
      <NotFound what="Cette structure n’existe pas." />
    ) : (
      <LoadError error={record.result.error} onRetry={record.reload} />
    );
  const s = record.result.value;
  const back = () => navigate(`/structures/${id}`, { replace: true });

  return (
    <>
      <PageHeader
        title={`Modifier « ${s.name} »`}
        back={{ to: `/structures/${id}`, label: 'Retour à la fiche' }}
      />
      <StructureForm
        initial={structureToForm(s)}
        savedStatus={s.networkStatus}
        onSave={(fields) => invoke('structures.update', { id, fields })}
        onSaved={() => {
          notifySuccess('Modifications enregistrées.');
          back();
        }}
        onCancel={back}
      />
    </>
  );
}
