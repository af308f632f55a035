/**
 * The parts the committee PDFs share: the meeting's heading and the decision and action
 * tables' columns.
 */
import { COMMITTEE_NAMES } from '../../../../shared/domain/committees';
import { ACTION_COLUMNS, DECISION_COLUMNS, meetingWhen, placeLabel } from './labels';
import type { MeetingHeader } from './model';
import { COLORS, documentTitle, FONTS, writeText, type Column, type Pdf } from './pdfLayout';

export const DECISION_TABLE: Column[] = [
  { label: DECISION_COLUMNS[0], weight: 17, font: FONTS.bold },
  { label: DECISION_COLUMNS[1], weight: 15 },
  { label: DECISION_COLUMNS[2], weight: 28 },
  { label: DECISION_COLUMNS[3], weight: 40 },
];

export const ACTION_TABLE: Column[] = [
  { label: ACTION_COLUMNS[0], weight: 22 },
  { label: ACTION_COLUMNS[1], weight: 48 },
  { label: ACTION_COLUMNS[2], weight: 16 },
  { label: ACTION_COLUMNS[3], weight: 14 },
];

/** Department, committee, meeting, date and place: the top of every committee document. */
export function meetingHeading(pdf: Pdf, meeting: MeetingHeader, documentName: string): void {
  const network = meeting.departmentName.trim()
    ? `Promeneurs du Net — ${meeting.departmentName.trim()}`
    : 'Promeneurs du Net';
  writeText(pdf, network, { size: 10, color: COLORS.muted, after: 4 });
  documentTitle(pdf, documentName);
  writeText(pdf, COMMITTEE_NAMES[meeting.committee], { font: FONTS.bold, size: 13, after: 1 });
  writeText(pdf, meeting.title, { font: FONTS.bold, size: 12, after: 3 });
  writeText(pdf, meetingWhen(meeting.start, meeting.end), { size: 11, after: 1 });
  const place = placeLabel(meeting);
  if (place) writeText(pdf, place, { size: 11, after: 1 });
}
