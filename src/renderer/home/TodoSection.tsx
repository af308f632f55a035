import { Anchor, Badge, Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { addMonths, formatDate } from '../../shared/rules/dates';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { LoadError, Loading } from '../components/QueryState';
import { TodoList } from '../todo/TodoList';

/** How many lines the home page shows; the rest is one click away in « À faire ». */
export const HOME_LINES = 8;

/** The first items of « À faire » (what is late comes first, being the oldest). */
export function TodoSection() {
  const list = useRoute('todo.list', { limit: HOME_LINES });
  const answer = list.result?.ok ? list.result.value : null;
  const total = answer?.total ?? 0;
  const overdue = answer?.periods.overdue ?? 0;

  const body = () => {
    if (!list.result) return <Loading label="Chargement de la liste « À faire »…" />;
    if (!list.result.ok) return <LoadError error={list.result.error} onRetry={list.reload} />;
    const { items, today, horizonMonths } = list.result.value;
    if (items.length === 0)
      return (
        <Card withBorder padding="lg" radius="md">
          <Group wrap="nowrap">
            <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
              <IconChecklist size={24} />
            </ThemeIcon>
            <div>
              <Text fw={600}>
                Rien à faire d’ici le {formatDate(addMonths(today, horizonMonths))}
              </Text>
              <Text size="sm" c="dimmed">
                Aucune pièce, obligation, versement ni fin de convention à suivre, et rien en
                retard.
              </Text>
            </div>
          </Group>
        </Card>
      );
    return (
      <>
        <TodoList items={items} today={today} onDone={list.reload} />
        {total > items.length && (
          <Text size="sm" c="dimmed" mt="xs">
            {items.length} premiers éléments sur {total}.
          </Text>
        )}
      </>
    );
  };

  return (
    <section aria-labelledby="todo-title">
      <Group justify="space-between" mb="md">
        <Group gap="sm">
          <Title order={2} fz="h3" id="todo-title">
            À faire
          </Title>
          {total > 0 && (
            <Badge
              variant="light"
              size="lg"
              circle={total < 10}
              aria-label={plural(total, 'élément', 'éléments')}
            >
              {total}
            </Badge>
          )}
          {overdue > 0 && (
            <Badge variant="light" color="red" size="lg" tt="none">
              {overdue} en retard
            </Badge>
          )}
        </Group>
        <Anchor component={Link} to="/a-faire" size="sm" fw={500}>
          <Group gap={4} component="span">
            Tout voir
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
      {body()}
    </section>
  );
}
