import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { useRoute } from '../api/useRoute';
import { onTodoChanged } from './todoEvents';

/**
 * How many to-do items are late (null until known, or when it cannot be read), read again on
 * each change of page and whenever an item is marked done.
 */
export function useOverdueCount(): number | null {
  const { pathname } = useLocation();
  const overdue = useRoute('todo.overdueCount', {});
  const { reload } = overdue;
  const shownFor = useRef(pathname);
  useEffect(() => {
    if (shownFor.current === pathname) return;
    shownFor.current = pathname;
    reload();
  }, [pathname, reload]);
  useEffect(() => onTodoChanged(reload), [reload]);
  return overdue.result?.ok ? overdue.result.value.count : null;
}
