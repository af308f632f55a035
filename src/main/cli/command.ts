/** What every command of the command line provides, and what it receives. */
import type { ParseArgsOptionsConfig } from 'node:util';
import type { Argon2Params } from '../vault/keys';
import type { CliIO } from './io';

export interface CliContext {
  io: CliIO;
  /** Writes a line for the person on standard output. */
  out(line?: string): void;
  /** Writes a line on standard error (errors, prompts, notices). */
  err(line?: string): void;
  /** Key-derivation cost for new vaults; tests lower it, the real command line keeps the default. */
  kdf?: Argon2Params;
}

export interface CommandArgs {
  /** The vault folder, absolute. */
  vault: string;
  /** The action named after the command (`conventions due`), for commands that have actions. */
  action: string | null;
  /** The command's own options, as parsed (strings and booleans). */
  values: Record<string, string | boolean | undefined>;
  /** The one argument after the action, for commands that take one (`import directory FICHIER`). */
  operand: string | null;
}

export interface Command {
  name: string;
  /** How to call it, after the program name: `verify --vault DOSSIER [--recovery]`. */
  usage: string;
  /** One line for the list of commands. */
  summary: string;
  /** Paragraphs for `<command> --help`. */
  details: string[];
  /** The actions it takes as its first word (`conventions due`); none for a plain command. */
  actions?: readonly string[];
  /** What the one argument after its action is, as the usage error says it (« le fichier à importer »); none by default. */
  operand?: string;
  /** Its options besides --vault and --help. */
  options: ParseArgsOptionsConfig;
  /** Returns the exit code. Throws DomainError (exit 1) or UsageError (exit 2). */
  run(args: CommandArgs, ctx: CliContext): Promise<number>;
}
