import { Badge, Button, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { IconPencil, IconRefresh, IconStatusChange, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Convention } from '../../shared/api/conventions';
import { formatEuros } from '../../shared/rules/conventions';
import { formatDate, todayInParis } from '../../shared/rules/dates';
import { NotFound } from '../app/NotFound';
import { usePageTitle } from '../app/usePageTitle';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { ConfirmModal } from '../components/ConfirmModal';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { listPath } from '../components/useSearchState';
import { useRecordId } from '../components/useRecordId';
import { useRemoval } from '../components/useRemoval';
import { useTabParam } from '../components/useTabParam';
import { HistoryPanel } from '../history/HistoryPanel';
import { AttachmentViewer, type ViewedAttachment } from './AttachmentViewer';
import { ConventionAmendments } from './ConventionAmendments';
import { ConventionDocuments } from './ConventionDocuments';
import { ConventionObligations } from './ConventionObligations';
import { ConventionPayments } from './ConventionPayments';
import { ConventionStatusBadge } from './ConventionStatusBadge';
import { ConventionTerms } from './ConventionTerms';
import { canRenew } from './statusRules';
import { StatusForm } from './StatusForm';

const TABS = ['convention', 'pieces', 'obligations', 'versements', 'avenants', 'historique'];

export function ConventionDetailPage() {
  const id = useRecordId();
  if (id === null) return <NotFound what="Cette convention n’existe pas." />;
  return <ConventionDetail key={id} id={id} />;
}

function ConventionDetail({ id }: { id: number }) {
  const record = useRoute('conventions.get', { id });
  const convention = record.result?.ok ? record.result.value : null;
  usePageTitle(convention?.reference ?? 'Convention');
  const [tab, setTab] = useTabParam(TABS);
  const [viewing, setViewing] = useState<ViewedAttachment | null>(null);

  if (!record.result) return <Loading label="Chargement de la convention…" />;
  if (!record.result.ok)
    return record.result.error.code === 'NOT_FOUND' ? (
      <NotFound what="Cette convention n’existe pas." />
    ) : (
      <LoadError error={record.result.error} onRetry={record.reload} />
    );
  const c = record.result.value;
  const today = todayInParis();
  const missing = c.documents.filter((d) => d.receivedOn === null).length;
  const overdue = c.obligations.filter(
    (o) => o.inForce && o.receivedOn === null && o.dueOn < today,
  ).length;
  const count = (n: number, color: string, label: string) =>
    n > 0 ? (
      <Badge size="sm" variant="light" color={color} aria-label={label}>
        {n}
      </Badge>
    ) : null;

  return (
    <>
      <PageHeader
        back={{ to: listPath('/conventions'), label: 'Toutes les conventions' }}
        title={c.reference}
        meta={
          <Group gap="xs">
            <ConventionStatusBadge status={c.status} />
            <Text size="sm" c="dimmed">
              {c.structure.name} · du {formatDate(c.terms.startDate)} au{' '}
              {formatDate(c.terms.endDate)} · {formatEuros(totalOf(c))}
            </Text>
          </Group>
        }
        actions={<ConventionActions convention={c} onChanged={record.reload} />}
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="convention">Convention</Tabs.Tab>
          <Tabs.Tab value="pieces" rightSection={count(missing, 'orange', `${missing} manquantes`)}>
            Pièces justificatives
          </Tabs.Tab>
          <Tabs.Tab
            value="obligations"
            rightSection={count(overdue, 'red', `${overdue} en retard`)}
          >
            Obligations
          </Tabs.Tab>
          <Tabs.Tab value="versements">Versements</Tabs.Tab>
          <Tabs.Tab
            value="avenants"
            rightSection={count(c.amendments.length, 'gray', `${c.amendments.length} avenants`)}
          >
            Avenants
          </Tabs.Tab>
          <Tabs.Tab value="historique">Historique</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="convention">
          <ConventionTerms convention={c} />
        </Tabs.Panel>
        <Tabs.Panel value="pieces">
          <ConventionDocuments
            convention={c}
            onChanged={record.reload}
            onOpen={(a) => setViewing({ id: a.id, fileName: a.fileName })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="obligations">
          <ConventionObligations convention={c} onChanged={record.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="versements">
          <ConventionPayments convention={c} onChanged={record.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="avenants">
          <ConventionAmendments convention={c} onChanged={record.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="historique">
          <HistoryPanel entity="convention" id={c.id} />
        </Tabs.Panel>
      </Tabs>
      <AttachmentViewer attachment={viewing} onClose={() => setViewing(null)} />
    </>
  );
}

const totalOf = (c: Convention) => c.terms.subsidies.reduce((t, s) => t + s.amountCents, 0);

/** Modifier, Changer le statut, Renouveler (once signed), Supprimer. */
function ConventionActions({
  convention: c,
  onChanged,
}: {
  convention: Convention;
  onChanged: () => void;
}) {
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  const removal = useRemoval<Convention>({
    remove: (target) => invoke('conventions.remove', { id: target.id }),
    removed: 'Convention supprimée.',
    onRemoved: () => navigate(listPath('/conventions')),
  });

  return (
    <>
      <Button
        leftSection={<IconPencil size={16} aria-hidden />}
        onClick={() => navigate(`/conventions/${c.id}/modifier`)}
      >
        Modifier
      </Button>
      <Button
        variant="default"
        leftSection={<IconStatusChange size={16} aria-hidden />}
        onClick={() => setChanging(true)}
      >
        Changer le statut
      </Button>
      {canRenew(c.status) && c.renewals.length === 0 && (
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={() => navigate(`/conventions/new?renouvelle=${c.id}`)}
        >
          Renouveler
        </Button>
      )}
      <Button
        variant="outline"
        color="red"
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => removal.ask(c)}
      >
        Supprimer
      </Button>
      <Modal
        opened={changing}
        onClose={() => setChanging(false)}
        title="Changer le statut"
        centered
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {changing && (
          <StatusForm
            id={c.id}
            status={c.status}
            onDone={() => {
              setChanging(false);
              onChanged();
            }}
            onCancel={() => setChanging(false)}
          />
        )}
      </Modal>
      <ConfirmModal
        {...removal.confirmProps}
        title="Supprimer cette convention ?"
        confirmLabel="Supprimer définitivement"
      >
        <Stack gap="xs">
          <span>
            La convention « {c.reference} » sera supprimée définitivement, avec ses pièces, ses
            fichiers joints, ses versements et ses avenants. Cette action ne peut pas être annulée.
          </span>
          <span>Pour une convention arrêtée, changez plutôt son statut (résiliée, échue…).</span>
        </Stack>
      </ConfirmModal>
    </>
  );
}
