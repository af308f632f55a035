import { Button, Paper, Text, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { keepFocus } from '../components/keepFocus';
import { useOpenDemo } from './useOpenDemo';

/** The way to look around with a fictional department before (or instead of) real data. */
export function DemoChoice() {
  const demo = useOpenDemo();
  return (
    <Paper component="section" aria-labelledby="demo-title">
      <Title order={2} fz="h4" id="demo-title" mb={6}>
        Découvrir Balise sans vos données
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Ouvre un coffre de démonstration séparé, rempli avec un département fictif (Val-de-Balise) :
        structures, Promeneurs, profils à contrôler… Ce coffre ne se mélange jamais avec vos vraies
        données ; vous pourrez le quitter à tout moment.
      </Text>
      <Button
        variant="light"
        leftSection={<IconFlask size={16} aria-hidden />}
        loading={demo.opening}
        onClick={demo.open}
        {...keepFocus}
      >
        Explorer avec des données fictives
      </Button>
    </Paper>
  );
}
