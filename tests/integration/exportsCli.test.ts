/**
 * `export` on the command line: the Bilan annuel and the directory written for the user only
 * from a demo vault, read back; an existing file kept without --force; bad options refused
 * with exit code 2 before the vault is opened.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/main/cli/run';
import { TEST_PASSPHRASE, TEST_KDF } from '../support/vault';
import { loadWorkbook } from '../support/workbooks';

let root: string;
let dir: string;

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

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'balise-export-cli-'));
  dir = join(root, 'coffre');
  const demo = await cli(['demo', '--vault', dir]);
  expect(demo.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('export', () => {
  it('writes the Bilan annuel of a year, for the user only', async () => {
    const out = join(root, 'bilan.xlsx');
    const year = String(new Date().getFullYear());
    const result = await cli(['export', 'bilan', '--vault', dir, '--year', year, '--out', out]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`bilan-annuel-${year}.xlsx`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const book = await loadWorkbook(readFileSync(out));
    expect(book.worksheets.map((w) => w.name)[0]).toBe('Synthèse');
    expect(book.title).toBe(`Bilan annuel ${year} des Promeneurs du Net`);
  });

  it('writes the directory as CSV, the conventions and the attendance of a period', async () => {
    const csv = join(root, 'annuaire.csv');
    expect(
      (await cli(['export', 'annuaire', '--vault', dir, '--format', 'csv', '--out', csv])).code,
    ).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFFPrénom;Nom;')).toBe(true);
    const conventions = join(root, 'conventions.xlsx');
    expect((await cli(['export', 'conventions', '--vault', dir, '--out', conventions])).code).toBe(
      0,
    );
    expect((await loadWorkbook(readFileSync(conventions))).worksheets).toHaveLength(4);
    const attendance = join(root, 'emargement.xlsx');
    const result = await cli([
      'export',
      'attendance',
      '--vault',
      dir,
      '--from',
      '01/01/2026',
      '--to',
      '31/12/2026',
      '--out',
      attendance,
    ]);
    expect(result.code).toBe(0);
    expect((await loadWorkbook(readFileSync(attendance))).worksheets[1]!.name).toBe('Présences');
  });

  it('keeps an existing file without --force, and refuses bad options in French', async () => {
    const existing = join(root, 'existant.xlsx');
    writeFileSync(existing, 'à garder');
    const kept = await cli(['export', 'conventions', '--vault', dir, '--out', existing]);
    expect(kept.code).toBe(1);
    expect(kept.err).toContain('existe déjà');
    expect(readFileSync(existing, 'utf8')).toBe('à garder');

    const noYear = await cli(['export', 'bilan', '--vault', dir, '--out', join(root, 'x.xlsx')]);
    expect(noYear.code).toBe(2);
    expect(noYear.err).toContain('--year ANNÉE est obligatoire');
    const badFormat = await cli(['export', 'annuaire', '--vault', dir, '--format', 'ods']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toContain('xlsx ou csv');
    const unknown = await cli(['export', 'tout', '--vault', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('bilan, annuaire, conventions, decisions, attendance, copil');
  });
});
