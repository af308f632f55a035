import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { useRoute } from '../api/useRoute';
import { onTodoChanged } from './todoEvents';

/**
 * How many to-do items are late (null until known, or when the list cannot be read), read
 * again on each change of page and whenever an item is marked done.
 */
export function useOverdueCount(): number | null {
  const { pathname } = useLocation();
  const list = useRoute('todo.list', {});
  const { reload } = list;
  const shownFor = useRef(pathname);
  useEffect(() => {
    if (shownFor.current === pathname) return;
    shownFor.current = pathname;
    reload();
  }, [pathname, reload]);
  useEffect(() => onTodoChanged(reload), [reload]);
  return list.result?.ok ? list.result.value.items.filter((i) => i.overdue).length : null;
}
