import { Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useRoute } from '../api/useRoute';
import { PdfView } from '../components/PdfView';
import { LoadError } from '../components/QueryState';
import { base64ToBytes, saveFile } from '../components/saveFile';

/** The committee documents made as PDF, each by its route. */
export type PdfRequest =
  | { route: 'committees.preparationPack'; input: { eventId: number } }
  | { route: 'committees.minutesPdf'; input: { eventId: number } }
  | { route: 'committees.decisions.letter'; input: { id: number } };

interface Props {
  request: PdfRequest | null;
  title: string;
  description: string;
  onClose: () => void;
}

/** A document the app made, shown in the app, and « Enregistrer le PDF ». */
export function PdfPreview({ request, title, description, onClose }: Props) {
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      title={title}
      size="min(900px, 95vw)"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      {request && <PreviewBody request={request} description={description} />}
    </Modal>
  );
}

function PreviewBody({ request, description }: { request: PdfRequest; description: string }) {
  // The union's routes all answer with a file: one reading fits them all.
  const file = useRoute(
    request.route as 'committees.minutesPdf',
    request.input as { eventId: number },
  );
  if (!file.result)
    return (
      <Center py="xl" role="status">
        <Group gap="sm">
          <Loader size="sm" />
          <Text c="dimmed">Préparation du document…</Text>
        </Group>
      </Center>
    );
  if (!file.result.ok) return <LoadError error={file.result.error} onRetry={file.reload} />;
  const { fileName, contentBase64 } = file.result.value;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed" maw={560}>
          {description}
        </Text>
        <Button
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          onClick={() => saveFile(fileName, 'application/pdf', base64ToBytes(contentBase64))}
        >
          Enregistrer le PDF
        </Button>
      </Group>
      <PdfView data={contentBase64} />
    </Stack>
  );
}
