import { useSearchParams } from 'react-router-dom';

/**
 * A page's open tab, kept in the address (?onglet=versements) so a link can open it; the
 * first of `tabs` is the default and leaves the address bare. Changing tab replaces the
 * history entry rather than adding one.
 */
export function useTabParam<T extends string>(
  tabs: readonly T[],
): [tab: T, setTab: (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const first = tabs[0]!;
  const asked = params.get('onglet');
  const tab = tabs.includes(asked as T) ? (asked as T) : first;
  const setTab = (value: string | null) =>
    setParams(value && value !== first ? { onglet: value } : {}, { replace: true });
  return [tab, setTab];
}
