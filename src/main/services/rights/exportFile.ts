/** The export of one person's data, JSON or Excel, built in memory (never written to disk). */
import ExcelJS from 'exceljs';
import type { PersonRef } from '../../../shared/api/rights';
import { todayInParis } from '../../../shared/rules/dates';
import { searchKey } from '../../../shared/rules/text';
import type { Db } from '../../db/connection';
import { dossierOf, type Dossier } from './dossier';

/** A text cell a spreadsheet could run as a formula is prefixed with an apostrophe (not +33…). */
export function neutralise(text: string): string {
  if (/^\+\d{8,15}$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

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

async function asWorkbook(d: Dossier): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Balise';
  workbook.created = new Date();
  const used = new Set<string>();
  for (const section of d.sections) {
    // Sheet names: 31 characters at most, none of : \ / ? * [ ].
    let name = section.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
    while (used.has(name)) name = `${name.slice(0, 28)} ${used.size}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = section.columns.map((c) => ({
      header: c.label,
      key: c.key,
      width: Math.max(12, Math.min(50, c.label.length + 4)),
      style: c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of section.rows) {
      const values: Record<string, string | number | Date | null> = {};
      for (const c of section.columns) {
        const v = row[c.key] ?? null;
        if (v === null) values[c.key] = null;
        else if (c.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
          values[c.key] = new Date(`${v}T00:00:00Z`);
        else if (typeof v === 'string') values[c.key] = neutralise(v);
        else values[c.key] = v;
      }
      sheet.addRow(values);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportPerson(
  db: Db,
  person: PersonRef,
  format: 'json' | 'xlsx',
): Promise<{ fileName: string; contentBase64: string }> {
  const dossier = await dossierOf(db, person);
  const bytes = format === 'json' ? asJson(dossier) : await asWorkbook(dossier);
  return { fileName: `${fileBase(dossier)}.${format}`, contentBase64: bytes.toString('base64') };
}
