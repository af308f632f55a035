/** The administrators' command line, called through `run` with fake streams and a real vault on disk. */
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/main/cli/run';
import type { CliInput } from '../../src/main/cli/io';
import { DEMO_PASSPHRASE } from '../../src/main/session';
import { DB_FILE, KEY_FILE, Vault } from '../../src/main/vault/vault';
import { folderFingerprint } from '../support/files';
import { TEST_PASSPHRASE, TEST_KDF } from '../support/vault';

const RECOVERY_KEY = /([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}/;

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'balise-cli-'));
  dir = join(root, 'coffre');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

interface Call {
  env?: Record<string, string>;
  /** Standard input: text (a pipe or a file) or a ready-made stream (a fake terminal). */
  stdin?: string | CliInput;
}

async function cli(
  argv: string[],
  call: Call = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const stdin =
    typeof call.stdin === 'object'
      ? call.stdin
      : Readable.from(call.stdin === undefined ? [] : [Buffer.from(call.stdin)]);
  const code = await run(
    argv,
    {
      stdin,
      stdout: sink((s) => (out += s)),
      stderr: sink((s) => (err += s)),
      env: call.env ?? {},
    },
    { kdf: TEST_KDF },
  );
  return { code, out, err };
}

const withPassphrase = (passphrase = TEST_PASSPHRASE) => ({
  env: { BALISE_PASSPHRASE: passphrase },
});

async function init(): Promise<string> {
  const result = await cli(['init', '--vault', dir], withPassphrase());
  expect(result.code).toBe(0);
  return RECOVERY_KEY.exec(result.out)![0];
}

/** What must not change on disk: the bytes and modification times of the vault's two files. */
function snapshot() {
  return [DB_FILE, KEY_FILE].map((name) => {
    const file = join(dir, name);
    return { name, bytes: readFileSync(file).toString('base64'), mtime: statSync(file).mtimeMs };
  });
}

/** A stream that behaves like a terminal: raw mode, keystrokes as they are typed. */
function fakeTerminal(): PassThrough & CliInput {
  const tty = new PassThrough() as PassThrough & CliInput;
  tty.isTTY = true;
  tty.setRawMode = vi.fn();
  return tty;
}

describe('help and malformed command lines', () => {
  it.each([[[]], [['help']], [['--help']], [['-h']]])(
    '%j prints the usage, listing every command',
    async (argv) => {
      const { code, out } = await cli(argv);
      expect(code).toBe(0);
      for (const command of [
        'init --vault DOSSIER',
        'demo --vault DOSSIER [--seed N]',
        'verify --vault DOSSIER [--recovery]',
        'help',
      ])
        expect(out).toContain(command);
      expect(out).toContain('BALISE_PASSPHRASE');
    },
  );

  it('prints a command’s own help', async () => {
    for (const argv of [
      ['verify', '--help'],
      ['help', 'verify'],
    ]) {
      const { code, out } = await cli(argv);
      expect(code).toBe(0);
      expect(out).toContain('--recovery');
    }
  });

  it('refuses an unknown command with exit code 2', async () => {
    const { code, err } = await cli(['ouvrir', '--vault', dir]);
    expect(code).toBe(2);
    expect(err).toContain('Commande inconnue « ouvrir »');
    expect(existsSync(dir)).toBe(false);
  });

  it('does not echo an unknown "command" that may be a secret', async () => {
    const { code, err } = await cli(['Mon secret 2024!']);
    expect(code).toBe(2);
    expect(err).not.toContain('secret');
  });

  it('requires --vault', async () => {
    for (const name of ['init', 'demo', 'verify']) {
      const { code, err } = await cli([name], withPassphrase());
      expect(code).toBe(2);
      expect(err).toContain('--vault DOSSIER est obligatoire');
    }
    expect((await cli(['init', '--vault'], withPassphrase())).code).toBe(2);
  });

  it('refuses unknown options and stray arguments', async () => {
    const unknown = await cli(['init', '--vault', dir, '--force'], withPassphrase());
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Option inconnue pour « init » : --force');
    const stray = await cli(
      ['verify', '--vault', dir, '--recovery', 'ABCD-EFGH'],
      withPassphrase(),
    );
    expect(stray.code).toBe(2);
    expect(stray.err).toContain('Argument inattendu');
    expect(stray.err).not.toContain('ABCD');
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a passphrase given as an argument, without repeating it', async () => {
    for (const argv of [
      ['init', '--vault', dir, '--passphrase', 'une phrase de passe longue'],
      ['init', '--vault', dir, '--passphrase=une phrase de passe longue'],
      ['verify', '--passphrase', 'x', '--vault', dir],
    ]) {
      const { code, out, err } = await cli(argv);
      expect(code).toBe(2);
      expect(err).toContain('ne se donnent jamais en argument');
      expect(err).toContain('BALISE_PASSPHRASE');
      expect(out + err).not.toContain('une phrase de passe longue');
    }
    expect(existsSync(dir)).toBe(false);
  });
});

