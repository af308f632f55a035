/**
 * The command line of Balise, for administrators: create a vault, create a demo vault,
 * verify a vault. `run` takes the arguments and the streams and returns the exit code, so
 * tests call it directly: 0 success, 1 failure, 2 malformed command line.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '../../shared/result';
import type { Argon2Params } from '../vault/keys';
import type { CliContext, Command } from './command';
import { activityCommand } from './commands/activity';
import { backupCommand, restoreCommand } from './commands/backup';
import { calendarCommand } from './commands/calendar';
import { conventionsCommand } from './commands/conventions';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { verifyCommand } from './commands/verify';
import { CancelledError, UsageError, type CliIO } from './io';

export type { CliIO } from './io';

export const COMMANDS: readonly Command[] = [
  initCommand,
  demoCommand,
  verifyCommand,
  conventionsCommand,
  calendarCommand,
  activityCommand,
  importCommand,
  exportCommand,
  backupCommand,
  restoreCommand,
];

export interface RunOptions {
  /** Key-derivation cost for new vaults (tests lower it); the default is the app's. */
  kdf?: Argon2Params;
}

const PROGRAM = 'npm run cli --';

const SECRET_FLAGS = /^--?(passphrase|phrase|password|mot-de-passe|recovery-key|cle|key)(=|$)/i;

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length), 'help [COMMANDE]'.length) + 2;
  const line = (left: string, right: string) => `  ${left.padEnd(width)}${right}`;
  return [
    'Balise — outils d’administration en ligne de commande',
    '',
    `Usage : ${PROGRAM} <commande> --vault DOSSIER [options]`,
    '',
    'Commandes :',
    ...COMMANDS.map((c) => line(c.usage, c.summary)),
    line(
      'help [COMMANDE]',
      'Affiche cette aide, ou celle d’une commande (aussi : <commande> --help).',
    ),
    '',
    'Phrase de passe et clé de secours :',
    '  Elles ne se donnent jamais en argument (elles resteraient dans l’historique du terminal et',
    '  seraient visibles des autres programmes). Balise les lit dans les variables d’environnement',
    '  BALISE_PASSPHRASE et BALISE_RECOVERY_KEY, sinon les demande sans les afficher, ou lit la',
    '  première ligne de l’entrée standard quand elle n’est pas un terminal.',
    '',
    'Codes de sortie : 0 réussite ; 1 échec (coffre absent, abîmé, phrase de passe incorrecte…) ;',
    '  2 commande mal formée.',
    '',
    'Exemples :',
    `  ${PROGRAM} init --vault ~/Balise/coffre`,
    `  ${PROGRAM} demo --vault /tmp/balise-demo --seed 7`,
    `  ${PROGRAM} verify --vault ~/Balise/coffre`,
    `  ${PROGRAM} conventions due --vault ~/Balise/coffre --before 31/03/2027`,
    `  ${PROGRAM} calendar export --vault ~/Balise/coffre --from 01/01/2027 --to 30/06/2027 --out ~/calendrier.ics`,
    `  ${PROGRAM} activity template --vault ~/Balise/coffre --period 2026-T3 --out ~/bilans`,
    `  ${PROGRAM} import directory ~/annuaire-pdn.xlsx --vault ~/Balise/coffre --dry-run`,
    `  ${PROGRAM} export bilan --vault ~/Balise/coffre --year 2026 --out ~/bilan-2026.xlsx`,
    `  ${PROGRAM} backup --vault ~/Balise/coffre --to /media/cle/Balise`,
    `  ${PROGRAM} restore --vault ~/Balise/coffre --from /media/cle/Balise/balise-2027-01-15-180000-manuelle.db`,
  ].join('\n');
}

export function commandHelp(command: Command): string {
  return [
    `Usage : ${PROGRAM} ${command.usage}`,
    '',
    command.summary,
    '',
    ...command.details.flatMap((d) => [d, '']),
    'Voir aussi : ' + `${PROGRAM} help`,
  ].join('\n');
}

