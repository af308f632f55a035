/**
 * The minutes (compte rendu) of a committee meeting as a print-ready A4 PDF: header with the
 * committee, meeting, date and place, status, attendance by group with the quorum, agenda,
 * what was said per item (rich text), the follow-up of the previous actions, decisions and
 * actions, page numbers. Plain data in, bytes out.
 */
import { COMMITTEE_NAMES } from '../../../../shared/domain/committees';
import {
  actionCells,
  agendaLabel,
  attendanceGroups,
  decisionCells,
  footerLabel,
  minutesStatusLine,
  quorumLine,
} from './labels';
import type { ActionLine, MinutesDocument } from './model';
import {
  bulletLines,
  COLORS,
  finishPdf,
  FONTS,
  openPdf,
  sectionTitle,
  subTitle,
  table,
  tableStart,
  writeText,
  type Pdf,
} from './pdfLayout';
import { ACTION_TABLE, DECISION_TABLE, meetingHeading } from './pdfMeeting';
import { writeRichDoc } from './richPdf';

function actionsTable(pdf: Pdf, actions: ActionLine[], none: string): void {
  if (actions.length === 0) writeText(pdf, none, { font: FONTS.italic, color: COLORS.muted });
  else
    table(
      pdf,
      ACTION_TABLE,
      actions.map((a) => actionCells(a)),
    );
}

export async function minutesPdf(doc: MinutesDocument): Promise<Uint8Array> {
  const { meeting } = doc;
  const draft = doc.status === 'brouillon';
  const pdf = openPdf({
    title: `${draft ? 'Projet de compte rendu' : 'Compte rendu'} — ${meeting.title}`,
    subject: COMMITTEE_NAMES[meeting.committee],
  });

  meetingHeading(pdf, meeting, 'Compte rendu');
  pdf.doc.y += 4;
  writeText(pdf, minutesStatusLine(doc), {
    font: FONTS.boldItalic,
    size: 10,
    color: draft ? '#9a4d00' : COLORS.accent,
    after: 4,
  });

  sectionTitle(pdf, 'Participants');
  const quorum = quorumLine(doc.quorum);
  if (quorum) writeText(pdf, quorum, { font: FONTS.bold, after: 4 });
  const groups = attendanceGroups(doc.attendance);
  if (groups.length === 0)
    writeText(pdf, 'Les présences n’ont pas été renseignées.', {
      font: FONTS.italic,
      color: COLORS.muted,
    });
  for (const group of groups) {
    subTitle(pdf, group.title);
    bulletLines(pdf, group.lines, { indent: 6 });
  }

  sectionTitle(pdf, 'Ordre du jour');
  if (doc.agenda.length === 0)
    writeText(pdf, 'Aucun point à l’ordre du jour.', { font: FONTS.italic, color: COLORS.muted });
  for (const item of doc.agenda) writeText(pdf, agendaLabel(item), { indent: 6, after: 3 });

  sectionTitle(pdf, 'Compte rendu des points');
  if (doc.agenda.length === 0)
    writeText(pdf, 'Aucun point à l’ordre du jour.', { font: FONTS.italic, color: COLORS.muted });
  for (const item of doc.agenda) {
    subTitle(
      pdf,
      `${item.position}. ${item.title}`,
      item.followUp
        ? 30 +
            tableStart(
              pdf,
              ACTION_TABLE,
              doc.previousActions.map((a) => actionCells(a)),
            )
        : 50,
    );
    const details: string[] = [];
    if (item.presenter?.trim()) details.push(`Présenté par ${item.presenter.trim()}`);
    if (item.links.length > 0) details.push(`Dossiers concernés : ${item.links.join(' ; ')}`);
    if (details.length > 0)
      writeText(pdf, details.join('\n'), { size: 9, color: COLORS.muted, after: 4 });
    if (item.followUp)
      actionsTable(
        pdf,
        doc.previousActions,
        'Aucune action de la réunion précédente n’était à suivre.',
      );
    if ((item.minutes.content ?? []).length > 0) writeRichDoc(pdf, item.minutes);
    else if (!item.followUp)
      writeText(pdf, 'Pas de compte rendu rédigé pour ce point.', {
        font: FONTS.italic,
        color: COLORS.muted,
      });
    pdf.doc.y += 4;
  }
  // Minutes whose agenda lacks the follow-up item still report on the previous actions.
  if (!doc.agenda.some((i) => i.followUp) && doc.previousActions.length > 0) {
    sectionTitle(
      pdf,
      'Suivi des actions de la réunion précédente',
      tableStart(
        pdf,
        ACTION_TABLE,
        doc.previousActions.map((a) => actionCells(a)),
      ),
    );
    actionsTable(pdf, doc.previousActions, '');
  }

  const decisionRows = doc.decisions.map(decisionCells);
  sectionTitle(pdf, 'Relevé de décisions', tableStart(pdf, DECISION_TABLE, decisionRows));
  if (doc.decisions.length === 0)
    writeText(pdf, 'Aucune décision n’a été prise lors de cette réunion.', {
      font: FONTS.italic,
      color: COLORS.muted,
    });
  else table(pdf, DECISION_TABLE, decisionRows);

  sectionTitle(
    pdf,
    'Actions',
    tableStart(
      pdf,
      ACTION_TABLE,
      doc.actions.map((a) => actionCells(a)),
    ),
  );
  actionsTable(pdf, doc.actions, 'Aucune action n’a été décidée lors de cette réunion.');

  return finishPdf(pdf, footerLabel(meeting));
}
