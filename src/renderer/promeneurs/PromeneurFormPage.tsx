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
import { emptyPromeneur, promeneurToForm } from './formValues';
import { PromeneurForm } from './PromeneurForm';

/** New Promeneur; `?structure=12` preselects the employing structure. */
export function PromeneurCreatePage() {
  usePageTitle('Nouveau Promeneur');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const structureId = Number(params.get('structure'));
  return (
    <>
      <PageHeader
        title="Nouveau Promeneur du Net"
        back={{ to: listPath('/promeneurs'), label: 'Tous les Promeneurs' }}
      />
      <PromeneurForm
        initial={emptyPromeneur(
          Number.isInteger(structureId) && structureId > 0 ? structureId : null,
        )}
        savedStatus={null}
        onSave={(fields) => invoke('promeneurs.create', { fields })}
        onSaved={(id) => {
          notifySuccess('Promeneur enregistré.');
          navigate(`/promeneurs/${id}`, { replace: true });
        }}
        onCancel={() => navigate(-1)}
      />
    </>
  );
}

export function PromeneurEditPage() {
  const id = useRecordId();
  if (id === null) return <NotFound what="Ce Promeneur n’existe pas." />;
  return <PromeneurEdit key={id} id={id} />;
}

function PromeneurEdit({ id }: { id: number }) {
  const navigate = useNavigate();
  const record = useRoute('promeneurs.get', { id });
  const promeneur = record.result?.ok ? record.result.value : null;
  usePageTitle(
    promeneur ? `Modifier ${promeneur.firstName} ${promeneur.lastName}` : 'Modifier un Promeneur',
  );

  if (!record.result) return <Loading />;
  if (!record.result.ok)
    return record.result.error.code === 'NOT_FOUND' ? (
      <NotFound what="Ce Promeneur n’existe pas." />
    ) : (
      <LoadError error={record.result.error} onRetry={record.reload} />
    );
  const p = record.result.value;
  const back = () => navigate(`/promeneurs/${id}`, { replace: true });

  return (
    <>
      <PageHeader
        title={`Modifier « ${p.firstName} ${p.lastName} »`}
        back={{ to: `/promeneurs/${id}`, label: 'Retour à la fiche' }}
      />
      <PromeneurForm
        initial={promeneurToForm(p)}
        savedStatus={p.status}
        currentStructure={{ id: p.structureId, name: p.structureName }}
        onSave={(fields) => invoke('promeneurs.update', { id, fields })}
        onSaved={() => {
          notifySuccess('Modifications enregistrées.');
          back();
        }}
        onCancel={back}
      />
    </>
  );
}
