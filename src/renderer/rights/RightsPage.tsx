import { Anchor, Tabs, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { PageHeader } from '../components/PageHeader';
import { PeoplePanel } from './PeoplePanel';
import { RegisterPanel } from './RegisterPanel';
import { RetentionPanel } from './RetentionPanel';

const TABS = ['personnes', 'conservation', 'registre'] as const;
type Tab = (typeof TABS)[number];

/** « Données personnelles »: the rights of the people in the directory (GDPR). */
export function RightsPage() {
  usePageTitle('Données personnelles');
  const [params, setParams] = useSearchParams();
  const asked = params.get('onglet');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'personnes';
  return (
    <>
      <PageHeader
        title="Données personnelles"
        meta={
          <Text c="dimmed" size="sm">
            Les droits des personnes (RGPD) : accès à leurs données, export, effacement, durée de
            conservation. Chaque effacement est noté dans le{' '}
            <Anchor component={Link} to="/journal-des-modifications">
              journal des modifications
            </Anchor>
            , sans les valeurs effacées.
          </Text>
        }
      />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'personnes' ? { onglet: v } : {})}>
        <Tabs.List mb="md">
          <Tabs.Tab value="personnes">Personnes</Tabs.Tab>
          <Tabs.Tab value="conservation">Conservation</Tabs.Tab>
          <Tabs.Tab value="registre">Registre des traitements</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="personnes">
          <PeoplePanel />
        </Tabs.Panel>
        <Tabs.Panel value="conservation">{tab === 'conservation' && <RetentionPanel />}</Tabs.Panel>
        <Tabs.Panel value="registre">{tab === 'registre' && <RegisterPanel />}</Tabs.Panel>
      </Tabs>
    </>
  );
}
