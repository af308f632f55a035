/// <reference types="vite/client" />
/**
 * A PDF drawn inside the app, page by page on canvases, by pdf.js: from bytes held in
 * memory (a scan from the vault, a sheet the app produced), never from a file on disk.
 * pdf.js itself is loaded only when a PDF is first shown.
 */
import { Alert, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { base64ToBytes } from './saveFile';

type PdfState =
  | { step: 'loading' }
  | { step: 'drawing'; pages: number; drawn: number }
  | { step: 'done'; pages: number }
  | { step: 'failed' };

interface Props {
  /** The PDF, as base64 (as main sends files) or as bytes. */
  data: string | Uint8Array;
  /** What to say when the PDF cannot be drawn. */
  failureText?: string;
}

export function PdfView({
  data,
  failureText = 'Ce PDF n’a pas pu être affiché : il est peut-être endommagé ou protégé.',
}: Props) {
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
        // pdf.js hands the buffer over to its worker: give it a copy of the caller's bytes.
        const bytes = typeof data === 'string' ? base64ToBytes(data) : new Uint8Array(data);
        const task = pdfjs.getDocument({ data: bytes });
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
      // The drawn pages go with the view.
      host.replaceChildren();
    };
  }, [data]);

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
          {failureText}
        </Alert>
      )}
      <Stack gap="md" ref={container} data-testid="pdf-pages" />
    </Stack>
  );
}
