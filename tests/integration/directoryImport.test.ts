/**
 * Directory import through the real router on a real encrypted vault, with messy files made
 * in memory (tests/support/messyDirectory.ts): each quirk read, the plan's reasons, updates
 * that never blank a field, all or nothing, idempotence, the mapping remembered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInput } from '../../src/shared/api/contract';
import type { ImportPlan, ImportedTable } from '../../src/shared/api/directoryImport';
import {
  COMBINED_EXPECTED,
  COMMA_EXPECTED,
  combinedWorkbook,
  commaCsv,
  largeDirectoryCsv,
  SEMICOLON_EXPECTED,
  semicolonCsv,
  SIRET,
  twoSheetWorkbook,
} from '../support/messyDirectory';
import { createTestVault, type TestVault } from '../support/vault';

const fileOf = (fileName: string, bytes: Buffer) => ({
  fileName,
  contentBase64: bytes.toString('base64'),
});
type File = ReturnType<typeof fileOf>;

/** The mapping the read step proposes (or remembers), as the renderer sends it back. */
const chosen = (table: ImportedTable) =>
  table.sheets.map((s) => ({ sheet: s.name, role: s.role, columns: s.columns }));

async function read(vault: TestVault, file: File) {
  return vault.value('directoryImport.read', file);
}
async function preview(
  vault: TestVault,
  file: File,
  extra: Partial<RouteInput<'directoryImport.preview'>> = {},
) {
  const table = await read(vault, file);
  return vault.value('directoryImport.preview', { ...file, sheets: chosen(table), ...extra });
}
async function run(
  vault: TestVault,
  file: File,
  extra: Partial<RouteInput<'directoryImport.run'>> = {},
) {
  const table = await read(vault, file);
  return vault.value('directoryImport.run', { ...file, sheets: chosen(table), ...extra });
}

const reasonsAt = (plan: ImportPlan, line: number, entity: 'structure' | 'promeneur') =>
  plan.items.find((i) => i.line === line && i.entity === entity)?.reasons ?? [];

function rowCounts(vault: TestVault): Record<string, number> {
  const conn = vault.session.vault.connection;
  const tables = (
    conn
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all() as { name: string }[]
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (conn.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n,
    ]),
  );
}

const rows = (vault: TestVault, sql: string, ...params: unknown[]) =>
  vault.session.vault.connection.prepare(sql).all(...params) as Record<string, unknown>[];