describe('init', () => {
  it('creates a vault with the passphrase from the environment and shows the recovery key once', async () => {
    const { code, out, err } = await cli(['init', '--vault', dir], withPassphrase());
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(RECOVERY_KEY);
    expect(out.match(new RegExp(RECOVERY_KEY, 'g'))).toHaveLength(1);
    expect(out).toContain('Recopiez-la');
    expect(out).not.toContain(TEST_PASSPHRASE);
    expect(existsSync(join(dir, DB_FILE))).toBe(true);
    expect(existsSync(join(dir, KEY_FILE))).toBe(true);
    // The vault opens with that passphrase, and was written with the cost it was given.
    const vault = new Vault(dir);
    expect(vault.readKeyFile().passphrase.params).toEqual(TEST_KDF);
    await vault.unlock(TEST_PASSPHRASE);
    await vault.lock();
  });

  it('reads the passphrase from the first line of standard input', async () => {
    const passphrase = 'phrase lue sur l’entrée standard, accentuée';
    const { code } = await cli(['init', '--vault', dir], {
      stdin: `${passphrase}\r\nune autre ligne\n`,
    });
    expect(code).toBe(0);
    expect((await cli(['verify', '--vault', dir], { stdin: `${passphrase}\n` })).code).toBe(0);
    expect((await cli(['verify', '--vault', dir], { stdin: 'une autre ligne\n' })).code).toBe(1);
  });

  it('reads a last line without a line ending, in chunks that split a character', async () => {
    const bytes = Buffer.from('phrase découpée en morceaux');
    const cut = bytes.indexOf(0xa9); // inside "é"
    const stdin = Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect((await cli(['init', '--vault', dir], { stdin })).code).toBe(0);
    expect(
      (await cli(['verify', '--vault', dir], withPassphrase('phrase découpée en morceaux'))).code,
    ).toBe(0);
  });

  it('asks twice on a terminal, without echoing what is typed', async () => {
    const tty = fakeTerminal();
    const passphrase = 'saisie au clavier été';
    const result = cli(['init', '--vault', dir], { stdin: tty });
    // Typed one key at a time, with a typo corrected by backspace and a stray arrow key,
    // then pasted in one go.
    for (const key of [...Array.from(`${passphrase}x\u007f`), '\u001b[D', '\r']) tty.write(key);
    await new Promise((r) => setTimeout(r, 20));
    tty.write(`${passphrase}\r`);
    const { code, out, err } = await result;
    expect(code).toBe(0);
    expect(err).toContain('Choisissez une phrase de passe');
    expect(err).toContain('Saisissez-la une seconde fois');
    expect(out + err).not.toContain(passphrase);
    expect(tty.setRawMode).toHaveBeenCalledWith(true);
    expect(tty.setRawMode).toHaveBeenLastCalledWith(false);
    expect((await cli(['verify', '--vault', dir], withPassphrase(passphrase))).code).toBe(0);
  });

  it('refuses two different entries on a terminal, and creates nothing', async () => {
    const tty = fakeTerminal();
    const result = cli(['init', '--vault', dir], { stdin: tty });
    tty.write('première phrase de passe\rseconde phrase de passe\r');
    const { code, err } = await result;
    expect(code).toBe(1);
    expect(err).toContain('ne correspondent pas');
    expect(existsSync(dir)).toBe(false);
  });

  it('stops on Ctrl+C at the prompt, and creates nothing', async () => {
    const tty = fakeTerminal();
    const result = cli(['init', '--vault', dir], { stdin: tty });
    tty.write('début\u0003');
    const { code, err } = await result;
    expect(code).toBe(130);
    expect(err).toContain('Interrompu');
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a passphrase shorter than 12 characters, or none at all', async () => {
    const short = await cli(['init', '--vault', dir], withPassphrase('trop court'));
    expect(short.code).toBe(1);
    expect(short.err).toContain('au moins 12 caractères');
    const none = await cli(['init', '--vault', dir]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('Aucune phrase de passe reçue');
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses to create a vault where one exists, and changes nothing', async () => {
    await init();
    const before = folderFingerprint(dir);
    const again = await cli(['init', '--vault', dir], withPassphrase('une tout autre phrase'));
    expect(again.code).toBe(1);
    expect(again.err).toContain('Un coffre existe déjà');
    expect(folderFingerprint(dir)).toEqual(before);
  });
});

describe('verify', () => {
  it('reports a healthy vault, with the passphrase from the environment or standard input', async () => {
    await init();
    const fromEnv = await cli(['verify', '--vault', dir], withPassphrase());
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.out).toContain('integrity_check) : aucun problème');
    expect(fromEnv.out).toContain('Version du schéma : à jour');
    expect(fromEnv.out).toContain('le coffre est en bon état');
    expect((await cli(['verify', '--vault', dir], { stdin: `${TEST_PASSPHRASE}\n` })).code).toBe(0);
  });

  it('never writes the database or the key file', async () => {
    await init();
    const before = snapshot();
    expect((await cli(['verify', '--vault', dir], withPassphrase())).code).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  it('fails on a wrong passphrase, touching nothing', async () => {
    await init();
    const before = snapshot();
    const files = folderFingerprint(dir);
    const { code, out, err } = await cli(
      ['verify', '--vault', dir],
      withPassphrase('une phrase de passe fausse'),
    );
    expect(code).toBe(1);
    expect(err).toContain('Phrase de passe incorrecte');
    expect(out).toBe('');
    expect(snapshot()).toEqual(before);
    expect(folderFingerprint(dir)).toEqual(files);
  });

  it('opens with the recovery key, as typed by a person', async () => {
    const recoveryKey = await init();
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    const fromEnv = await cli(['verify', '--vault', dir, '--recovery'], {
      env: { BALISE_RECOVERY_KEY: typed },
    });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.out).toContain('clé de secours');
    expect(
      (await cli(['verify', '--vault', dir, '--recovery'], { stdin: `${recoveryKey}\n` })).code,
    ).toBe(0);
    const wrong = await cli(['verify', '--vault', dir, '--recovery'], {
      env: { BALISE_RECOVERY_KEY: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Clé de secours incorrecte');
  });

  it('fails when there is no vault', async () => {
    const { code, err } = await cli(['verify', '--vault', dir], withPassphrase());
    expect(code).toBe(1);
    expect(err).toContain('Aucun coffre');
  });

  it('fails on a damaged key file', async () => {
    await init();
    writeFileSync(join(dir, KEY_FILE), '{"format":"balise-keys"');
    const { code, err } = await cli(['verify', '--vault', dir], withPassphrase());
    expect(code).toBe(1);
    expect(err).toContain('fichier des clés');
  });

  it('fails when the database file is missing', async () => {
    await init();
    rmSync(join(dir, DB_FILE));
    const { code, err } = await cli(['verify', '--vault', dir], withPassphrase());
    expect(code).toBe(1);
    expect(err).toContain('introuvable');
  });

  it('fails on a garbled database file, and leaves it as it was', async () => {
    await init();
    const file = join(dir, DB_FILE);
    writeFileSync(file, randomBytes(statSync(file).size));
    const garbled = readFileSync(file);
    const { code, err } = await cli(['verify', '--vault', dir], withPassphrase());
    expect(code).toBe(1);
    expect(err).toContain('abîmé');
    expect(readFileSync(file)).toEqual(garbled);
  });

  it('fails when a page in the middle of the database is damaged', async () => {
    await cli(['demo', '--vault', dir], withPassphrase());
    const file = join(dir, DB_FILE);
    const pages = statSync(file).size / 4096;
    expect(pages).toBeGreaterThan(8);
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(4096), 0, 4096, Math.floor(pages / 2) * 4096);
    closeSync(fd);
    const { code, out, err } = await cli(['verify', '--vault', dir], withPassphrase());
    expect(code).toBe(1);
    expect(out + err).toMatch(/ÉCHEC Intégrité|abîmé/);
  });

  it('fails on a vault written by a newer version of Balise, without migrating it', async () => {
    await init();
    const vault = new Vault(dir);
    await vault.unlock(TEST_PASSPHRASE);
    vault.connection
      .prepare('insert into migrations (name, applied_at) values (?, ?)')
      .run('2099_01_01_001_future', new Date().toISOString());
    await vault.lock();
    const before = snapshot();
    const { code, out } = await cli(['verify', '--vault', dir], withPassphrase());
    expect(code).toBe(1);
    expect(out).toContain('version plus récente');
    expect(snapshot()).toEqual(before);
  });
});

describe('demo', () => {
  it('creates a filled demo vault that verify finds healthy', async () => {
    const { code, out } = await cli(['demo', '--vault', dir, '--seed', '7'], withPassphrase());
    expect(code).toBe(0);
    expect(out).toContain('graine 7');
    expect(out).toMatch(/Promeneurs du Net : \d+ \(/);
    expect(out).not.toContain(DEMO_PASSPHRASE);
    const verified = await cli(['verify', '--vault', dir], withPassphrase());
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/Contenu : \d+ structure\(s\), \d+ Promeneur\(s\)/);
  });

  it('uses the demo passphrase when none is given, and says so', async () => {
    const { code, out } = await cli(['demo', '--vault', dir]);
    expect(code).toBe(0);
    expect(out).toContain(`phrase de démonstration « ${DEMO_PASSPHRASE} »`);
    expect((await cli(['verify', '--vault', dir], withPassphrase(DEMO_PASSPHRASE))).code).toBe(0);
  });

  it('refuses an existing vault and a malformed seed', async () => {
    await init();
    const before = folderFingerprint(dir);
    expect((await cli(['demo', '--vault', dir], withPassphrase())).code).toBe(1);
    expect(folderFingerprint(dir)).toEqual(before);
    const other = join(root, 'autre');
    for (const seed of ['abc', '-1', '1.5', '99999999999']) {
      const { code, err } = await cli(
        ['demo', '--vault', other, `--seed=${seed}`],
        withPassphrase(),
      );
      expect(code).toBe(2);
      expect(err).toContain('--seed');
    }
    expect(existsSync(other)).toBe(false);
  });
});

describe('conventions due', () => {
  it('prints the to-do list of the demo’s conventions up to a date, overdue items flagged', async () => {
    expect((await cli(['demo', '--vault', dir], withPassphrase())).code).toBe(0);
    const soon = await cli(['conventions', 'due', '--vault', dir], withPassphrase());
    expect(soon.code).toBe(0);
    expect(soon.out).toMatch(
      /^À faire d’ici le \d{2}\/\d{2}\/\d{4} : \d+ élément\(s\), dont \d+ en retard\./,
    );
    expect(soon.out).toContain('[Fin de convention]');
    expect(soon.out).toContain('EN RETARD');
    const later = await cli(
      ['conventions', 'due', '--vault', dir, '--before', '31/12/2030'],
      withPassphrase(),
    );
    expect(later.code).toBe(0);
    const count = (text: string) => Number(/: (\d+) élément/.exec(text)![1]);
    expect(count(later.out)).toBeGreaterThan(count(soon.out));
    // Sorted by date: the first column, read back as yyyy-mm-dd, never goes down.
    const dates = later.out
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.slice(0, 10).split('/').reverse().join('-'));
    expect(dates).toEqual([...dates].sort());
  });

  it('says when there is nothing to do', async () => {
    await init();
    const { code, out } = await cli(
      ['conventions', 'due', '--vault', dir, '--before', '2027-01-31'],
      withPassphrase(),
    );
    expect(code).toBe(0);
    expect(out).toContain('Rien à faire d’ici le 31/01/2027.');
  });

  it('refuses a missing or unknown action and a malformed date, with exit code 2', async () => {
    await init();
    const before = folderFingerprint(dir);
    for (const argv of [
      ['conventions', '--vault', dir],
      ['conventions', 'list', '--vault', dir],
      ['conventions', 'due', '--vault', dir, '--before', '31/02/2027'],
      ['conventions', 'due', '--vault', dir, '--before', 'demain'],
    ]) {
      const { code, err } = await cli(argv, withPassphrase());
      expect(code).toBe(2);
      expect(err.length).toBeGreaterThan(0);
    }
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('fails on a wrong passphrase or a missing vault', async () => {
    await init();
    const wrong = await cli(
      ['conventions', 'due', '--vault', dir],
      withPassphrase('pas la bonne phrase'),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Phrase de passe incorrecte');
    const missing = await cli(
      ['conventions', 'due', '--vault', join(root, 'nulle-part')],
      withPassphrase(),
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Aucun coffre');
  });
});

describe('calendar export', () => {
  const year = new Date().getFullYear();
  const from = `${year - 1}-01-01`;
  const to = `${year + 1}-12-31`;

  it('writes the demo’s events of a period as a readable .ics file, for the user only', async () => {
    expect((await cli(['demo', '--vault', dir], withPassphrase())).code).toBe(0);
    const out = join(root, 'calendrier.ics');
    const { code, out: printed } = await cli(
      [
        'calendar',
        'export',
        '--vault',
        dir,
        '--from',
        `01/01/${year - 1}`,
        '--to',
        to,
        '--out',
        out,
      ],
      withPassphrase(),
    );
    expect(code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const content = readFileSync(out, 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(content));
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Balise//Promeneurs du Net//FR');
    const uids = calendar
      .getAllSubcomponents('vevent')
      .map((v) => v.getFirstPropertyValue('uid') as string)
      .sort();
    // Exactly the vault's events that overlap the period.
    const vault = new Vault(dir, { kdf: TEST_KDF });
    await vault.unlock(TEST_PASSPHRASE);
    const expected = (
      vault.connection
        .prepare('select uid from events where start <= ? and "end" >= ? order by uid')
        .all(`${to}T23:59`, `${from}T00:00`) as { uid: string }[]
    ).map((r) => r.uid);
    await vault.lock();
    expect(expected.length).toBeGreaterThan(0);
    expect(uids).toEqual([...expected].sort());
    expect(printed).toContain(
      `${expected.length} évènement(s) du 01/01/${year - 1} au 31/12/${year + 1}`,
    );
    expect(printed).toContain(out);
  });

  it('refuses a missing --out or dates, a malformed date and a reversed period (exit 2)', async () => {
    await init();
    const before = folderFingerprint(dir);
    for (const argv of [
      ['calendar', 'export', '--vault', dir, '--from', from, '--to', to],
      ['calendar', 'export', '--vault', dir, '--to', to, '--out', join(root, 'a.ics')],
      ['calendar', 'export', '--vault', dir, '--from', from, '--out', join(root, 'a.ics')],
      [
        'calendar',
        'export',
        '--vault',
        dir,
        '--from',
        '31/02/2027',
        '--to',
        to,
        '--out',
        join(root, 'a.ics'),
      ],
      [
        'calendar',
        'export',
        '--vault',
        dir,
        '--from',
        '2027-12-31',
        '--to',
        '01/01/2027',
        '--out',
        join(root, 'a.ics'),
      ],
      ['calendar', 'import', '--vault', dir],
    ]) {
      const { code, err } = await cli(argv, withPassphrase());
      expect(code, argv.join(' ')).toBe(2);
      expect(err.length).toBeGreaterThan(0);
    }
    const reversed = await cli(
      [
        'calendar',
        'export',
        '--vault',
        dir,
        '--from',
        '2027-12-31',
        '--to',
        '01/01/2027',
        '--out',
        join(root, 'a.ics'),
      ],
      withPassphrase(),
    );
    expect(reversed.err).toContain('à l’envers');
    expect(folderFingerprint(dir)).toEqual(before);
    expect(existsSync(join(root, 'a.ics'))).toBe(false);
  });

  it('never replaces an existing file without --force', async () => {
    await init();
    const out = join(root, 'existant.ics');
    writeFileSync(out, 'à garder');
    const refused = await cli(
      ['calendar', 'export', '--vault', dir, '--from', from, '--to', to, '--out', out],
      withPassphrase(),
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('existe déjà');
    expect(refused.err).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('à garder');
    const forced = await cli(
      ['calendar', 'export', '--vault', dir, '--from', from, '--to', to, '--out', out, '--force'],
      withPassphrase(),
    );
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('0 évènement(s)');
    expect(readFileSync(out, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('fails on a wrong passphrase or a missing vault, writing nothing', async () => {
    await init();
    const out = join(root, 'calendrier.ics');
    const wrong = await cli(
      ['calendar', 'export', '--vault', dir, '--from', from, '--to', to, '--out', out],
      withPassphrase('pas la bonne phrase'),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Phrase de passe incorrecte');
    const missing = await cli(
      [
        'calendar',
        'export',
        '--vault',
        join(root, 'nulle-part'),
        '--from',
        from,
        '--to',
        to,
        '--out',
        out,
      ],
      withPassphrase(),
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Aucun coffre');
    expect(existsSync(out)).toBe(false);
  });
});

describe('backup and restore', () => {
  async function fill(count: number): Promise<void> {
    const vault = new Vault(dir, { kdf: TEST_KDF });
    await vault.unlock(TEST_PASSPHRASE);
    for (let i = 0; i < count; i++)
      vault.connection
        .prepare(
          `insert into structures (name, type, legal_form, network_status, created_at, updated_at)
           values (?, 'mjc', 'association', 'dans_le_reseau', ?, ?)`,
        )
        .run(`Structure ${i}`, new Date().toISOString(), new Date().toISOString());
    await vault.lock();
  }
  async function count(): Promise<number> {
    const vault = new Vault(dir, { kdf: TEST_KDF });
    await vault.unlock(TEST_PASSPHRASE);
    const n = (
      vault.connection.prepare('select count(*) as n from structures').get() as { n: number }
    ).n;
    await vault.lock();
    return n;
  }

  it('backs up into a folder and restores by path or by name, keeping the replaced vault aside', async () => {
    const recovery = await init();
    await fill(25);
    const to = join(root, 'cle-usb');
    const absent = await cli(['backup', '--vault', dir, '--to', to], withPassphrase());
    expect(absent.code).toBe(1);
    expect(absent.err).toMatch(/n’existe pas/);
    mkdirSync(to);
    const made = await cli(['backup', '--vault', dir, '--to', to], withPassphrase());
    expect(made.code, made.err).toBe(0);
    const file = /Sauvegarde écrite : (\S+\.db) \(([^)]+)\)/.exec(made.out)!;
    console.log(`cli backup: 25 structures, ${file[2]}`);
    expect(existsSync(file[1]!)).toBe(true);
    expect(existsSync(file[1]!.replace(/\.db$/, '.keys.json'))).toBe(true);

    await fill(5);
    expect(await count()).toBe(30);
    const restored = await cli(['restore', '--vault', dir, '--from', file[1]!], withPassphrase());
    expect(restored.code, restored.err).toBe(0);
    const aside = /conservé dans (\S+)\.$/m.exec(restored.out)![1]!;
    expect(existsSync(join(aside, DB_FILE))).toBe(true);
    expect(await count()).toBe(25);
    // The vault replaced was saved first, in the vault's backup folder (beside it by default).
    expect(restored.out).toMatch(/avant-restauration/);

    // By name, from the vault's backup folder, with the recovery key.
    const name = /(balise-[\d-]+-avant-restauration)/.exec(restored.out)![1]!;
    const byName = await cli(['restore', '--vault', dir, '--from', name, '--recovery'], {
      env: { BALISE_RECOVERY_KEY: recovery },
    });
    expect(byName.code, byName.err).toBe(0);
    expect(await count()).toBe(30);
  });

  it('refuses a backup that fails verification, exit 1, nothing touched', async () => {
    await init();
    const to = join(root, 'sauvegardes');
    mkdirSync(to);
    const made = await cli(['backup', '--vault', dir, '--to', to], withPassphrase());
    const db = /Sauvegarde écrite : (\S+\.db)/.exec(made.out)![1]!;
    const bytes = readFileSync(db);
    writeFileSync(db, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = snapshot();
    const refused = await cli(['restore', '--vault', dir, '--from', db], withPassphrase());
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/abîmée|abîmé/);
    expect(snapshot()).toEqual(before);
    const wrong = await cli(
      ['restore', '--vault', dir, '--from', db],
      withPassphrase('pas la bonne phrase'),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/n’ouvre pas cette sauvegarde/);
    const missing = await cli(
      ['restore', '--vault', dir, '--from', join(to, 'rien.db')],
      withPassphrase(),
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/introuvable/);
    expect(snapshot()).toEqual(before);
    const usage = await cli(['restore', '--vault', dir], withPassphrase());
    expect(usage.code).toBe(2);
  });
});
