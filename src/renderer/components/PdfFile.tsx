import { Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { RouteQuery } from '../api/useRoute';
import { PdfView } from './PdfView';
import { LoadError } from './QueryState';
import { base64ToBytes, saveFile } from './saveFile';

/** The wide modal a PDF the app made is shown in; `children` render only while it is open. */
export function PdfModal({
  opened,
  title,
  onClose,
  children,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="min(900px, 95vw)"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      {opened && children}
    </Modal>
  );
}

/** A PDF read from a route: « Préparation… » while it comes, then the PDF and « Enregistrer le PDF ». */
export function PdfFileBody({
  file,
  preparing,
  description,
}: {
  file: RouteQuery<{ fileName: string; contentBase64: string }>;
  /** Said while the document is being made: « Préparation du document… ». */
  preparing: string;
  description: string;
}) {
  if (!file.result)
    return (
      <Center py="xl" role="status">
        <Group gap="sm">
          <Loader size="sm" />
          <Text c="dimmed">{preparing}</Text>
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