/** parseArgs' English errors, in French; never echoes an option's value. */
function usageErrorOf(error: unknown, command: Command): UsageError {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : '';
  const option = /'(--?[A-Za-z][\w-]*)/.exec(message)?.[1];
  const help = `Consultez « ${PROGRAM} ${command.name} --help ».`;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(
        `Option inconnue pour « ${command.name} »${option ? ` : ${option}` : ''}. ${help}`,
      );
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(
        `${option ? `L’option ${option}` : 'Une option'} attend une valeur, ou n’en accepte pas. ${help}`,
      );
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(
        `Argument inattendu pour « ${command.name} » (rappel : la phrase de passe et la clé de secours ne se donnent jamais en argument). ${help}`,
      );
    default:
      return new UsageError(`Ligne de commande invalide. ${help}`);
  }
}

async function dispatch(argv: string[], ctx: CliContext): Promise<number> {
  if (argv.some((arg) => SECRET_FLAGS.test(arg)))
    throw new UsageError(
      'Refusé : la phrase de passe et la clé de secours ne se donnent jamais en argument (elles resteraient dans l’historique du terminal et seraient visibles dans la liste des processus). ' +
        'Utilisez la variable d’environnement BALISE_PASSPHRASE (ou BALISE_RECOVERY_KEY), ou saisissez-la quand elle est demandée.',
    );
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const about = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (name === 'help' && rest[0] !== undefined && !about)
      throw new UsageError(
        `Commande inconnue. Les commandes sont : ${COMMANDS.map((c) => c.name).join(', ')}.`,
      );
    ctx.out(about ? commandHelp(about) : usage());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    // Echo only what looks like a command name: a mistyped secret must not be printed back.
    const shown = /^[a-z][a-z-]{0,20}$/i.test(name) ? ` « ${name} »` : '';
    throw new UsageError(
      `Commande inconnue${shown}. Les commandes sont : ${COMMANDS.map((c) => c.name).join(', ')}. Consultez « ${PROGRAM} help ».`,
    );
  }
  let action: string | null = null;
  let args = rest;
  if (command.actions) {
    const [first, ...others] = rest;
    if (first !== '--help' && first !== '-h') {
      if (first === undefined || !command.actions.includes(first))
        throw new UsageError(
          `« ${command.name} » attend une action parmi : ${command.actions.join(', ')}. Consultez « ${PROGRAM} ${command.name} --help ».`,
        );
      action = first;
      args = others;
    }
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        vault: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...command.options,
      },
      strict: true,
      allowPositionals: command.operand !== undefined,
    }) as { values: Record<string, string | boolean | undefined>; positionals: string[] });
  } catch (error) {
    throw usageErrorOf(error, command);
  }
  if (values.help) {
    ctx.out(commandHelp(command));
    return 0;
  }
  const vault = values.vault;
  if (typeof vault !== 'string' || vault.trim() === '')
    throw new UsageError(
      `L’option --vault DOSSIER est obligatoire : indiquez le dossier du coffre (exemple : ${PROGRAM} ${command.name} --vault ~/Balise/coffre).`,
    );
  if (command.operand !== undefined && positionals.length !== 1) {
    const called = `« ${command.name}${action ? ` ${action}` : ''} »`;
    throw new UsageError(
      positionals.length === 0
        ? `${called} attend ${command.operand}. Consultez « ${PROGRAM} ${command.name} --help ».`
        : `${called} n’attend qu’un argument, ${command.operand} : mettez entre guillemets un chemin qui contient des espaces.`,
    );
  }
  return command.run(
    { vault: resolve(vault), action, values, operand: positionals[0] ?? null },
    ctx,
  );
}

export async function run(argv: string[], io: CliIO, options: RunOptions = {}): Promise<number> {
  const write =
    (stream: NodeJS.WritableStream) =>
    (line = '') =>
      void stream.write(`${line}\n`);
  const ctx: CliContext = {
    io,
    out: write(io.stdout),
    err: write(io.stderr),
    kdf: options.kdf,
  };
  try {
    return await dispatch(argv, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.err(error.message);
      return 2;
    }
    if (error instanceof DomainError) {
      ctx.err(error.message);
      return 1;
    }
    if (error instanceof CancelledError) {
      ctx.err('Interrompu : rien n’a été modifié.');
      return 130;
    }
    // Unexpected: the error's name and code help; its message is the system's (paths, not records).
    const code =
      error && typeof error === 'object' && 'code' in error ? ` (${String(error.code)})` : '';
    const detail = error instanceof Error ? ` : ${error.message}` : '';
    ctx.err(`Erreur inattendue${code}${detail}`);
    return 1;
  }
}
