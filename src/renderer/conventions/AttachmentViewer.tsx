/// <reference types="vite/client" />
/**
 * Shows a scanned document inside the app, from the bytes the vault returns: never written
 * to disk. Images go through an object URL (revoked on close); PDFs are drawn page by page
 * on canvases by pdf.js, loaded only when a PDF is opened.
 */
import { Alert, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { ATTACHMENT_TYPES } from '../../shared/domain/conventions';
import { useRoute } from '../api/useRoute';
import { LoadError } from '../components/QueryState';
import { labelOf } from '../components/options';
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
        <PdfPages base64={contentBase64} />
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

type PdfState =
  | { step: 'loading' }
  | { step: 'drawing'; pages: number; drawn: number }
  | { step: 'done'; pages: number }
  | { step: 'failed' };

function PdfPages({ base64 }: { base64: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<PdfState>({ step: 'loading' });

  useEffect(() => {
    const host = container.current;
    if (!host) return;
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;

    void (async () => {
      try {
        const pdfjs = await import('pdfjs-dist');
        pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
        const task = pdfjs.getDocument({ data: base64ToBytes(base64) });
        destroy = () => task.destroy();
        const pdf = await task.promise;
        if (cancelled) return void task.destroy();
        setState({ step: 'drawing', pages: pdf.numPages, drawn: 0 });
        const width = Math.max(320, host.clientWidth);
        const ratio = window.devicePixelRatio || 1;
        for (let n = 1; n <= pdf.numPages; n++) {
          const page = await pdf.getPage(n);
          if (cancelled) return;
          const base = page.getViewport({ scale: 1 });
          const viewport = page.getViewport({ scale: (width / base.width) * ratio });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.style.width = '100%';
          canvas.style.display = 'block';
          canvas.style.border = '1px solid var(--mantine-color-default-border)';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `Page ${n} sur ${pdf.numPages}`);
          host.appendChild(canvas);
          await page.render({ canvas, viewport }).promise;
          page.cleanup();
          if (cancelled) return;
          setState({ step: 'drawing', pages: pdf.numPages, drawn: n });
        }
        setState({ step: 'done', pages: pdf.numPages });
      } catch {
        if (!cancelled) setState({ step: 'failed' });
      }
    })();

    return () => {
      cancelled = true;
      void destroy?.();
      // The drawn pages go with the viewer.
      host.replaceChildren();
    };
  }, [base64]);

  return (
    <Stack gap="sm">
      {state.step === 'loading' && (
        <Center py="xl" role="status">
          <Group gap="sm">
            <Loader size="sm" />
            <Text c="dimmed">Lecture du PDF…</Text>
          </Group>
        </Center>
      )}
      {state.step === 'drawing' && (
        <Text size="sm" c="dimmed" role="status">
          Affichage de la page {Math.min(state.drawn + 1, state.pages)} sur {state.pages}…
        </Text>
      )}
      {state.step === 'done' && (
        <Text size="sm" c="dimmed">
          {state.pages > 1 ? `${state.pages} pages` : '1 page'}
        </Text>
      )}
      {state.step === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          Ce PDF n’a pas pu être affiché : il est peut-être endommagé ou protégé. Il reste
          enregistré dans le coffre.
        </Alert>
      )}
      <Stack gap="md" ref={container} data-testid="pdf-pages" />
    </Stack>
  );
}
