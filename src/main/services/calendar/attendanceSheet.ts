/**
 * The attendance sheet (feuille d'émargement) of an event: a print-ready A4 PDF with the
 * invitees' names and structures and a column to sign, made with pdfkit in memory (never on
 * disk). Standard Helvetica fonts, WinAnsi-encoded, print French accents.
 */
import PDFDocument from 'pdfkit';
import type { RouteOutput } from '../../../shared/api/contract';
import { EVENT_TYPES, type EventType } from '../../../shared/domain/calendar';
import { searchKey } from '../../../shared/rules/text';
import { formatSpan } from '../../../shared/rules/calendar';
import { formatDate, todayInParis } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { compareText } from '../directory';
import { readSettings } from '../settings';
import { slugOf } from './fileName';

const MARGIN = 40;
const PAGE = { width: 595.28, height: 841.89 };
const ROW = 28;
const HEADER_ROW = 20;
/** Room kept at the bottom of every page for the footer. */
const FOOTER = 24;
/** Empty rows after the invitees, for people who come without having been invited. */
const EXTRA_ROWS = 5;
/** An event without invitees gets a sheet of empty rows. */
const EMPTY_SHEET_ROWS = 15;

const COLUMNS = [
  { label: 'Nom', width: 130 },
  { label: 'Prénom', width: 110 },
  { label: 'Structure / organisation', width: 150 },
  { label: 'Signature', width: PAGE.width - 2 * MARGIN - 390 },
] as const;

export interface SheetLine {
  lastName: string;
  firstName: string;
  organisation: string;
}

/** A name typed in one piece (a guest, someone of a structure's team): first word, then the rest. */
function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/);
  return words.length < 2
    ? { firstName: '', lastName: words[0] ?? '' }
    : { firstName: words[0]!, lastName: words.slice(1).join(' ') };
}

/** The invitees as they appear on the sheet, by last name then first name. */
async function linesOf(db: Db, eventId: number): Promise<SheetLine[]> {
  const rows = await db
    .selectFrom('eventInvitees')
    .leftJoin('promeneurs', 'promeneurs.id', 'eventInvitees.promeneurId')
    .leftJoin('structures as ps', 'ps.id', 'promeneurs.structureId')
    .leftJoin('structures as s', 's.id', 'eventInvitees.structureId')
    .select([
      'eventInvitees.id',
      'eventInvitees.name',
      'eventInvitees.organisation',
      'promeneurs.firstName',
      'promeneurs.lastName',
      'ps.name as promeneurStructure',
      's.name as structureName',
    ])
    .where('eventInvitees.eventId', '=', eventId)
    .execute();
  return rows
    .map((r) => {
      const names =
        r.lastName !== null
          ? { firstName: r.firstName ?? '', lastName: r.lastName }
          : splitName(r.name ?? '');
      return {
        ...names,
        organisation: r.promeneurStructure ?? r.structureName ?? r.organisation ?? '',
      };
    })
    .sort((a, b) => compareText(a.lastName, b.lastName) || compareText(a.firstName, b.firstName));
}

interface SheetHeader {
  department: string;
  type: string;
  title: string;
  span: string;
  place: string | null;
}

