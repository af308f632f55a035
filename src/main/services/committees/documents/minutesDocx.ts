/**
 * The minutes of a committee meeting as an editable Word file (.docx): the same content as
 * the PDF (header, status, attendance by group with the quorum, agenda, minutes per item,
 * follow-up of the previous actions, decisions, actions) with Word's heading styles, real
 * lists and tables, in French, so the secretary can rework it before circulating it.
 */
import { Document, HeadingLevel, Packer, Paragraph, type Table } from 'docx';
import { COMMITTEE_NAMES } from '../../../../shared/domain/committees';
import { docxSection, docxTable, DOCX_STYLES, plain } from './docxLayout';
import {
  ACTION_COLUMNS,
  actionCells,
  agendaLabel,
  attendanceGroups,
  DECISION_COLUMNS,
  decisionCells,
  footerLabel,
  meetingWhen,
  minutesStatusLine,
  placeLabel,
  quorumLine,
} from './labels';
import type { ActionLine, MinutesDocument } from './model';
import { DocxLists, richParagraphs } from './richDocx';

const DECISION_WEIGHTS = [17, 15, 28, 40];
const ACTION_WEIGHTS = [22, 48, 16, 14];

const heading1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, text });
const heading2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, text });
const none = (text: string) => plain(text, { italics: true, muted: true });

function actionsTable(actions: ActionLine[]): Table {
  return docxTable(
    ACTION_COLUMNS,
    actions.map((a) => actionCells(a)),
    ACTION_WEIGHTS,
  );
}

export async function minutesDocx(doc: MinutesDocument): Promise<Uint8Array> {
  const { meeting } = doc;
  const lists = new DocxLists();
  const body: (Paragraph | Table)[] = [];
  const bulleted = (lines: string[]) => {
    const instance = lists.newInstance();
    for (const line of lines)
      body.push(
        new Paragraph({
          text: line,
          numbering: { reference: 'balise-bullets', level: 0, instance },
        }),
      );
  };

  const network = meeting.departmentName.trim()
    ? `Promeneurs du Net — ${meeting.departmentName.trim()}`
    : 'Promeneurs du Net';
  body.push(plain(network, { muted: true }));
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, text: 'Compte rendu' }));
  body.push(plain(COMMITTEE_NAMES[meeting.committee], { bold: true, size: 26 }));
  body.push(plain(meeting.title, { bold: true, size: 24 }));
  body.push(plain(meetingWhen(meeting.start, meeting.end), { size: 22 }));
  const place = placeLabel(meeting);
  if (place) body.push(plain(place, { size: 22 }));
  body.push(
    plain(minutesStatusLine(doc), {
      bold: true,
      italics: true,
      color: doc.status === 'brouillon' ? '9A4D00' : '1F4E79',
    }),
  );

  body.push(heading1('Participants'));
  const quorum = quorumLine(doc.quorum);
  if (quorum) body.push(plain(quorum, { bold: true }));
  const groups = attendanceGroups(doc.attendance);
  if (groups.length === 0) body.push(none('Les présences n’ont pas été renseignées.'));
  for (const group of groups) {
    body.push(plain(group.title, { bold: true }));
    bulleted(group.lines);
  }

  body.push(heading1('Ordre du jour'));
  if (doc.agenda.length === 0) body.push(none('Aucun point à l’ordre du jour.'));
  else {
    const reference = lists.numberReference(doc.agenda[0]!.position);
    const instance = lists.newInstance();
    for (const item of doc.agenda)
      body.push(
        new Paragraph({
          text: agendaLabel(item, false),
          numbering: { reference, level: 0, instance },
        }),
      );
  }

  body.push(heading1('Compte rendu des points'));
  if (doc.agenda.length === 0) body.push(none('Aucun point à l’ordre du jour.'));
  for (const item of doc.agenda) {
    body.push(heading2(`${item.position}. ${item.title}`));
    const details: string[] = [];
    if (item.presenter?.trim()) details.push(`Présenté par ${item.presenter.trim()}`);
    if (item.links.length > 0) details.push(`Dossiers concernés : ${item.links.join(' ; ')}`);
    if (details.length > 0) body.push(plain(details.join('\n'), { muted: true, size: 18 }));
    if (item.followUp) {
      if (doc.previousActions.length === 0)
        body.push(none('Aucune action de la réunion précédente n’était à suivre.'));
      else body.push(actionsTable(doc.previousActions), new Paragraph({}));
    }
    if ((item.minutes.content ?? []).length > 0) body.push(...richParagraphs(item.minutes, lists));
    else if (!item.followUp) body.push(none('Pas de compte rendu rédigé pour ce point.'));
  }
  // Minutes whose agenda lacks the follow-up item still report on the previous actions.
  if (!doc.agenda.some((i) => i.followUp) && doc.previousActions.length > 0)
    body.push(
      heading1('Suivi des actions de la réunion précédente'),
      actionsTable(doc.previousActions),
    );

  body.push(heading1('Relevé de décisions'));
  if (doc.decisions.length === 0)
    body.push(none('Aucune décision n’a été prise lors de cette réunion.'));
  else
    body.push(
      docxTable(DECISION_COLUMNS, doc.decisions.map(decisionCells), DECISION_WEIGHTS, true),
    );

  body.push(heading1('Actions'));
  if (doc.actions.length === 0)
    body.push(none('Aucune action n’a été décidée lors de cette réunion.'));
  else body.push(actionsTable(doc.actions));

  const file = new Document({
    title: `Compte rendu — ${meeting.title}`,
    subject: COMMITTEE_NAMES[meeting.committee],
    description: `${footerLabel(meeting)} — ${minutesStatusLine(doc)}`,
    creator: 'Balise',
    lastModifiedBy: 'Balise',
    styles: DOCX_STYLES,
    numbering: lists.options(),
    sections: [docxSection(footerLabel(meeting), body)],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
