import { useRoute } from '../api/useRoute';
import { PdfFileBody, PdfModal } from '../components/PdfFile';

interface Props {
  eventId: number;
  opened: boolean;
  onClose: () => void;
}

/** The print-ready A4 attendance sheet, shown in the app, and « Enregistrer le PDF ». */
export function AttendanceSheet({ eventId, opened, onClose }: Props) {
  return (
    <PdfModal opened={opened} title="Feuille d’émargement" onClose={onClose}>
      <SheetBody eventId={eventId} />
    </PdfModal>
  );
}

function SheetBody({ eventId }: { eventId: number }) {
  const sheet = useRoute('calendar.attendanceSheet', { id: eventId });
  return (
    <PdfFileBody
      file={sheet}
      preparing="Préparation de la feuille…"
      description="Format A4, prêt à imprimer : les invités, leur structure et une colonne pour signer."
    />
  );
}
