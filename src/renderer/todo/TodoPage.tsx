import { Button, EmptyState, Group, MultiSelect, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { IconChecklist, IconFilterOff } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { TODO_PAGE } from '../../shared/api/todo';
import { TO_DO_KINDS } from '../../shared/domain/todo';
import { addMonths, formatDate } from '../../shared/rules/dates';
import { usePageTitle } from '../app/usePageTitle';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { ListCount } from '../components/ListStates';
import { optionsOf } from '../components/options';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { useSearchState } from '../components/useSearchState';
import { useStructureOptions } from '../promeneurs/useStructureOptions';
import { horizonOptions, isFiltered, todoQueryFrom } from './listQuery';
import { TodoList } from './TodoList';

/** « À faire »: everything due within the horizon and everything late, by date. */
export function TodoPage() {
  usePageTitle('À faire');
  const navigate = useNavigate();
  const { params, update } = useSearchState();
  const query = todoQueryFrom(params);
  // The first items, and TODO_PAGE more each time « Afficher plus » is pressed; other filters
  // start over. Marking an item done reads the same number again: the page stays where it is.
  const queryKey = JSON.stringify(query);
  const [shown, setShown] = useState({ queryKey, limit: TODO_PAGE });
  const limit = shown.queryKey === queryKey ? shown.limit : TODO_PAGE;
  const list = useRoute('todo.list', { ...query, limit });
  const settings = useRoute('settings.get', {});
  const structures = useStructureOptions();
  const answer = list.result?.ok ? list.result.value : null;
  // Without a horizon in the address, the list's answer already carries the setting's.
  const setting = settings.result?.ok
    ? settings.result.value.todoHorizonMonths
    : query.horizonMonths === null
      ? (answer?.horizonMonths ?? null)
      : null;
  const horizon = query.horizonMonths ?? answer?.horizonMonths ?? setting;
  const until = answer ? formatDate(addMonths(answer.today, answer.horizonMonths)) : null;
  const clearFilters = () => update({ structure: null, nature: null });

  const body = () => {
    if (!list.result) return <Loading label="Chargement de la liste…" />;
    if (!list.result.ok) return <LoadError error={list.result.error} onRetry={list.reload} />;
    const { items, total, periods, today, horizonMonths } = list.result.value;
    if (total === 0)
      return (
        <EmptyState
          mt="xl"
          icon={<IconChecklist size={32} aria-hidden />}
          withIndicatorBackground
          title={`Rien à faire d’ici le ${formatDate(addMonths(today, horizonMonths))}`}
          description={
            isFiltered(query)
              ? 'Rien n’arrive à échéance pour ces filtres, et rien n’est en retard. Retirez-les pour voir tout ce qui est dû.'
              : 'Aucune pièce manquante, obligation annuelle, versement prévu ni fin de convention à cette échéance, et rien en retard. Les conventions en cours alimentent cette liste.'
          }
        >
          <EmptyState.Actions>
            {isFiltered(query) && (
              <Button
                variant="light"
                leftSection={<IconFilterOff size={16} aria-hidden />}
                onClick={clearFilters}
              >
                Retirer les filtres
              </Button>
            )}
            {horizonMonths < 12 && (
              <Button variant="light" onClick={() => update({ horizon: '12' })}>
                Regarder sur 12 mois
              </Button>
            )}
            {!isFiltered(query) && (
              <Button variant="default" onClick={() => navigate('/conventions')}>
                Voir les conventions
              </Button>
            )}
          </EmptyState.Actions>
        </EmptyState>
      );
    return (
      <>
        <ListCount
          loading={list.loading}
          text={`${plural(total, 'élément', 'éléments')}${periods.overdue > 0 ? `, dont ${periods.overdue} en retard` : ''}`}
        />
        <TodoList items={items} today={today} periods={periods} onDone={list.reload} />
        {items.length < total && (
          <Group mt="lg" gap="md">
            <Button
              variant="light"
              loading={list.loading}
              onClick={() => setShown({ queryKey, limit: limit + TODO_PAGE })}
            >
              {`Afficher ${Math.min(TODO_PAGE, total - items.length)} de plus`}
            </Button>
            <Text size="sm" c="dimmed">
              {`${items.length} premiers éléments affichés sur ${total}.`}
            </Text>
          </Group>
        )}
      </>
    );
  };

  return (
    <>
      <PageHeader
        title="À faire"
        meta={
          <Text c="dimmed" size="sm">
            {until
              ? `Tout ce qui est dû d’ici le ${until}, et tout ce qui est en retard, par date.`
              : 'Tout ce qui est dû et tout ce qui est en retard, par date.'}
          </Text>
        }
      />
      <Group align="flex-end" gap="md" mb="lg">
        <Select
          label="Structure"
          placeholder="Toutes"
          data={structures.options}
          value={query.structureId === null ? null : String(query.structureId)}
          onChange={(structure) => update({ structure })}
          clearable
          searchable
          nothingFoundMessage="Aucune structure"
          w={300}
        />
        <MultiSelect
          label="Nature"
          placeholder={query.kinds.length ? undefined : 'Toutes'}
          data={optionsOf(TO_DO_KINDS)}
          value={query.kinds}
          onChange={(nature) => update({ nature })}
          clearable
          w={320}
        />
        <Select
          label="Horizon"
          data={horizonOptions(setting, horizon)}
          value={horizon === null ? null : String(horizon)}
          onChange={(value) =>
            update({ horizon: value === null || Number(value) === setting ? null : value })
          }
          allowDeselect={false}
          w={190}
        />
      </Group>
      {body()}
    </>
  );
}
