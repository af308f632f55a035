/**
 * `import directory` on the command line, with the messy files of the directory import
 * (tests/support/messyDirectory.ts): the plan printed in French with each skipped row's
 * reason, --dry-run writing nothing, the import itself, the mapping remembered for the next
 * file, --sheet, and refusals with their exit codes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/main/cli/run';
import { Vault } from '../../src/main/vault/vault';
import { combinedWorkbook, semicolonCsv, twoSheetWorkbook } from '../support/messyDirectory';
import { TEST_PASSPHRASE, TEST_KDF } from '../support/vault';

let root: string;
let dir: string;
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'balise-import-cli-'));
  dir = join(root, 'coffre');
  expect((await cli(['init', '--vault', dir])).code).toBe(0);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await run(
    argv,
    {
      stdin: Readable.from([]),
      stdout: sink((s) => (stdout += s)),
      stderr: sink((s) => (stderr += s)),
      env: { BALISE_PASSPHRASE: TEST_PASSPHRASE },
    },
    { kdf: TEST_KDF },
  );
  return { code, out: stdout, err: stderr };
}

function file(name: string, bytes: Buffer): string {
  const path = join(root, name);
  writeFileSync(path, bytes);
  return path;
}

const importing = (path: string, ...extra: string[]) =>
  cli(['import', 'directory', path, '--vault', dir, ...extra]);

/** Every row of every table of the vault, to see that nothing at all was written. */
async function contents(): Promise<Record<string, unknown[]>> {
  const vault = new Vault(dir, { kdf: TEST_KDF });
  await vault.unlock(TEST_PASSPHRASE);
  try {
    const conn = vault.connection;
    const tables = conn
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, conn.prepare(`select * from "${name}"`).all()]),
    );
  } finally {
    await vault.lock();
  }
}

