/** The export of one person's data, JSON or Excel, built in memory (never written to disk). */
import type { PersonRef } from '../../../shared/api/rights';
import { todayInParis } from '../../../shared/rules/dates';
import { searchKey } from '../../../shared/rules/text';
import type { Db } from '../../db/connection';
import { generate } from '../exports/generate';
import { day, type WorkbookSpec } from '../exports/model';
import { dossierOf, type Dossier } from './dossier';

function fileBase(d: Dossier): string {
  const slug =
    searchKey(d.name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'personne';
  return `donnees-${slug}-${todayInParis()}`;
}

function asJson(d: Dossier): Buffer {
  const content = {
    personne: d.name,
    exportéLe: new Date().toISOString(),
    données: Object.fromEntries(
      d.sections.map((s) => [
        s.title,
        s.rows.map((row) =>
          Object.fromEntries(s.columns.map((c) => [c.label, row[c.key] ?? null])),
        ),
      ]),
    ),
  };
  return Buffer.from(`${JSON.stringify(content, null, 2)}\n`, 'utf8');
}

/** The dossier as a workbook: one sheet per section, dates as dates (written by the exports' writer). */
function workbookSpec(d: Dossier): WorkbookSpec {
  const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  return {
    title: `Données personnelles — ${d.name}`,
    created: new Date(),
    sheets: d.sections.map((section) => ({
      name: section.title,
      columns: section.columns.map((c) => ({
        header: c.label,
        format: c.type === 'date' ? 'date' : c.type === 'number' ? 'decimal' : 'text',
      })),
      rows: section.rows.map((row) =>
        section.columns.map((c) => {
          const v = row[c.key] ?? null;
          return c.type === 'date' && isDay(v) ? day(v) : v;
        }),
      ),
      emptyText: 'Rien d’enregistré.',
    })),
  };
}

export async function exportPerson(
  db: Db,
  person: PersonRef,
  format: 'json' | 'xlsx',
): Promise<{ fileName: string; contentBase64: string }> {
  const dossier = await dossierOf(db, person);
  if (format === 'xlsx') return generate(workbookSpec(dossier), fileBase(dossier));
  return {
    fileName: `${fileBase(dossier)}.json`,
    contentBase64: asJson(dossier).toString('base64'),
  };
}
