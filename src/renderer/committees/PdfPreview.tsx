import { useRoute } from '../api/useRoute';
import { PdfFileBody, PdfModal } from '../components/PdfFile';

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
    <PdfModal opened={request !== null} title={title} onClose={onClose}>
      {request && <PreviewBody request={request} description={description} />}
    </PdfModal>
  );
}

function PreviewBody({ request, description }: { request: PdfRequest; description: string }) {
  // The union's routes all answer with a file: one reading fits them all.
  const file = useRoute(
    request.route as 'committees.minutesPdf',
    request.input as { eventId: number },
  );
  return <PdfFileBody file={file} preparing="Préparation du document…" description={description} />;
}
