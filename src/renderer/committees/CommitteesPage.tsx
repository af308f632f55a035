import { Tabs, Text } from '@mantine/core';
import { COMMITTEES, type Committee } from '../../shared/domain/committees';
import { usePageTitle } from '../app/usePageTitle';
import { PageHeader } from '../components/PageHeader';
import { useTabParam } from '../components/useTabParam';
import { CommitteeTab } from './CommitteeTab';
import { DecisionRegister } from './DecisionRegister';

const TABS = ['copil', 'cotech', 'decisions'] as const;

/**
 * « Instances »: the steering and technical committees, each with its meetings, members and
 * written rules, and the register of every decision they took.
 */
export function CommitteesPage() {
  usePageTitle('Instances');
  const [tab, setTab] = useTabParam(TABS);
  return (
    <>
      <PageHeader
        title="Instances"
        meta={
          <Text c="dimmed" size="sm" maw={760}>
            Le comité de pilotage (COPIL) et le comité technique (COTECH) : leurs membres, leurs
            réunions (ordre du jour, présences, compte rendu, décisions, actions) et le relevé de
            toutes les décisions.
          </Text>
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="lg">
          {(Object.keys(COMMITTEES) as Committee[]).map((c) => (
            <Tabs.Tab key={c} value={c}>
              {COMMITTEES[c]}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="decisions">Relevé des décisions</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="copil">
          <CommitteeTab committee="copil" />
        </Tabs.Panel>
        <Tabs.Panel value="cotech">
          <CommitteeTab committee="cotech" />
        </Tabs.Panel>
        <Tabs.Panel value="decisions">
          <DecisionRegister />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