/** Draws the sheet and returns the PDF's bytes. */
export function renderSheet(header: SheetHeader, lines: SheetLine[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `Feuille d’émargement — ${header.title}`, Creator: 'Balise' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = PAGE.width - 2 * MARGIN;
  const bottom = PAGE.height - MARGIN - FOOTER;

  // The header of the first page.
  doc.fillColor('#000000');
  if (header.department)
    doc.font('Helvetica').fontSize(10).fillColor('#555555').text(header.department, { width });
  doc.fillColor('#000000').font('Helvetica-Bold').fontSize(18).text('Feuille d’émargement', {
    width,
  });
  doc.moveDown(0.3);
  // A meeting titled after its type (« COPIL ») needs the words once.
  if (searchKey(header.type) !== searchKey(header.title))
    doc.font('Helvetica').fontSize(11).text(header.type, { width });
  doc.font('Helvetica-Bold').fontSize(14).text(header.title, { width });
  doc.font('Helvetica').fontSize(11).text(header.span, { width });
  if (header.place) doc.text(`Lieu : ${header.place}`, { width });
  doc.moveDown(1);

  const tableHeader = (top: number): number => {
    let x = MARGIN;
    doc.lineWidth(0.8).strokeColor('#000000');
    doc.rect(MARGIN, top, width, HEADER_ROW).fillAndStroke('#e6e6e6', '#000000');
    doc.fillColor('#000000').font('Helvetica-Bold').fontSize(10);
    for (const column of COLUMNS) {
      doc.text(column.label, x + 4, top + 6, {
        width: column.width - 8,
        height: 12,
        lineBreak: false,
        ellipsis: true,
      });
      doc
        .moveTo(x, top)
        .lineTo(x, top + HEADER_ROW)
        .stroke();
      x += column.width;
    }
    doc
      .moveTo(x, top)
      .lineTo(x, top + HEADER_ROW)
      .stroke();
    return top + HEADER_ROW;
  };

  const row = (top: number, line: SheetLine | null) => {
    doc.lineWidth(0.5).strokeColor('#000000');
    doc.rect(MARGIN, top, width, ROW).stroke();
    let x = MARGIN;
    const cells = line ? [line.lastName, line.firstName, line.organisation, ''] : ['', '', '', ''];
    doc.fillColor('#000000').font('Helvetica').fontSize(9);
    COLUMNS.forEach((column, i) => {
      if (i > 0)
        doc
          .moveTo(x, top)
          .lineTo(x, top + ROW)
          .stroke();
      const text = cells[i]!;
      if (text)
        doc.text(text, x + 4, top + 3, {
          width: column.width - 8,
          height: ROW - 4,
          ellipsis: true,
        });
      x += column.width;
    });
  };

  let y = tableHeader(doc.y);
  const all: (SheetLine | null)[] = [
    ...lines,
    ...Array<null>(lines.length === 0 ? EMPTY_SHEET_ROWS : EXTRA_ROWS).fill(null),
  ];
  for (const line of all) {
    if (y + ROW > bottom) {
      doc.addPage();
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor('#555555')
        .text(`Feuille d’émargement — ${header.title} — ${header.span}`, MARGIN, MARGIN, {
          width,
          height: 12,
          lineBreak: false,
          ellipsis: true,
        });
      y = tableHeader(MARGIN + 18);
    }
    row(y, line);
    y += ROW;
  }

  // Footer and page numbers, once the number of pages is known.
  const generated = `Balise — document généré le ${formatDate(todayInParis())}`;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const footerY = PAGE.height - MARGIN - 10;
    // Writing below the bottom margin must not open a new page.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#555555');
    doc.text(generated, MARGIN, footerY, { width: width / 2, lineBreak: false });
    doc.text(`Page ${i - start + 1} / ${count}`, MARGIN + width / 2, footerY, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = MARGIN;
  }
  doc.end();
  return done;
}

/** The attendance sheet of an event, as a PDF to print. */
export async function attendanceSheet(
  db: Db,
  id: number,
): Promise<RouteOutput<'calendar.attendanceSheet'>> {
  const event = await db
    .selectFrom('events')
    .select(['id', 'type', 'title', 'start', 'end', 'place', 'videoUrl'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!event) throw new DomainError('NOT_FOUND', 'Cet évènement n’existe pas ou a été supprimé.');
  const [lines, settings] = await Promise.all([linesOf(db, id), readSettings(db)]);
  const pdf = await renderSheet(
    {
      department: settings.departmentName,
      type: EVENT_TYPES[event.type as EventType] ?? event.type,
      title: event.title,
      span: formatSpan(event.start, event.end),
      place: event.place ?? (event.videoUrl ? 'en visioconférence' : null),
    },
    lines,
  );
  return {
    fileName: `emargement-${event.start.slice(0, 10)}-${slugOf(event.title)}.pdf`,
    contentBase64: pdf.toString('base64'),
  };
}
