/**
 * `activity template` on the command line: one workbook per Promeneur active during the
 * period, written for the user only, the recipients printed; refusals with exit codes.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/main/cli/run';
import { createPromeneur } from '../../src/main/services/promeneurs';
import { createStructure } from '../../src/main/services/structures';
import { Vault } from '../../src/main/vault/vault';
import { promeneurFields } from '../../src/shared/api/promeneurs';
import { structureFields } from '../../src/shared/api/structures';
import { lastEndedPeriod } from '../../src/shared/rules/activity';
import { todayInParis } from '../../src/shared/rules/dates';
import { TEST_PASSPHRASE, TEST_KDF } from '../support/vault';
import { loadWorkbook } from '../support/workbooks';

const PERIOD = lastEndedPeriod('trimestrielle', todayInParis());

let root: string;
let dir: string;
let out: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'balise-activity-cli-'));
  dir = join(root, 'coffre');
  out = join(root, 'bilans');
  mkdirSync(out);
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

/** A vault with one structure and two active Promeneurs (one without e-mail). */
async function vaultWithPromeneurs(): Promise<void> {
  expect((await cli(['init', '--vault', dir])).code).toBe(0);
  const vault = new Vault(dir, { kdf: TEST_KDF });
  await vault.unlock(TEST_PASSPHRASE);
  const { id: structureId } = await createStructure(
    vault.db,
    structureFields.parse({
      name: 'Maison des jeunes des Rives',
      type: 'mjc',
      legalForm: 'association',
      networkStatus: 'dans_le_reseau',
    }),
  );
  for (const [firstName, lastName, email] of [
    ['Noé', 'Lambert', 'noe.lambert@rives.example'],
    ['Zoé', 'Martin', null],
  ] as const)
    await createPromeneur(
      vault.db,
      promeneurFields.parse({
        firstName,
        lastName,
        job: 'animateur',
        structureId,
        status: 'actif',
        statusSince: '2025-01-01',
        email,
      }),
    );
  await vault.lock();
}

const template = (...extra: string[]) =>
  cli(['activity', 'template', '--vault', dir, '--period', PERIOD.key, '--out', out, ...extra]);

describe('activity template', () => {
  it('writes one workbook per active Promeneur, for the user only, and prints the recipients', async () => {
    await vaultWithPromeneurs();
    const result = await template();
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toEqual([
      `bilan-activite-${PERIOD.key}-lambert-noe.xlsx`,
      `bilan-activite-${PERIOD.key}-martin-zoe.xlsx`,
    ]);
    for (const name of names) expect(statSync(join(out, name)).mode & 0o777).toBe(0o600);
    expect(result.out).toContain(`2 modèle(s) de bilan d’activité pour « ${PERIOD.label} »`);
    expect(result.out).toContain(
      `Noé Lambert (Maison des jeunes des Rives) — noe.lambert@rives.example — bilan-activite-${PERIOD.key}-lambert-noe.xlsx`,
    );
    expect(result.out).toContain(
      'Zoé Martin (Maison des jeunes des Rives) — pas d’e-mail dans l’annuaire',
    );
    const book = await loadWorkbook(readFileSync(join(out, names[0]!)));
    expect(book.getWorksheet('Bilan d’activité')!.getCell('B3').value).toBe('Noé Lambert');
    expect(book.getWorksheet('balise')!.getCell('B3').value).toBe(PERIOD.key);
  });

  it('replaces nothing without --force, and refuses malformed command lines', async () => {
    await vaultWithPromeneurs();
    writeFileSync(join(out, `bilan-activite-${PERIOD.key}-martin-zoe.xlsx`), 'ancien');
    const refused = await template();
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/existe déjà .* rien n’a été écrit\. Ajoutez --force/);
    expect(readdirSync(out)).toHaveLength(1);
    expect((await template('--force')).code).toBe(0);
    expect(readdirSync(out)).toHaveLength(2);

    for (const [argv, code, message] of [
      [
        ['activity', 'template', '--vault', dir, '--out', out],
        2,
        /--period PÉRIODE est obligatoire/,
      ],
      [
        ['activity', 'template', '--vault', dir, '--period', '2026-T5', '--out', out],
        2,
        /Période invalide/,
      ],
      [
        ['activity', 'template', '--vault', dir, '--period', PERIOD.key],
        2,
        /--out DOSSIER est obligatoire/,
      ],
      [
        [
          'activity',
          'template',
          '--vault',
          dir,
          '--period',
          PERIOD.key,
          '--out',
          join(root, 'absent'),
        ],
        1,
        /n’existe pas/,
      ],
      [['activity', 'modeles', '--vault', dir], 2, /attend une action parmi : template/],
      // A month while the collection is quarterly (the settings' default).
      [
        [
          'activity',
          'template',
          '--vault',
          dir,
          '--period',
          PERIOD.start.slice(0, 7),
          '--out',
          out,
        ],
        1,
        /la collecte est trimestrielle/,
      ],
    ] as const) {
      const result = await cli([...argv]);
      expect(result.code, argv.join(' ')).toBe(code);
      expect(result.err, argv.join(' ')).toMatch(message);
    }
  });
});
