import { Stack, Text } from '@mantine/core';
import { lazy, Suspense, useDeferredValue, useEffect, useState } from 'react';
import type { DashboardFiltersInput } from '../../shared/api/dashboard';
import { todayInParis } from '../../shared/rules/dates';
import { useShell } from '../app/shellContext';
import { usePageTitle } from '../app/usePageTitle';
import { useRoute } from '../api/useRoute';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { DashboardFilters, type FilterState } from './DashboardFilters';
import { KeyFigures } from './KeyFigures';

/**
 * The charts (recharts: most of this page's code) are a chunk of their own, fetched as the page
 * opens, beside its data: the page's own chunk is small, so its data is asked for at once and
 * the key figures show without waiting for the charts' code.
 */
const loadCharts = () => import('./DashboardCharts');
const DashboardCharts = lazy(() => loadCharts().then((m) => ({ default: m.DashboardCharts })));

/** The route's input for the filters, or why the dates cannot be used yet. */
function inputOf(f: FilterState): { input: DashboardFiltersInput | null; problem: string | null } {
  const scope = {
    territory: f.territory,
    structureType: f.structureType,
    structureId: f.structureId,
  };
  if (f.mode === 'year') return { input: { year: f.year, ...scope }, problem: null };
  if (f.from === null || f.to === null)
    return { input: null, problem: 'Indiquez le début et la fin de la période.' };
  if (f.from > f.to) return { input: null, problem: 'La fin de la période précède son début.' };
  return { input: { from: f.from, to: f.to, ...scope }, problem: null };
}

/**
 * « Tableau de bord »: the network's key figures and charts for a year or a period, a
 * territory, a structure type and a structure; each chart also as a table and as a PNG.
 */
export function DashboardPage() {
  usePageTitle('Tableau de bord');
  const { departmentName } = useShell();
  const [filters, setFilters] = useState<FilterState>(() => ({
    mode: 'year',
    year: Number(todayInParis().slice(0, 4)),
    from: null,
    to: null,
    territory: null,
    structureType: null,
    structureId: null,
  }));
  // While the dates are being typed, the last complete choice stays on screen.
  const [applied, setApplied] = useState<DashboardFiltersInput>(() => inputOf(filters).input!);
  const { problem } = inputOf(filters);
  const change = (patch: Partial<FilterState>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    const { input } = inputOf(next);
    if (input) setApplied(input);
  };
  const data = useRoute('dashboard.data', applied);
  const options = useRoute('dashboard.options', {});
  const shown = data.result?.ok ? data.result.value : null;
  // The key figures show as soon as they arrive; the seven charts, much longer to draw,
  // follow in a render of lower priority (the page stays responsive meanwhile).
  const charted = useDeferredValue(shown, null);
  useEffect(() => void loadCharts(), []);

  const body = () => {
    if (!data.result) return <Loading label="Calcul du tableau de bord…" />;
    if (!data.result.ok) return <LoadError error={data.result.error} onRetry={data.reload} />;
    const d = data.result.value;
    return (
      <Stack gap="lg" aria-busy={data.loading || charted !== d}>
        <KeyFigures data={d} />
        {charted === null ? (
          <Loading label="Dessin des graphiques…" />
        ) : (
          <Suspense fallback={<Loading label="Dessin des graphiques…" />}>
            <DashboardCharts data={charted} departmentName={departmentName} />
          </Suspense>
        )}
      </Stack>
    );
  };

  return (
    <>
      <PageHeader
        title="Tableau de bord"
        meta={
          <Text c="dimmed" size="sm">
            {shown
              ? `Le réseau en chiffres — ${shown.period.label}${shown.filters.structureName ? ` — ${shown.filters.structureName}` : ''}`
              : 'Le réseau en chiffres.'}
          </Text>
        }
      />
      <Stack gap="lg">
        <DashboardFilters
          value={filters}
          onChange={change}
          options={options.result?.ok ? options.result.value : null}
          problem={problem}
        />
        {body()}
      </Stack>
    </>
  );
}