describe('directory import of messy files, one after the other', () => {
  let vault: TestVault;
  let combined: File;
  beforeAll(async () => {
    vault = await createTestVault();
    combined = fileOf('Annuaire PdN 2026.xlsx', await combinedWorkbook());
  });
  afterAll(() => vault.cleanup());

  it('reads a workbook with a title row, finds the headings and proposes each column', async () => {
    const table = await read(vault, combined);
    expect(table.format).toBe('xlsx');
    const [sheet] = table.sheets;
    expect(sheet!.headerLine).toBe(3);
    expect(sheet!.rowCount).toBe(7);
    expect(sheet!.blankRows).toBe(2);
    expect(sheet!.role).toBe('both');
    expect(sheet!.remembered).toBe(false);
    const byField = Object.fromEntries(
      sheet!.columns.map((c) => [c.field, sheet!.headers[c.column]]),
    );
    expect(byField).toMatchObject({
      'structure.name': 'STRUCTURE PORTEUSE',
      'structure.commune': 'Commune',
      'structure.territory': 'EPCI',
      'structure.siret': 'N° SIRET',
      'promeneur.firstName': 'Prénom',
      'promeneur.lastName': 'NOM',
      'promeneur.email': 'E-mail pro',
      'promeneur.phone': 'Tél.',
      'promeneur.startDate': 'Date d’entrée',
      'promeneur.job': 'Fonction',
    });
    // Excel dates shown as people read them.
    expect(sheet!.samples[0]![8]).toBe('02/09/2024');
  });

  it('previews what each row will do, and why, writing nothing', async () => {
    const before = rowCounts(vault);
    const plan = await preview(vault, combined);
    expect({ structures: plan.structures, promeneurs: plan.promeneurs }).toEqual(COMBINED_EXPECTED);
    expect(reasonsAt(plan, 8, 'promeneur')).toEqual(['Doublon de la ligne 7']);
    expect(reasonsAt(plan, 9, 'structure')[0]).toMatch(/^SIRET invalide \(clé de contrôle/);
    expect(reasonsAt(plan, 9, 'promeneur')).toEqual([
      'Sa structure n’est pas importée (voir la ligne 9)',
    ]);
    expect(reasonsAt(plan, 10, 'promeneur')[0]).toMatch(/^E-mail professionnel invalide/);
    expect(rowCounts(vault)).toEqual(before);
  });

  it('imports it through the services: values normalised, status history and audit log', async () => {
    const summary = await run(vault, combined);
    expect(summary).toMatchObject({ created: 7, updated: 0, skipped: 4 });
    const people = rows(
      vault,
      `select first_name, last_name, email, phone, start_date, job, status from promeneurs order by id`,
    );
    expect(people).toEqual([
      {
        first_name: 'Inès',
        last_name: 'Garnier',
        email: 'ines.garnier@tilleuls.fr',
        phone: '+33612345678',
        start_date: '2024-09-02',
        job: 'animateur',
        status: 'actif',
      },
      // A phone cell that lost its 0, a bare Excel serial.
      {
        first_name: 'Karim',
        last_name: 'Benali',
        email: 'k.benali@tilleuls.fr',
        phone: '+33612345679',
        start_date: '2023-03-15',
        job: 'educateur',
        status: 'actif',
      },
      {
        first_name: 'Léa',
        last_name: 'Martin',
        email: 'lea.martin@mjc-vexin.fr',
        phone: '+33612345680',
        start_date: '2025-01-15',
        job: 'mediateur_numerique',
        status: 'actif',
      },
      // d/m/yy, no e-mail.
      {
        first_name: 'Tom',
        last_name: 'Leroy',
        email: null,
        phone: '+33612345682',
        start_date: '2025-02-03',
        job: 'animateur',
        status: 'actif',
      },
    ]);
    expect(
      rows(
        vault,
        `select name, commune, territory, siret, type, network_status from structures order by id`,
      ),
    ).toEqual([
      {
        name: 'Centre social Les Tilleuls',
        commune: 'Évreux',
        territory: 'Évreux Portes de Normandie',
        siret: SIRET.tilleuls,
        type: 'autre',
        network_status: 'dans_le_reseau',
      },
      {
        name: 'MJC du Vexin',
        commune: 'Gisors',
        territory: 'CC du Vexin normand',
        siret: SIRET.vexin,
        type: 'autre',
        network_status: 'dans_le_reseau',
      },
      {
        name: 'Accueil jeunes de Louviers',
        commune: 'Louviers',
        territory: 'Agglo Seine-Eure',
        siret: null,
        type: 'autre',
        network_status: 'dans_le_reseau',
      },
    ]);
    expect(
      rows(
        vault,
        `select entity, count(*) as n from status_history group by entity order by entity`,
      ),
    ).toEqual([
      { entity: 'promeneur', n: 4 },
      { entity: 'structure', n: 3 },
    ]);
    expect(
      rows(
        vault,
        `select entity, action, count(*) as n from audit_log group by entity, action order by entity`,
      ),
    ).toEqual([
      { entity: 'promeneur', action: 'create', n: 4 },
      { entity: 'structure', action: 'create', n: 3 },
    ]);
  });

  it('is idempotent: the same file again creates nothing and updates nothing', async () => {
    const before = rowCounts(vault);
    const plan = await preview(vault, combined);
    expect(plan.structures).toMatchObject({ create: 0, update: 0 });
    expect(plan.promeneurs).toMatchObject({ create: 0, update: 0 });
    expect(reasonsAt(plan, 4, 'promeneur')).toEqual(['Déjà à jour']);
    const summary = await run(vault, combined);
    expect(summary).toMatchObject({ created: 0, updated: 0 });
    expect(rowCounts(vault)).toEqual(before);
  });

  it('remembers the mapping chosen for a file with the same headings', async () => {
    const table = await read(vault, combined);
    expect(table.sheets[0]!.remembered).toBe(true);
    // The coordinator leaves « Fonction » out and imports: the next read remembers that.
    const sheets = chosen(table).map((s) => ({
      ...s,
      columns: s.columns.filter((c) => c.field !== 'promeneur.job'),
    }));
    await vault.value('directoryImport.run', { ...combined, sheets });
    const again = await read(vault, combined);
    expect(again.sheets[0]!.remembered).toBe(true);
    expect(again.sheets[0]!.columns.map((c) => c.field)).not.toContain('promeneur.job');
    expect(again.sheets[0]!.columns).toHaveLength(9);
  });

  it('reads a « ; » CSV in Windows-1252: text dates, every phone format, unknown structure', async () => {
    const file = fileOf('pdn.csv', semicolonCsv());
    const table = await read(vault, file);
    expect(table).toMatchObject({ format: 'csv', encoding: 'Windows-1252', separator: ';' });
    expect(table.sheets[0]).toMatchObject({ headerLine: 2, role: 'promeneurs', blankRows: 1 });
    const plan = await preview(vault, file);
    expect({ structures: plan.structures, promeneurs: plan.promeneurs }).toEqual(
      SEMICOLON_EXPECTED,
    );
    expect(reasonsAt(plan, 3, 'promeneur')).toEqual(['Déjà à jour']);
    expect(reasonsAt(plan, 6, 'promeneur')).toEqual([
      'Structure « Foyer des Acacias » inconnue : elle n’est ni dans Balise ni dans le fichier',
    ]);
    expect(reasonsAt(plan, 9, 'promeneur')).toEqual(['Doublon de la ligne 4']);
    const karim = plan.items.find((i) => i.line === 8)!;
    expect(karim).toMatchObject({
      action: 'update',
      changes: [
        { field: 'Téléphone professionnel', before: '06 12 34 56 79', after: '07 98 76 54 32' },
      ],
    });
    await run(vault, file);
    expect(
      rows(
        vault,
        `select first_name, last_name, phone, start_date, status from promeneurs where id > 4 order by id`,
      ),
    ).toEqual([
      {
        first_name: 'Hélène',
        last_name: 'Lefèvre-Cœur',
        phone: '+33612345683',
        start_date: '2025-03-01',
        status: 'en_preparation',
      },
      {
        first_name: 'Noé',
        last_name: 'François',
        phone: '+33612345684',
        start_date: '2024-09-05',
        status: 'actif',
      },
    ]);
    expect(rows(vault, `select phone from promeneurs where last_name = 'Benali'`)).toEqual([
      { phone: '+33798765432' },
    ]);
  });

  it('reads a « , » CSV in UTF-8 with a BOM, quoted fields holding separators and line breaks', async () => {
    const file = fileOf('structures.csv', commaCsv());
    const table = await read(vault, file);
    expect(table).toMatchObject({ format: 'csv', encoding: 'UTF-8', separator: ',' });
    expect(table.sheets[0]!.headers[0]).toBe('Nom de la structure'); // no BOM left in it
    const plan = await preview(vault, file);
    expect({ structures: plan.structures, promeneurs: plan.promeneurs }).toEqual(COMMA_EXPECTED);
    expect(reasonsAt(plan, 5, 'structure')).toEqual(['Doublon de la ligne 3']);
    const tilleuls = plan.items.find((i) => i.line === 2)!;
    expect(tilleuls.changes).toContainEqual({
      field: 'Adresse',
      before: '—',
      after: '12, rue des Lilas, Bâtiment B',
    });
    await run(vault, file);
    expect(
      rows(
        vault,
        `select name, address, postal_code, email, qpv, website, type from structures where commune in ('Évreux', 'Bernay') order by id`,
      ),
    ).toEqual([
      {
        name: 'Centre social Les Tilleuls',
        address: '12, rue des Lilas, Bâtiment B',
        postal_code: '27000',
        email: 'contact@tilleuls.fr',
        qpv: 1,
        website: 'https://www.tilleuls.fr/',
        type: 'centre_social',
      },
      {
        name: 'Point information jeunesse, Bernay',
        address: '3 place de la Gare "côté parc"',
        postal_code: '27300',
        email: 'pij@bernay.fr',
        qpv: 0,
        website: null,
        type: 'pij',
      },
    ]);
  });

  it('never blanks a field the file leaves empty', async () => {
    const csv =
      'Nom de la structure;Commune;Mail structure;Adresse;Site internet\r\nCentre social Les Tilleuls;Évreux;;;\r\n';
    const file = fileOf('vide.csv', Buffer.from(csv));
    const plan = await preview(vault, file);
    expect(plan.items).toMatchObject([{ action: 'skip', reasons: ['Déjà à jour'] }]);
    await run(vault, file);
    expect(rows(vault, `select email, address, website from structures where id = 1`)).toEqual([
      {
        email: 'contact@tilleuls.fr',
        address: '12, rue des Lilas, Bâtiment B',
        website: 'https://www.tilleuls.fr/',
      },
    ]);
  });

  it('imports structures and Promeneurs from two sheets of one workbook', async () => {
    const file = fileOf('deux feuilles.xlsx', await twoSheetWorkbook());
    const table = await read(vault, file);
    expect(table.sheets.map((s) => [s.name, s.role])).toEqual([
      ['Structures', 'structures'],
      ['Promeneurs', 'promeneurs'],
    ]);
    const summary = await run(vault, file);
    expect(summary.structures).toEqual({ create: 2, update: 0, skip: 0 });
    expect(summary.promeneurs).toEqual({ create: 2, update: 0, skip: 0 });
    expect(
      rows(
        vault,
        `select p.first_name, p.job, s.name, s.type, s.legal_form from promeneurs p join structures s on s.id = p.structure_id where s.name in ('Mission locale du Roumois', 'Espace jeunes de Pacy') order by p.id`,
      ),
    ).toEqual([
      {
        first_name: 'Anaïs',
        job: 'conseiller_insertion',
        name: 'Mission locale du Roumois',
        type: 'mission_locale',
        legal_form: 'association',
      },
      {
        first_name: 'Yanis',
        job: 'animateur',
        name: 'Espace jeunes de Pacy',
        type: 'accueil_jeunes',
        legal_form: 'collectivite',
      },
    ]);
  });

  it('refuses a mapping naming a sheet or a column that is not in the file', async () => {
    const table = await read(vault, combined);
    const wrongSheet = await vault.call('directoryImport.preview', {
      ...combined,
      sheets: [{ sheet: 'Feuil9', role: 'both', columns: [] }],
    });
    expect(wrongSheet.ok).toBe(false);
    if (!wrongSheet.ok) expect(wrongSheet.error.message).toMatch(/n’est pas dans ce fichier/);
    const wrongColumn = await vault.call('directoryImport.run', {
      ...combined,
      sheets: [{ ...chosen(table)[0]!, columns: [{ field: 'structure.name', column: 40 }] }],
    });
    expect(wrongColumn.ok).toBe(false);
  });
});

describe('all or nothing', () => {
  let vault: TestVault;
  beforeAll(async () => {
    vault = await createTestVault();
  });
  afterAll(() => vault.cleanup());

  it('a row failing at write time undoes the whole import and says which row', async () => {
    // A write the plan cannot foresee: the database itself refuses the last Promeneur.
    vault.session.vault.connection.exec(
      `create trigger refuse_leroy before insert on promeneurs when new.last_name = 'Leroy' begin select raise(abort, 'refused by test'); end`,
    );
    const file = fileOf('annuaire.xlsx', await combinedWorkbook());
    const table = await read(vault, file);
    const before = rowCounts(vault);
    const result = await vault.call('directoryImport.run', { ...file, sheets: chosen(table) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/ligne 12 de la feuille « Annuaire 2026 »/);
      expect(result.error.message).toMatch(/Rien n’a été importé/);
    }
    expect(rowCounts(vault)).toEqual(before);
    expect(before.structures).toBe(0);
    vault.session.vault.connection.exec('drop trigger refuse_leroy');
    expect((await read(vault, file)).sheets[0]!.remembered).toBe(false);
  });

  it('gives new records the defaults chosen for what the file does not say', async () => {
    const file = fileOf('annuaire.xlsx', await combinedWorkbook());
    await run(vault, file, {
      defaults: {
        networkStatus: 'interessee',
        legalForm: 'collectivite',
        structureType: 'mjc',
        job: 'educateur',
        promeneurStatus: 'en_preparation',
      },
    });
    expect(rows(vault, `select distinct network_status, legal_form, type from structures`)).toEqual(
      [{ network_status: 'interessee', legal_form: 'collectivite', type: 'mjc' }],
    );
    // The file's « Fonction » wins over the default job; the status comes from the defaults.
    expect(rows(vault, `select distinct status from promeneurs`)).toEqual([
      { status: 'en_preparation' },
    ]);
    expect(rows(vault, `select job from promeneurs where last_name = 'Garnier'`)).toEqual([
      { job: 'animateur' },
    ]);
  });
});

describe('a large directory (5 000 rows)', () => {
  let vault: TestVault;
  beforeAll(async () => {
    vault = await createTestVault();
  });
  afterAll(() => vault.cleanup());

  it(
    'is previewed and imported in one go (times logged, not asserted)',
    { timeout: 600_000 },
    async () => {
      const file = fileOf('grand annuaire.csv', largeDirectoryCsv(5000));
      let started = performance.now();
      const table = await read(vault, file);
      const readMs = performance.now() - started;
      started = performance.now();
      const plan = await vault.value('directoryImport.preview', { ...file, sheets: chosen(table) });
      const previewMs = performance.now() - started;
      expect(plan.structures.create).toBe(500);
      expect(plan.promeneurs.create).toBe(5000);
      started = performance.now();
      const summary = await vault.value('directoryImport.run', { ...file, sheets: chosen(table) });
      const runMs = performance.now() - started;
      expect(summary.created).toBe(5500);
      started = performance.now();
      const again = await vault.value('directoryImport.preview', {
        ...file,
        sheets: chosen(table),
      });
      const againMs = performance.now() - started;
      expect(again.promeneurs.create + again.promeneurs.update).toBe(0);
      console.log(
        `5 000 rows (${Math.round((file.contentBase64.length * 0.75) / 1024)} KiB): read ${Math.round(readMs)} ms, preview ${Math.round(previewMs)} ms, import ${Math.round(runMs)} ms, preview again ${Math.round(againMs)} ms`,
      );
    },
  );
});
