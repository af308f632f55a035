import { Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useRoute } from '../api/useRoute';
import { PdfView } from '../components/PdfView';
import { LoadError } from '../components/QueryState';
import { base64ToBytes, saveFile } from '../components/saveFile';

interface Props {
  eventId: number;
  opened: boolean;
  onClose: () => void;
}

/** The print-ready A4 attendance sheet, shown in the app, and « Enregistrer le PDF ». */
export function AttendanceSheet({ eventId, opened, onClose }: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Feuille d’émargement"
      size="min(900px, 95vw)"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      {opened && <SheetBody eventId={eventId} />}
    </Modal>
  );
}

function SheetBody({ eventId }: { eventId: number }) {
  const sheet = useRoute('calendar.attendanceSheet', { id: eventId });
  if (!sheet.result)
    return (
      <Center py="xl" role="status">
        <Group gap="sm">
          <Loader size="sm" />
          <Text c="dimmed">Préparation de la feuille…</Text>
        </Group>
      </Center>
    );
  if (!sheet.result.ok) return <LoadError error={sheet.result.error} onRetry={sheet.reload} />;
  const { fileName, contentBase64 } = sheet.result.value;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed">
          Format A4, prêt à imprimer : les invités, leur structure et une colonne pour signer.
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
