import { Tabs, Text } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { parsePeriod, lastEndedPeriod } from '../../shared/rules/activity';
import { todayInParis } from '../../shared/rules/dates';
import { useRoute } from '../api/useRoute';
import { usePageTitle } from '../app/usePageTitle';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { CompletenessTab } from './CompletenessTab';
import { EntryTab } from './EntryTab';
import { ReturnsTab } from './ReturnsTab';
import { SummaryTab } from './SummaryTab';
import { TemplatesTab } from './TemplatesTab';

const TABS = ['completude', 'saisie', 'modeles', 'retours', 'synthese'] as const;
type Tab = (typeof TABS)[number];

export const ACTIVITY_TITLE = 'Activité des Promeneurs';

/**
 * « Activité des Promeneurs »: who has sent their figures for a period, entry by hand, the
 * Excel templates to send and the returned ones to import, and the totals for the CAF. The
 * tab, the period and the Promeneur live in the address (?onglet=saisie&periode=2026-T3).
 */
export function ActivityPage() {
  usePageTitle(ACTIVITY_TITLE);
  const settings = useRoute('settings.get', {});
  const [params, setParams] = useSearchParams();

  if (!settings.result) return <Loading />;
  if (!settings.result.ok)
    return <LoadError error={settings.result.error} onRetry={settings.reload} />;
  const kind = settings.result.value.activityPeriod;
  const today = todayInParis();
  const asked = parsePeriod(params.get('periode') ?? '');
  const periodKey = asked?.key ?? lastEndedPeriod(kind, today).key;
  const tab: Tab = TABS.includes(params.get('onglet') as Tab)
    ? (params.get('onglet') as Tab)
    : 'completude';
  const promeneurId = Number(params.get('promeneur')) || null;

  const go = (next: { onglet?: Tab; periode?: string; promeneur?: number | null }) => {
    const merged = new URLSearchParams(params);
    if (next.onglet) merged.set('onglet', next.onglet);
    if (next.periode) merged.set('periode', next.periode);
    if (next.promeneur !== undefined) {
      if (next.promeneur === null) merged.delete('promeneur');
      else merged.set('promeneur', String(next.promeneur));
    }
    setParams(merged, { replace: true });
  };
  const period = { kind, today, value: periodKey, onChange: (periode: string) => go({ periode }) };

  return (
    <>
      <PageHeader
        title={ACTIVITY_TITLE}
        meta={
          <Text c="dimmed" size="sm" maw={760}>
            Les chiffres que chaque Promeneur du Net donne pour une période : jeunes contactés et
            rencontrés, canaux, thèmes des demandes, heures en ligne. Des nombres seulement, jamais
            le nom d’un jeune.
          </Text>
        }
      />
      <Tabs value={tab} onChange={(v) => v && go({ onglet: v as Tab })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="completude">Complétude</Tabs.Tab>
          <Tabs.Tab value="saisie">Saisie</Tabs.Tab>
          <Tabs.Tab value="modeles">Modèles Excel</Tabs.Tab>
          <Tabs.Tab value="retours">Retours</Tabs.Tab>
          <Tabs.Tab value="synthese">Synthèse</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="completude">
          <CompletenessTab
            period={period}
            onEnter={(id) => go({ onglet: 'saisie', promeneur: id })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="saisie">
          <EntryTab
            period={period}
            promeneurId={promeneurId}
            onPick={(id) => go({ promeneur: id })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="modeles">
          <TemplatesTab period={period} />
        </Tabs.Panel>
        <Tabs.Panel value="retours">
          <ReturnsTab period={period} />
        </Tabs.Panel>
        <Tabs.Panel value="synthese">
          <SummaryTab kind={kind} today={today} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
