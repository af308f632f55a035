import { Button, EmptyState } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { usePageTitle } from './usePageTitle';

/** A path that leads nowhere (an old link, a deleted record). */
export function NotFound({ what = 'Cette page n’existe pas.' }: { what?: string }) {
  const navigate = useNavigate();
  usePageTitle('Introuvable');
  return (
    <EmptyState
      mt="xl"
      icon={<IconMapQuestion size={32} aria-hidden />}
      withIndicatorBackground
      title="Introuvable"
      description={`${what} Elle a peut-être été supprimée.`}
    >
      <EmptyState.Actions>
        <Button variant="light" onClick={() => navigate('/')}>
          Revenir à l’accueil
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
