import { useRoute } from '../api/useRoute';

/**
 * The structures a Promeneur can belong to, as select options (value: the id as text).
 * `keep` adds the current structure even when it is archived, so the form still shows it.
 */
export function useStructureOptions(keep?: { id: number; name: string }) {
  const list = useRoute('structures.list', { archived: false, sort: 'name', direction: 'asc' });
  const rows = list.result?.ok ? list.result.value : [];
  const options = rows.map((s) => ({
    value: String(s.id),
    label: s.commune ? `${s.name} (${s.commune})` : s.name,
  }));
  if (keep && !rows.some((s) => s.id === keep.id))
    options.unshift({ value: String(keep.id), label: `${keep.name} (archivée)` });
  return {
    options,
    loading: !list.result,
    error: list.result?.ok === false ? list.result.error : null,
  };
}
