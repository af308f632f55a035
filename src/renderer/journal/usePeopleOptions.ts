import { useRoute } from '../api/useRoute';
import { useStructureOptions } from '../promeneurs/useStructureOptions';

type Option = { value: string; label: string };
type Named = { id: number; name: string };

/** Adds the records an entry already names but the lists no longer offer (archived ones). */
function withKept(options: Option[], kept: Named[], loaded: boolean, mark: string): Option[] {
  if (!loaded) return options;
  const missing = kept
    .filter((k) => !options.some((o) => o.value === String(k.id)))
    .map((k) => ({ value: String(k.id), label: `${k.name} (${mark})` }));
  return [...options, ...missing];
}

/**
 * The active Promeneurs and structures as select options (value: the id as text), plus the
 * ones `keep` names.
 */
export function usePeopleOptions(keep: { promeneurs: Named[]; structures: Named[] } | null = null) {
  const list = useRoute('promeneurs.list', { archived: false, sort: 'lastName' });
  const structures = useStructureOptions();
  const rows = list.result?.ok ? list.result.value.rows : [];
  const promeneurs = rows.map((p) => ({
    value: String(p.id),
    label: `${p.firstName} ${p.lastName} (${p.structureName})`,
  }));
  return {
    promeneurs: withKept(promeneurs, keep?.promeneurs ?? [], list.result !== null, 'archivé'),
    structures: withKept(
      structures.options,
      keep?.structures ?? [],
      !structures.loading,
      'archivée',
    ),
    loading: !list.result || structures.loading,
  };
}
