import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useRoute } from '../api/useRoute';
import { copyText } from '../components/copyText';
import { notifyError, notifySuccess } from '../components/notify';
import { LoadError, Loading } from '../components/QueryState';

/** The processing record (registre des traitements), filled from the vault, ready to copy. */
export function RegisterPanel() {
  const record = useRoute('rights.register', {});
  if (!record.result) return <Loading />;
  if (!record.result.ok) return <LoadError error={record.result.error} onRetry={record.reload} />;
  const { title, sections, text } = record.result.value;
  const copy = async () => {
    if (await copyText(text))
      notifySuccess(
        'Collez-le dans le registre des traitements de votre organisme.',
        'Texte copié',
      );
    else notifyError('La copie a échoué : sélectionnez le texte et copiez-le à la main.');
  };
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          La fiche de ce traitement pour le registre prévu par l’article 30 du RGPD, remplie à
          partir des paramètres et des données du coffre. Relisez-la avec le délégué à la protection
          des données de votre organisme.
        </Text>
        <Button leftSection={<IconCopy size={16} aria-hidden />} onClick={() => void copy()}>
          Copier
        </Button>
      </Group>
      <Paper withBorder p="lg" aria-label="Registre des traitements">
        <Title order={2} fz="h4" mb="md">
          {title}
        </Title>
        <Stack gap="md">
          {sections.map((s) => (
            <div key={s.heading}>
              <Title order={3} fz="md" mb={4}>
                {s.heading}
              </Title>
              <List size="sm" spacing={4}>
                {s.lines.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </div>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
