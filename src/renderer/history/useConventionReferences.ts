import { useMemo } from 'react';
import { useRoute } from '../api/useRoute';

/** Every convention's reference by id (empty until loaded, or when not wanted). */
export function useConventionReferences(wanted: boolean): ReadonlyMap<number, string> {
  const list = useRoute('conventions.list', wanted ? {} : null);
  return useMemo(() => {
    const references = new Map<number, string>();
    if (list.result?.ok) for (const c of list.result.value) references.set(c.id, c.reference);
    return references;
  }, [list.result]);
}
