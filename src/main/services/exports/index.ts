/**
 * The Excel exports for the CAF and the funders, and the COPIL pack. Each builds its
 * WorkbookSpec from the database in main, then ./generate writes it in the contained process.
 * The decision register is the committees' own file (`registerFile`), not a second one.
 */
import { todayInParis } from '../../../shared/rules/dates';
import type { Db } from '../../db/connection';
import type { HandlersOf, RoutesOf } from '../../ipc/router';
import { registerFile } from '../committees/documentData';
import { annuaireSpec } from './annuaire';
import { attendanceSpec, type AttendanceScope } from './attendance';
import { bilanSpec } from './bilan';
import { conventionsSpec } from './conventions';
import { copilSpec } from './copil';
import { generate, type ExportFile } from './generate';

export type { ExportFile } from './generate';

export async function exportBilan(db: Db, year: number, today = todayInParis()) {
  return generate(await bilanSpec(db, year, today, new Date()), `bilan-annuel-${year}`);
}

export async function exportAnnuaire(db: Db, format: 'xlsx' | 'csv', today = todayInParis()) {
  return generate(await annuaireSpec(db, new Date()), `annuaire-departemental-${today}`, format);
}

export async function exportConventions(db: Db, today = todayInParis()) {
  return generate(await conventionsSpec(db, today, new Date()), `suivi-des-conventions-${today}`);
}

export function exportDecisions(
  db: Db,
  query: { year: number | null; committee: 'copil' | 'cotech' | null },
  today = todayInParis(),
): Promise<ExportFile> {
  return registerFile(db, { search: '', type: null, ...query }, today);
}

export async function exportAttendance(db: Db, scope: AttendanceScope) {
  const { spec, stem } = await attendanceSpec(db, scope, new Date());
  return generate(spec, stem);
}

export async function exportCopil(db: Db, date: string) {
  return generate(await copilSpec(db, date, new Date()), `dossier-copil-${date}`);
}

export const exportsHandlers: HandlersOf<RoutesOf<'exports'>> = {
  'exports.bilan': (input, { session }) => exportBilan(session.db, input.year),
  'exports.annuaire': (input, { session }) => exportAnnuaire(session.db, input.format),
  'exports.conventions': (_input, { session }) => exportConventions(session.db),
  'exports.decisions': (input, { session }) => exportDecisions(session.db, input),
  'exports.attendance': (input, { session }) => exportAttendance(session.db, input),
  'exports.copil': (input, { session }) => exportCopil(session.db, input.date),
};