describe('import directory', () => {
  it('prints the plan with the reason of every skipped row, and --dry-run writes nothing', async () => {
    const path = file('Annuaire PdN 2026.xlsx', await combinedWorkbook());
    const before = await contents();
    const started = performance.now();
    const result = await importing(path, '--dry-run');
    console.log(`import directory --dry-run: ${Math.round(performance.now() - started)} ms`);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const out = result.out;
    expect(out).toContain('Fichier « Annuaire PdN 2026.xlsx » : classeur Excel (.xlsx).');
    expect(out).toContain('Feuille « Annuaire 2026 » : 7 lignes, titres en ligne 3.');
    expect(out).toContain('Contenu : Des Promeneurs du Net, chacun avec sa structure.');
    expect(out).toContain('correspondance proposée d’après leurs titres');
    expect(out).toContain('    STRUCTURE PORTEUSE → Nom de la structure');
    expect(out).toContain('    Tél. → Téléphone professionnel');
    expect(out).toContain('Structures : 3 à créer, 0 à mettre à jour, 1 ignorée.');
    expect(out).toContain('Promeneurs du Net : 4 à créer, 0 à mettre à jour, 3 ignorés.');
    expect(out).toContain('  ligne 4, Structure Centre social Les Tilleuls (Évreux)');
    expect(out).toContain('  ligne 8, Promeneur Léa Martin — MJC du Vexin : Doublon de la ligne 7');
    expect(out).toMatch(/ligne 9, Structure Maison des ados \(Vernon\) : SIRET invalide/);
    expect(out).toMatch(/ligne 10, Promeneur Zoé Petit .*: E-mail professionnel invalide/);
    expect(out).toContain('Essai (--dry-run) : rien n’a été enregistré.');
    expect(out).not.toContain('Import terminé');
    // Not a record, not an audit line, not even the remembered mapping.
    expect(await contents()).toEqual(before);
  });

  it('imports, remembers the mapping, then updates from a second file', async () => {
    const workbook = file('annuaire.xlsx', await combinedWorkbook());
    const done = await importing(workbook);
    expect(done.code).toBe(0);
    expect(done.out).toContain(
      'Import terminé : 3 structures créées, 0 mise à jour ; 4 Promeneurs créés, 0 mis à jour ; 4 lignes ignorées.',
    );
    const after = await contents();
    expect(after.structures).toHaveLength(3);
    expect(after.promeneurs).toHaveLength(4);
    expect(after.import_mappings).toHaveLength(1);

    // The same file again: the mapping is the one remembered, and nothing is left to do.
    const again = await importing(workbook);
    expect(again.code).toBe(0);
    expect(again.out).toContain('correspondance mémorisée lors d’un import précédent');
    expect(again.out).toContain('Rien à importer : chaque ligne est ignorée ou déjà à jour.');

    const csv = await importing(file('promeneurs.csv', semicolonCsv()));
    expect(csv.code).toBe(0);
    expect(csv.out).toContain(
      'Fichier « promeneurs.csv » : fichier CSV, encodage Windows-1252, séparateur « ; ».',
    );
    expect(csv.out).not.toContain('Structures :');
    expect(csv.out).toContain('Promeneurs du Net : 2 à créer, 1 à mettre à jour, 3 ignorés.');
    expect(csv.out).toContain(
      '  ligne 8, Promeneur Karim Benali — Centre social Les Tilleuls : Téléphone professionnel 06 12 34 56 79 → 07 98 76 54 32',
    );
    expect(csv.out).toContain(
      'ligne 6, Promeneur Jules Moreau — Foyer des Acacias : Structure « Foyer des Acacias » inconnue',
    );
    expect(csv.out).toContain('2 Promeneurs créés, 1 mis à jour');
    expect((await contents()).promeneurs).toHaveLength(6);
  });

  it('imports one sheet of a workbook with --sheet', async () => {
    const path = file('deux feuilles.xlsx', await twoSheetWorkbook());
    const result = await importing(path, '--sheet', 'Structures');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Feuille « Promeneurs » : 2 lignes, titres en ligne 1.');
    expect(result.out).toContain('Contenu : Rien à importer (feuille ignorée).');
    expect(result.out).toContain('2 structures créées');
    const after = await contents();
    expect(after.structures).toHaveLength(2);
    expect(after.promeneurs).toHaveLength(0);
  });

  it('refuses malformed command lines and unreadable files, changing nothing', async () => {
    const before = await contents();
    const workbook = file('annuaire.xlsx', await combinedWorkbook());
    for (const [argv, code, message] of [
      [['import', 'directory', '--vault', dir], 2, /attend le chemin du fichier à importer/],
      [['import', 'directory', workbook, workbook, '--vault', dir], 2, /n’attend qu’un argument/],
      [['import', 'annuaire', workbook, '--vault', dir], 2, /attend une action parmi : directory/],
      [['import', 'directory', workbook], 2, /--vault DOSSIER est obligatoire/],
      [['import', 'directory', join(root, 'absent.xlsx'), '--vault', dir], 1, /n’existe pas/],
      [
        ['import', 'directory', workbook, '--vault', dir, '--sheet', 'Feuil9'],
        1,
        /Aucune feuille « Feuil9 » dans ce fichier\. Ses feuilles : « Annuaire 2026 »/,
      ],
      [
        ['import', 'directory', file('scan.pdf', Buffer.from('%PDF-1.7\n')), '--vault', dir],
        1,
        /est un document PDF, pas un tableau/,
      ],
      [['import', 'directory', file('vide.csv', Buffer.alloc(0)), '--vault', dir], 1, /est vide/],
    ] as const) {
      const result = await cli([...argv]);
      expect(result.code, argv.join(' ')).toBe(code);
      expect(result.err, argv.join(' ')).toMatch(message);
      expect(result.out, argv.join(' ')).not.toContain('Import terminé');
    }
    expect(await contents()).toEqual(before);
  });

  it('is listed in the help, with an example', async () => {
    const help = await cli(['--help']);
    expect(help.out).toMatch(/import directory FICHIER --vault DOSSIER \[--dry-run\]/);
    expect(help.out).toContain(
      'import directory ~/annuaire-pdn.xlsx --vault ~/Balise/coffre --dry-run',
    );
    const own = await cli(['import', '--help']);
    expect(own.code).toBe(0);
    expect(own.out).toContain('--dry-run : affiche seulement ce qui serait fait');
  });
});
