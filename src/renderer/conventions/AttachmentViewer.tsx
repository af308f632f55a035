/**
 * Shows a scanned document inside the app, from the bytes the vault returns: never written
 * to disk. Images go through an object URL (revoked on close); PDFs are drawn page by page
 * on canvases by the shared PdfView (pdf.js, loaded only when a PDF is opened).
 */
import { Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { ATTACHMENT_TYPES } from '../../shared/domain/conventions';
import { useRoute } from '../api/useRoute';
import { LoadError } from '../components/QueryState';
import { labelOf } from '../components/options';
import { PdfView } from '../components/PdfView';
import { base64ToBytes } from './attachmentFile';

export interface ViewedAttachment {
  id: number;
  fileName: string;
}

export function AttachmentViewer({
  attachment,
  onClose,
}: {
  attachment: ViewedAttachment | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={attachment !== null}
      onClose={onClose}
      title={attachment?.fileName ?? ''}
      size="min(1100px, 95vw)"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      {attachment && <ViewerBody key={attachment.id} id={attachment.id} />}
    </Modal>
  );
}

function ViewerBody({ id }: { id: number }) {
  const file = useRoute('conventions.attachments.open', { id });
  if (!file.result)
    return (
      <Center py="xl" role="status">
        <Group gap="sm">
          <Loader size="sm" />
          <Text c="dimmed">Ouverture du fichier…</Text>
        </Group>
      </Center>
    );
  if (!file.result.ok) return <LoadError error={file.result.error} onRetry={file.reload} />;
  const { contentBase64, mimeType, fileName } = file.result.value;
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {labelOf(ATTACHMENT_TYPES, mimeType)} · affiché depuis le coffre chiffré, sans copie sur le
        disque.
      </Text>
      {mimeType === 'application/pdf' ? (
        <PdfView
          data={contentBase64}
          failureText="Ce PDF n’a pas pu être affiché : il est peut-être endommagé ou protégé. Il reste enregistré dans le coffre."
        />
      ) : (
        <ImageView base64={contentBase64} mimeType={mimeType} fileName={fileName} />
      )}
    </Stack>
  );
}

function ImageView({
  base64,
  mimeType,
  fileName,
}: {
  base64: string;
  mimeType: string;
  fileName: string;
}) {
  return (
    <img
      alt={fileName}
      style={{ maxWidth: '100%', height: 'auto', display: 'block', margin: '0 auto' }}
      ref={(img) => {
        if (!img) return;
        const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mimeType }));
        img.src = url;
        return () => {
          img.removeAttribute('src');
          URL.revokeObjectURL(url);
        };
      }}
    />
  );
}
