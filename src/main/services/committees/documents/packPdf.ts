/**
 * The members' preparation pack (dossier de préparation) sent before a committee meeting:
 * the meeting's heading, the agenda with presenters and planned durations, the network's key
 * figures on a day in a grid, the meetings held this year, and the open actions to follow up.
 */
import { formatEuros } from '../../../../shared/rules/conventions';
import { formatDate } from '../../../../shared/rules/dates';
import { actionCells, agendaTotal, durationLabel, footerLabel } from './labels';
import type { AgendaLine, NetworkFigures, PreparationPack } from './model';
import {
  COLORS,
  ensureSpace,
  finishPdf,
  FONTS,
  openPdf,
  sectionTitle,
  table,
  tableStart,
  writeText,
  type Column,
  type Pdf,
} from './pdfLayout';
import { ACTION_TABLE, meetingHeading } from './pdfMeeting';
import { pdfSafe } from './pdfText';

const AGENDA_TABLE: Column[] = [
  { label: 'N°', weight: 7, font: FONTS.bold },
  { label: 'Point', weight: 55 },
  { label: 'Présenté par', weight: 24 },
  { label: 'Durée', weight: 14 },
];

const MEETINGS_TABLE: Column[] = [
  { label: 'Réunion du réseau', weight: 60 },
  { label: 'Tenues', weight: 20 },
  { label: 'Objectif de l’année', weight: 20 },
];

function agendaRows(agenda: AgendaLine[]): string[][] {
  return agenda.map((item) => {
    const point = [item.title, ...item.links];
    return [
      String(item.position),
      point.join('\n'),
      item.presenter?.trim() || '—',
      item.durationMinutes ? durationLabel(item.durationMinutes) : '—',
    ];
  });
}

/** The key figures as cards, three per row. */
function figureGrid(pdf: Pdf, cards: { value: string; label: string }[]): void {
  const { doc } = pdf;
  const gap = 10;
  const perRow = 3;
  const width = (pdf.width - gap * (perRow - 1)) / perRow;
  const height = 60;
  for (let i = 0; i < cards.length; i += perRow) {
    ensureSpace(pdf, height + gap);
    const top = doc.y;
    cards.slice(i, i + perRow).forEach((card, j) => {
      const x = pdf.left + j * (width + gap);
      doc.roundedRect(x, top, width, height, 4).fill(COLORS.headerFill);
      doc
        .font(FONTS.bold)
        .fontSize(17)
        .fillColor(COLORS.accent)
        .text(pdfSafe(card.value), x + 10, top + 10, {
          width: width - 20,
          height: 22,
          lineBreak: false,
          ellipsis: true,
        });
      doc
        .font(FONTS.regular)
        .fontSize(9)
        .fillColor(COLORS.text)
        .text(pdfSafe(card.label), x + 10, top + 34, { width: width - 20, height: 24 });
    });
    doc.x = pdf.left;
    doc.y = top + height + gap;
  }
}

function figureCards(f: NetworkFigures): { value: string; label: string }[] {
  return [
    { value: String(f.activePromeneurs), label: 'Promeneurs du Net actifs' },
    { value: String(f.activeStructures), label: 'Structures actives dans le réseau' },
    { value: String(f.conventionsInForce), label: 'Conventions en vigueur' },
    { value: formatEuros(f.committedCents), label: `Subventions engagées en ${f.year}` },
    { value: formatEuros(f.paidCents), label: `Subventions versées en ${f.year}` },
    {
      value: String(f.overdueItems),
      label: 'Éléments en retard dans la liste «\u00a0À faire\u00a0»',
    },
  ];
}

export async function preparationPackPdf(pack: PreparationPack): Promise<Uint8Array> {
  const { meeting, figures } = pack;
  const pdf = openPdf({
    title: `Dossier de préparation — ${meeting.title}`,
    subject: 'Dossier remis aux membres avant la réunion',
  });
  meetingHeading(pdf, meeting, 'Dossier de préparation');

  const agenda = agendaRows(pack.agenda);
  sectionTitle(pdf, 'Ordre du jour', tableStart(pdf, AGENDA_TABLE, agenda));
  if (pack.agenda.length === 0)
    writeText(pdf, 'L’ordre du jour n’a pas encore été établi.', {
      font: FONTS.italic,
      color: COLORS.muted,
    });
  else {
    table(pdf, AGENDA_TABLE, agenda);
    const total = agendaTotal(pack.agenda);
    writeText(
      pdf,
      `Durée totale prévue : ${durationLabel(total.minutes)}` +
        (total.incomplete ? ' (hors points sans durée indiquée)' : ''),
      { font: FONTS.bold, after: 4 },
    );
  }

  sectionTitle(pdf, `Le réseau en chiffres au ${formatDate(figures.asOf)}`, 140);
  figureGrid(pdf, figureCards(figures));
  const meetings = figures.meetingsHeld.map((m) => [m.label, String(m.count), String(m.target)]);
  writeText(pdf, `Réunions du réseau en ${figures.year}`, {
    font: FONTS.bold,
    size: 11,
    after: 4,
  });
  table(pdf, MEETINGS_TABLE, meetings);

  const actions = pack.openActions.map((a) => actionCells(a, figures.asOf));
  sectionTitle(pdf, 'Actions en cours à suivre', tableStart(pdf, ACTION_TABLE, actions));
  if (actions.length === 0)
    writeText(pdf, 'Aucune action en cours.', { font: FONTS.italic, color: COLORS.muted });
  else table(pdf, ACTION_TABLE, actions);

  return finishPdf(pdf, `Dossier de préparation — ${footerLabel(meeting)}`);
}
