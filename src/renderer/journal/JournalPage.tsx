import { Button, EmptyState, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { IconFilterOff, IconNotebook, IconPlus } from '@tabler/icons-react';
import type { LogEntry } from '../../shared/api/journal';
import { LOG_KINDS } from '../../shared/domain/calendar';
import { todayInParis } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { usePageTitle } from '../app/usePageTitle';
import { ConfirmModal } from '../components/ConfirmModal';
import { EditModal } from '../components/EditModal';
import { plural } from '../components/format';
import { Section } from '../components/FormSection';
import { ListCount } from '../components/ListStates';
import { optionsOf } from '../components/options';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { useEditRemove } from '../components/useEditRemove';
import { useSearchState } from '../components/useSearchState';
import { formatDuration } from './duration';
import { JournalEntryForm, type EntryDefaults } from './JournalEntryForm';
import { entryName, JournalTable } from './JournalTable';
import { JournalTotals } from './JournalTotals';
import { isFiltered, journalQueryFrom, yearOptions } from './listQuery';
import { usePeopleOptions } from './usePeopleOptions';

/**
 * « Journal d’activité »: what the coordinator does for the network, for whom and for how
 * long, one year at a time, with the year's totals for the COPIL.
 */
export function JournalPage() {
  usePageTitle('Journal d’activité');
  const currentYear = Number(todayInParis().slice(0, 4));
  const { params, update } = useSearchState();
  const query = journalQueryFrom(params, currentYear);
  const list = useRoute('journal.list', query);
  const totals = useRoute('journal.totals', { year: query.year });
  const people = usePeopleOptions();
  const reload = () => {
    list.reload();
    totals.reload();
  };
  const records = useEditRemove<LogEntry>({
    onChanged: reload,
    remove: (e) => invoke('journal.remove', { id: e.id }),
    removed: 'Entrée supprimée du journal.',
  });
  const showYear = (year: number) => update({ annee: year === currentYear ? null : String(year) });
  const clearFilters = () => update({ nature: null, promeneur: null, structure: null });
  const defaults: EntryDefaults = {
    kind: query.kinds.length === 1 ? query.kinds[0]! : null,
    promeneurIds: query.promeneurId === null ? [] : [query.promeneurId],
    structureIds: query.structureId === null ? [] : [query.structureId],
  };

  const newEntry = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => records.edit('new')}>
      Nouvelle entrée
    </Button>
  );

  const entries = () => {
    if (!list.result) return <Loading label="Chargement du journal…" />;
    if (!list.result.ok) return <LoadError error={list.result.error} onRetry={list.reload} />;
    const rows = [...list.result.value].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
    if (rows.length === 0)
      return (
        <EmptyState
          my="md"
          icon={<IconFilterOff size={28} aria-hidden />}
          withIndicatorBackground
          title="Aucune entrée ne correspond à ces filtres"
          description={`Rien de noté en ${query.year} pour cette nature, ce Promeneur ou cette structure. Retirez des filtres pour voir toute l’année.`}
        >
          <EmptyState.Actions>
            <Button variant="light" onClick={clearFilters}>
              Retirer les filtres
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      );
    const minutes = rows.reduce((sum, e) => sum + e.durationMinutes, 0);
    return (
      <>
        <ListCount
          loading={list.loading}
          text={`${plural(rows.length, 'entrée', 'entrées')}, ${formatDuration(minutes)}${isFiltered(query) ? ' pour ces filtres' : ''}`}
        />
        <JournalTable rows={rows} onEdit={records.edit} onRemove={records.askRemove} />
      </>
    );
  };

  const body = () => {
    if (!totals.result) return <Loading label="Chargement du journal…" />;
    if (!totals.result.ok) return <LoadError error={totals.result.error} onRetry={totals.reload} />;
    if (totals.result.value.all.count === 0)
      return (
        <EmptyState
          mt="xl"
          icon={<IconNotebook size={32} aria-hidden />}
          withIndicatorBackground
          title={`Rien de noté en ${query.year}`}
          description="Notez ici, au fil des jours, ce que vous faites pour le réseau : un Promeneur accompagné, une structure visitée, un appel à un partenaire, un COPIL préparé… avec pour qui et combien de temps. Les totaux de l’année se calculent d’eux-mêmes pour le bilan du COPIL."
        >
          <EmptyState.Actions>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => records.edit('new')}
            >
              Ajouter une première entrée
            </Button>
            {query.year !== currentYear && (
              <Button variant="default" onClick={() => showYear(currentYear)}>
                Voir {currentYear}
              </Button>
            )}
          </EmptyState.Actions>
        </EmptyState>
      );
    return (
      <Stack gap="lg">
        <JournalTotals totals={totals.result.value} />
        <Section title={`Entrées de ${query.year}`}>
          <Group align="flex-end" gap="md">
            <MultiSelect
              label="Nature"
              placeholder={query.kinds.length ? undefined : 'Toutes'}
              data={optionsOf(LOG_KINDS)}
              value={query.kinds}
              onChange={(nature) => update({ nature })}
              clearable
              w={300}
            />
            <Select
              label="Promeneur"
              placeholder="Tous"
              data={people.promeneurs}
              value={query.promeneurId === null ? null : String(query.promeneurId)}
              onChange={(promeneur) => update({ promeneur })}
              clearable
              searchable
              nothingFoundMessage="Aucun Promeneur ne correspond"
              w={260}
            />
            <Select
              label="Structure"
              placeholder="Toutes"
              data={people.structures}
              value={query.structureId === null ? null : String(query.structureId)}
              onChange={(structure) => update({ structure })}
              clearable
              searchable
              nothingFoundMessage="Aucune structure ne correspond"
              w={260}
            />
          </Group>
          <div>{entries()}</div>
        </Section>
      </Stack>
    );
  };

  return (
    <>
      <PageHeader
        title="Journal d’activité"
        meta={
          <Text c="dimmed" size="sm" maw={720}>
            Ce que vous faites pour le réseau, pour qui et combien de temps : les totaux de l’année
            servent au bilan présenté au COPIL.
          </Text>
        }
        actions={newEntry}
      />
      <Select
        label="Année"
        data={yearOptions(currentYear, query.year)}
        value={String(query.year)}
        onChange={(value) => value && showYear(Number(value))}
        allowDeselect={false}
        w={140}
        mb="lg"
      />
      {body()}

      <EditModal
        editing={records.editing}
        onClose={records.closeEdit}
        newTitle="Nouvelle entrée"
        editTitle="Modifier l’entrée"
        size="xl"
      >
        {(entry) => (
          <JournalEntryForm
            entry={entry}
            defaults={defaults}
            onDone={(date) => {
              const year = Number(date.slice(0, 4));
              if (year !== query.year) showYear(year);
              records.saved();
            }}
            onCancel={records.closeEdit}
          />
        )}
      </EditModal>
      <ConfirmModal
        {...records.confirmProps}
        title="Supprimer cette entrée ?"
        confirmLabel="Supprimer l’entrée"
      >
        {records.removing &&
          `L’entrée ${entryName(records.removing, true)} (${formatDuration(records.removing.durationMinutes)}) sera supprimée du journal et de ses totaux.`}
      </ConfirmModal>
    </>
  );
}
