import { useNavigate, useSearchParams } from 'react-router-dom';
import { NotFound } from '../app/NotFound';
import { usePageTitle } from '../app/usePageTitle';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { listPath } from '../components/useSearchState';
import { useRecordId } from '../components/useRecordId';
import { todoChanged } from '../todo/todoEvents';
import { EventForm } from './EventForm';
import { eventToForm, newEventForm } from './formValues';

/** New event; `?type=copil&date=2027-03-12` (and `&debut=14:00&fin=16:00`) pre-fill it. */
export function EventCreatePage() {
  const [params] = useSearchParams();
  // A new address (another day clicked) starts a fresh form.
  return <CreateForm key={params.toString()} params={params} />;
}

function CreateForm({ params }: { params: URLSearchParams }) {
  usePageTitle('Nouvel évènement');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Nouvel évènement"
        back={{ to: listPath('/calendrier'), label: 'Retour au calendrier' }}
      />
      <EventForm
        mode="create"
        initial={newEventForm(params)}
        onSave={async (fields, repetition) => {
          const result = await invoke('calendar.create', { fields, repetition });
          if (result.ok) notifySuccess(createdMessage(result.value.ids.length));
          return result;
        }}
        onSaved={(id) => {
          todoChanged();
          navigate(`/calendrier/${id}`, { replace: true });
        }}
        onCancel={() => navigate(-1)}
      />
    </>
  );
}

export function EventEditPage() {
  const id = useRecordId();
  if (id === null) return <NotFound what="Cet évènement n’existe pas." />;
  return <EventEdit key={id} id={id} />;
}

function EventEdit({ id }: { id: number }) {
  const navigate = useNavigate();
  const record = useRoute('calendar.get', { id });
  const event = record.result?.ok ? record.result.value : null;
  usePageTitle(event ? `Modifier ${event.title}` : 'Modifier un évènement');

  if (!record.result) return <Loading label="Chargement de l’évènement…" />;
  if (!record.result.ok)
    return record.result.error.code === 'NOT_FOUND' ? (
      <NotFound what="Cet évènement n’existe pas." />
    ) : (
      <LoadError error={record.result.error} onRetry={record.reload} />
    );
  const e = record.result.value;
  const back = () => navigate(`/calendrier/${id}`, { replace: true });

  return (
    <>
      <PageHeader
        title={`Modifier « ${e.title} »`}
        back={{ to: `/calendrier/${id}`, label: 'Retour à l’évènement' }}
      />
      <EventForm
        mode="edit"
        initial={eventToForm(e)}
        notice={
          e.seriesId
            ? 'Cet évènement fait partie d’une série : seule cette occurrence est modifiée.'
            : e.imported
              ? 'Cet évènement vient d’un autre calendrier : un nouvel import du même fichier peut remplacer ces champs par ceux du fichier.'
              : undefined
        }
        onSave={(fields) => invoke('calendar.update', { id, fields })}
        onSaved={() => {
          notifySuccess('Modifications enregistrées.');
          todoChanged();
          back();
        }}
        onCancel={back}
      />
    </>
  );
}

/** « 3 évènements créés » after a repetition. */
const createdMessage = (count: number) =>
  count > 1
    ? `${plural(count, 'évènement créé', 'évènements créés')} (une occurrence par date).`
    : 'Évènement créé.';
