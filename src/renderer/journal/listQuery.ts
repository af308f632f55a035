import { LOG_KINDS } from '../../shared/domain/calendar';
import { allowed } from '../components/useSearchState';

const positiveId = (text: string | null) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : null;
};

/**
 * The journal's address: ?annee=2025&nature=…&promeneur=12&structure=3 (nature may repeat;
 * without annee, the current year).
 */
export function journalQueryFrom(params: URLSearchParams, currentYear: number) {
  const year = Number(params.get('annee'));
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentYear,
    kinds: allowed(params.getAll('nature'), LOG_KINDS),
    promeneurId: positiveId(params.get('promeneur')),
    structureId: positiveId(params.get('structure')),
  };
}

export type JournalQuery = ReturnType<typeof journalQueryFrom>;

export const isFiltered = (q: JournalQuery) =>
  q.kinds.length > 0 || q.promeneurId !== null || q.structureId !== null;

/** The years offered: five back, the next one, and the one shown (an address may carry another). */
export function yearOptions(currentYear: number, shown: number) {
  const years = new Set([shown]);
  for (let y = currentYear + 1; y >= currentYear - 5; y--) years.add(y);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
}
