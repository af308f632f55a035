/**
 * Imports: a 5,000-row directory file (read, preview, import, through the real routes and
 * the contained process) into an empty vault, and 500 returned activity templates (previewed
 * in parts as the « Retours » tab sends them, then each confirmed) into a vault of about 500 active Promeneurs whose figures for
 * the last month are not in yet. Each is measured once: an import writes, so it cannot be
 * repeated on the same vault; the spreads of repeated runs are for the reads.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { seedNation, type NationSize } from '../src/main/demo/national';
import { templatesFor } from '../src/main/services/activity/templates';
import { MAX_TEMPLATE_BATCH } from '../src/shared/api/activity';
import { lastEndedPeriod } from '../src/shared/rules/activity';
import { todayInParis } from '../src/shared/rules/dates';
import { Vault } from '../src/main/vault/vault';
import { largeDirectoryCsv } from '../tests/support/messyDirectory';
import { measure, median, takePeak, time, type Measure } from './measure';
import { openVault } from './session';
import { BENCH_PASSPHRASE, type BenchVault } from './vaults';

const TEMPLATES = Number(process.env.BALISE_BENCH_TEMPLATES ?? 500);
/** A region-sized nation: about 560 Promeneurs, one year of history. */
const REGION: NationSize = {
  departments: 8,
  structures: 260,
  promeneurs: 600,
  years: 1,
  events: 300,
  meetings: 10,
  conventionYears: 1,
  committeeMembers: 10,
};

async function emptyVault(dir: string): Promise<BenchVault> {
  const vault = new Vault(dir);
  const { recoveryKey } = await vault.create(BENCH_PASSPHRASE);
  await vault.confirmCreate(recoveryKey);
  await vault.lock();
  return { kind: 'departement', dir, today: todayInParis() };
}

async function benchDirectoryImport(root: string): Promise<Measure[]> {
  const v = await openVault(await emptyVault(join(root, 'import-directory')));
  try {
    const file = {
      fileName: 'annuaire-5000.csv',
      contentBase64: largeDirectoryCsv(5000).toString('base64'),
    };
    takePeak();
    let table!: Awaited<ReturnType<typeof v.call<'directoryImport.read'>>>;
    const read = await time(async () => (table = await v.call('directoryImport.read', file)));
    const sheets = table.sheets.map((s) => ({ sheet: s.name, role: s.role, columns: s.columns }));
    const preview = await time(() => v.call('directoryImport.preview', { ...file, sheets }));
    let created = 0;
    const run = await time(async () => {
      created = (await v.call('directoryImport.run', { ...file, sheets })).created;
    });
    const peakMb = takePeak();
    const note = `read ${read.toFixed(0)} ms, preview ${preview.toFixed(0)} ms, import ${run.toFixed(0)} ms; ${created} records`;
    return [
      measure(
        'import.directory5000',
        'directory import, 5,000 rows: read + preview + import',
        '-',
        [read + preview + run],
        { peakMb, note },
      ),
      measure(
        'import.directory5000.run',
        'directory import, 5,000 rows: the import step alone',
        '-',
        [run],
      ),
    ];
  } finally {
    await v.close();
  }
}

/** Types figures next to their labels, in the unlocked cells, as a Promeneur does. */
async function filledIn(bytes: Uint8Array, n: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Bilan d’activité')!;
  const values: Record<string, number> = {
    'Jeunes contactés en ligne': 20 + (n % 30),
    'Jeunes rencontrés en présentiel après un contact en ligne': 3,
    'Projets engagés à partir de ces contacts': 1,
    'Échanges avec des jeunes (nombre)': 60,
    'Heures de présence en ligne': 12.5,
    'Situations préoccupantes transmises aux services compétents': 0,
    Snapchat: 10,
    Instagram: 6,
    'Psychosocial et mal-être': 4,
  };
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string' && label in values) row.getCell(2).value = values[label]!;
  });
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

async function benchTemplates(root: string): Promise<Measure[]> {
  const dir = join(root, 'import-templates');
  const target = await emptyVault(dir);
  const today = target.today;
  const period = lastEndedPeriod('mensuelle', today);
  {
    const vault = new Vault(dir);
    await vault.unlock(BENCH_PASSPHRASE);
    seedNation(vault.connection, { seed: 5, today, size: REGION });
    // The last month's figures are not in yet: the templates bring them.
    vault.connection.prepare('delete from activity_reports where period_key = ?').run(period.key);
    await vault.lock();
  }
  const v = await openVault(target);
  try {
    let all!: Awaited<ReturnType<typeof templatesFor>>['files'];
    const generated = await time(async () => {
      all = (await templatesFor(v.session.db, period.key, null, today)).files;
    });
    const files = all.slice(0, TEMPLATES);
    const returned = await Promise.all(files.map((f, n) => filledIn(f.bytes, n)));
    const inputs = returned.map((contentBase64, n) => ({
      fileName: files[n]!.fileName,
      contentBase64,
    }));
    takePeak();
    // As the « Retours » tab does: the selection previewed in parts, then each file imported.
    const previews: number[] = [];
    for (let from = 0; from < inputs.length; from += MAX_TEMPLATE_BATCH) {
      const part = inputs.slice(from, from + MAX_TEMPLATE_BATCH);
      let read = 0;
      const ms = await time(async () => {
        const out = await v.call('activity.importPreview', {
          periodKey: period.key,
          files: part,
        });
        read = out.filter((r) => r.ok && r.preview.errors.length === 0).length;
      });
      if (read !== part.length) throw new Error(`${part.length - read} returned files refused`);
      previews.push(...part.map(() => ms / part.length)); // a part's time, shared by its files
    }
    const confirms: number[] = [];
    for (const input of inputs)
      confirms.push(
        await time(() =>
          v.call('activity.importConfirm', { ...input, periodKey: period.key, replace: false }),
        ),
      );
    const peakMb = takePeak();
    const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);
    return [
      measure(
        'import.templates.generate',
        `activity templates: generate ${all.length} (a region)`,
        '-',
        [generated],
      ),
      measure(
        'import.templates',
        `activity templates: preview + import ${files.length} returned files`,
        '-',
        [sum(previews) + sum(confirms)],
        {
          peakMb,
          note: `preview ${sum(previews).toFixed(0)} ms (in parts of ${MAX_TEMPLATE_BATCH}), import ${sum(confirms).toFixed(0)} ms in total`,
        },
      ),
      measure(
        'import.templates.each',
        'activity templates: one file, preview + import',
        '-',
        previews.map((p, i) => p + confirms[i]!),
        {
          note: `per file, medians: preview ${median(previews).toFixed(0)} ms, import ${median(confirms).toFixed(0)} ms`,
        },
      ),
    ];
  } finally {
    await v.close();
  }
}

export async function benchImports(root: string, skipped: string[]): Promise<Measure[]> {
  const out: Measure[] = [];
  out.push(...(await benchDirectoryImport(root)));
  try {
    out.push(...(await benchTemplates(root)));
  } catch (error) {
    skipped.push(`activity templates import (${String(error)})`);
  }
  return out;
}
