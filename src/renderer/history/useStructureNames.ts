import { useMemo } from 'react';
import { useRoute } from '../api/useRoute';

/** Every structure's name by id, archived ones included (empty until loaded, or when not wanted). */
export function useStructureNames(wanted: boolean): ReadonlyMap<number, string> {
  const active = useRoute('structures.list', wanted ? { archived: false } : null);
  const archived = useRoute('structures.list', wanted ? { archived: true } : null);
  return useMemo(() => {
    const names = new Map<number, string>();
    for (const list of [active.result, archived.result])
      if (list?.ok) for (const s of list.value) names.set(s.id, s.name);
    return names;
  }, [active.result, archived.result]);
}
